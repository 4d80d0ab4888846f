// `POST /uploads`: files of a meeting's materials as real multipart requests (fetch + FormData + Blob, as a
// browser sends them) to the real server, on PostgreSQL or PGlite. Every refusal is coded, has its HTTP
// status, and writes nothing: no row, no event.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { ApiTokenScope, Classification, EventType, limits, MeetingStatus } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileName } from '../src/commands/meeting-attachment.commands.js';
import { Attachment, Event, type Meeting, type Organization, type Unit } from '../src/entities/index.js';
import { buildApiToken, buildOrganization, buildUser } from './support/factories.js';
import { buildAgendaItems, buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type TestServer } from './support/server.js';
import { upload, type UploadInput } from './support/uploads.js';

type Account = { token: string };

/** `size` bytes that a content check takes for a PDF: the magic bytes, then noise. */
function pdf(size: number): Buffer {
  const content = randomBytes(size);
  content.write('%PDF-1.7\n');
  return content;
}

const sha256 = (content: Uint8Array | string) => createHash('sha256').update(content).digest('hex');

describe('POST /uploads', () => {
  let t: TestServer;
  let organization: Organization;
  let committee: Unit;
  let office: Account;
  let member: Account;
  let readOnly: Account;
  let stranger: Account;
  let meeting: Meeting;
  let hidden: Meeting;
  let itemId: string;
  let otherItemId: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      ({ organization, committee, office, member } = tenant);
      readOnly = await buildApiToken(em, tenant.office.user, [ApiTokenScope.READ]);
      const elsewhere = await buildOrganization(em, 'Another organization');
      stranger = await buildUser(em, elsewhere.organization, { unit: elsewhere.office });
      meeting = await buildMeetingIn(em, organization, committee, { status: MeetingStatus.SCHEDULED });
      // Not even the office sees a confidential meeting it is not named on.
      hidden = await buildMeetingIn(em, organization, committee, {
        classification: Classification.CONFIDENTIAL,
      });
      itemId = (await buildAgendaItems(em, meeting, [{ title: 'Báo cáo' }]))[0]!.id;
      const other = await buildMeetingIn(em, organization, committee);
      otherItemId = (await buildAgendaItems(em, other, [{ title: 'Khác' }]))[0]!.id;
    });
  });
  afterAll(() => t.close());

  const em = () => t.db.orm.em.fork();
  const counts = async () => ({
    files: await em().count(Attachment, {}),
    events: await em().count(Event, {}),
  });
  const send = (token: string | undefined, input: Partial<UploadInput> = {}) =>
    upload(t.url, token, { meetingId: meeting.id, name: 'to-trinh.pdf', content: pdf(1000), ...input });

  /** Sends, expects the refusal (status, code, field) and that nothing was written. */
  const refused = async (
    token: string | undefined,
    input: Partial<UploadInput>,
    status: number,
    code: string,
    field?: string,
  ) => {
    const before = await counts();
    const answer = await send(token, input);
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code, ...(field ? { field } : {}) });
    expect(await counts()).toEqual(before);
    return answer;
  };

  it('stores a 4.9 MiB PDF with its SHA-256, readable back over GraphQL, and announces it', async () => {
    const content = pdf(Math.floor(4.9 * 1024 * 1024));
    const answer = await send(office.token, { name: 'Tờ trình số 12.pdf', content, agendaItemId: itemId });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.attachment).toMatchObject({
      meetingId: meeting.id,
      agendaItemId: itemId,
      name: 'Tờ trình số 12.pdf',
      mediaType: 'application/pdf',
      size: content.length,
      sha256: sha256(content),
    });
    const id = answer.body.attachment!.id;

    const read = await t.gql<{
      attachment: { name: string; sha256: string; size: number; contentBase64: string };
    }>(`query($id: ID!) { attachment(id: $id) { name sha256 size contentBase64 } }`, { id }, member.token);
    expect(read.errors).toBeUndefined();
    expect(read.data?.attachment).toMatchObject({ sha256: sha256(content), size: content.length });
    expect(Buffer.from(read.data!.attachment.contentBase64, 'base64').equals(content)).toBe(true);

    const event = await em().findOneOrFail(Event, { type: EventType.ATTACHMENT_ADDED, subjectId: itemId });
    expect(event.changes).toMatchObject({ attachmentId: { after: id }, size: { after: content.length } });
  });

  it('refuses 5 MiB + 1 byte with 413 PAYLOAD_TOO_LARGE and stores nothing; 5 MiB exactly fits', async () => {
    await refused(office.token, { content: pdf(limits.attachmentBytesMax + 1) }, 413, 'PAYLOAD_TOO_LARGE');
    const exact = await send(office.token, { content: pdf(limits.attachmentBytesMax) });
    expect(exact.status, JSON.stringify(exact.body)).toBe(201);
  });

  it('checks the kind by content: 415 UNSUPPORTED_MEDIA_TYPE when it is not what the name says', async () => {
    await refused(
      office.token,
      { name: 'bao-cao.pdf', content: 'Chỉ là văn bản.' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await refused(office.token, { name: 'anh.pdf', content: png }, 415, 'UNSUPPORTED_MEDIA_TYPE');
    await refused(office.token, { name: 'ghi-chu.txt', content: 'text' }, 415, 'UNSUPPORTED_MEDIA_TYPE');
    // The type the client claims does not count, either way.
    const answer = await send(office.token, { name: 'anh.png', content: png, type: 'application/pdf' });
    expect(answer.status).toBe(201);
    expect(answer.body.attachment?.mediaType).toBe('image/png');
  });

  it('answers 401 without a valid token, 403 to a read-only token or a reader, 404 for a hidden meeting', async () => {
    await refused(undefined, {}, 401, 'UNAUTHENTICATED');
    await refused('garbage', {}, 401, 'UNAUTHENTICATED');
    await refused(readOnly.token, {}, 403, 'FORBIDDEN');
    await refused(member.token, {}, 403, 'FORBIDDEN');
    const notFound = await refused(office.token, { meetingId: hidden.id }, 404, 'NOT_FOUND');
    // The same answer as for a meeting that does not exist.
    const absent = '00000000-0000-4000-8000-000000000000';
    const none = await refused(office.token, { meetingId: absent }, 404, 'NOT_FOUND');
    expect(notFound.body.errors?.[0]?.message.replace(hidden.id, '<id>')).toBe(
      none.body.errors?.[0]?.message.replace(absent, '<id>'),
    );
    await refused(stranger.token, {}, 404, 'NOT_FOUND');
  });

  it('refuses bad names and fields with 400 BAD_USER_INPUT naming the field', async () => {
    await refused(office.token, { name: 'hồ-sơ\u202efdp.exe.pdf' }, 400, 'BAD_USER_INPUT', 'name');
    await refused(office.token, { name: 'a\u2066b.pdf' }, 400, 'BAD_USER_INPUT', 'name');
    await refused(office.token, { name: '   ' }, 400, 'BAD_USER_INPUT', 'name');
    await refused(
      office.token,
      { name: `${'a'.repeat(limits.fileNameMax)}.pdf` },
      400,
      'BAD_USER_INPUT',
      'name',
    );
    await refused(office.token, { meetingId: 'not-an-id' }, 400, 'BAD_USER_INPUT', 'meetingId');
    await refused(office.token, { agendaItemId: otherItemId }, 400, 'BAD_USER_INPUT', 'agendaItemId');

    // One rule, whoever calls it: slashes, controls, bidi controls, lone surrogates.
    for (const name of [
      '../etc/passwd',
      'a\\b.pdf',
      'a\u0000.pdf',
      'a\u009f.pdf',
      'a\u200f.pdf',
      'a\ud800.pdf',
    ])
      expect(() => fileName(name), name).toThrow(/file name/);
    // macOS sends Vietnamese names decomposed: stored composed.
    expect(fileName(' Tờ trình.pdf '.normalize('NFD'))).toBe('Tờ trình.pdf');
  });

  it('refuses a request that is not a multipart upload of one file', async () => {
    const post = (body: string | FormData, headers: Record<string, string> = {}) =>
      fetch(`${t.url}/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${office.token}`, ...headers },
        body,
      });
    const json = await post(JSON.stringify({ meetingId: meeting.id }), {
      'content-type': 'application/json',
    });
    expect(json.status).toBe(415);
    const noFile = new FormData();
    noFile.set('meetingId', meeting.id);
    const none = await post(noFile);
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'file' } }],
    });
    const two = new FormData();
    two.set('meetingId', meeting.id);
    two.append('file', new Blob([pdf(10)]), 'a.pdf');
    two.append('file', new Blob([pdf(10)]), 'b.pdf');
    expect((await post(two)).status).toBe(400);
    // A body declared larger than a file and its envelope is refused before it is read.
    const declared = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${t.url}/uploads`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${office.token}`,
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(limits.attachmentBytesMax * 2),
        },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.write('--x\r\n');
    });
    expect(declared).toBe(413);

    // A body of no declared length is read up to a file and its envelope, then refused and the connection closed.
    const endless = await new Promise<number>((resolve, reject) => {
      const boundary = 'x';
      const request = http.request(`${t.url}/uploads`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${office.token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7\n`,
      );
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        // Twice the limit at most: the answer comes well before.
        while (sent < 2 * limits.attachmentBytesMax) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', more);
        }
      };
      more();
    });
    expect(endless).toBe(413);
  });

  it('removes a file through GraphQL for the office, and refuses others', async () => {
    const added = await send(office.token, { name: 'giay-moi.pdf' });
    const id = added.body.attachment!.id;
    const remove = (token: string) =>
      t.gql<{ removeAttachment: { removedId: string } }>(
        `mutation($input: RemoveAttachmentInput!) { removeAttachment(input: $input) { removedId } }`,
        { input: { id } },
        token,
      );
    expect((await remove(member.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await remove(stranger.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await em().count(Attachment, { id })).toBe(1);
    expect((await remove(office.token)).data?.removeAttachment.removedId).toBe(id);
    expect(await em().count(Attachment, { id })).toBe(0);
    expect(await em().count(Event, { type: EventType.ATTACHMENT_REMOVED })).toBe(1);
  });

  it('removes a file once when two remove it at the same time: the other answers NOT_FOUND, one event', async () => {
    const ids: string[] = [];
    for (const agendaItemId of [null, itemId, null]) {
      const added = await send(office.token, {
        name: 'ban-sao.pdf',
        ...(agendaItemId ? { agendaItemId } : {}),
      });
      ids.push(added.body.attachment!.id);
    }
    const remove = (id: string) =>
      t.gql<{ removeAttachment: { removedId: string } }>(
        `mutation($input: RemoveAttachmentInput!) { removeAttachment(input: $input) { removedId } }`,
        { input: { id } },
        office.token,
      );
    const eventsBefore = await em().count(Event, { type: EventType.ATTACHMENT_REMOVED });
    for (const id of ids) {
      const answers = await Promise.all([remove(id), remove(id)]);
      const outcomes = answers.map(
        (answer) => answer.errors?.[0]?.extensions?.code ?? answer.data?.removeAttachment.removedId,
      );
      expect(outcomes.sort()).toEqual([id, 'NOT_FOUND'].sort());
    }
    expect(await em().count(Attachment, { id: { $in: ids } })).toBe(0);
    expect(await em().count(Event, { type: EventType.ATTACHMENT_REMOVED })).toBe(eventsBefore + ids.length);
  });
});
