/**
 * The kinds of file a meeting's materials may hold, by the extension of the file's name, with the media
 * type stored for each. The server checks the content against the name (magic bytes), so a file is what
 * its name says; the client offers the same list in its file picker.
 */
export const attachmentKinds = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
} as const;

export type AttachmentExtension = keyof typeof attachmentKinds;

/** The extension of a file name, lower case, when it is one of `attachmentKinds`; else null. */
export function attachmentExtension(name: string): AttachmentExtension | null {
  const dot = name.lastIndexOf('.');
  const extension = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  return Object.hasOwn(attachmentKinds, extension) ? (extension as AttachmentExtension) : null;
}
