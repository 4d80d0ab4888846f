export interface UploadAnswer {
  attachment?: {
    id: string;
    meetingId: string;
    agendaItemId: string | null;
    name: string;
    mediaType: string;
    size: number;
    sha256: string;
  };
  errors?: { message: string; extensions: { code: string; field?: string } }[];
}

export interface UploadInput {
  meetingId: string;
  agendaItemId?: string;
  name: string;
  content: Uint8Array | string;
  /** What the client claims; the server judges by the content. */
  type?: string;
}

/** A real multipart request to `POST /uploads`, as a browser's FormData sends it. */
export async function upload(
  url: string,
  token: string | undefined,
  input: UploadInput,
): Promise<{ status: number; body: UploadAnswer }> {
  const form = new FormData();
  form.set('meetingId', input.meetingId);
  if (input.agendaItemId) form.set('agendaItemId', input.agendaItemId);
  form.set('file', new Blob([input.content], { type: input.type ?? 'application/pdf' }), input.name);
  const response = await fetch(`${url}/uploads`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  return { status: response.status, body: (await response.json()) as UploadAnswer };
}
