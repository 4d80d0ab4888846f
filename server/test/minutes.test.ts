// A meeting's minutes (issue 14 part 1): co-edited over the real `/collab` as `meeting:<id>:minutes`, seeded from
// the agenda, written by the secretaries and the office while the meeting is open, read-only for the other
// readers and for everyone once it is closed; stored with their text and HTML; exported as DOCX and PDF.
import { MeetingStatus } from '@quorum/shared';
import { WebSocketStatus } from '@hocuspocus/provider';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Organization } from '../src/entities/index.js';
import { appendParagraph, paragraphs, sameState, until } from './support/collab.js';
import { buildMeetingIn } from './support/meeting-factories.js';
import { startMinutesWorld, type MinutesPerson, type MinutesWorld } from './support/minutes.js';

describe('meeting minutes over /collab', () => {
  let w: MinutesWorld;
  let office: MinutesPerson;
  let secretary: MinutesPerson;
  let secondSecretary: MinutesPerson;
  let participant: MinutesPerson;
  let outsider: MinutesPerson;
  const connect = (meetingId: string, person: MinutesPerson) => w.connect(meetingId, person);
  const gql = (token: string, query: string, variables: Record<string, unknown> = {}) =>
    w.gql(token, query, variables);
  const stored = (meetingId: string) => w.stored(meetingId);
  const newMeeting = (status = MeetingStatus.IN_PROGRESS) => w.newMeeting(status);

  beforeAll(async () => {
    w = await startMinutesWorld();
    ({ office, secretary, secondSecretary, participant, outsider } = w);
  });

  afterEach(() => w.disconnectAll());

  afterAll(async () => {
    await w?.close();
  });

  it('opens pre-filled from the agenda: title, time, place, numbered items, presenter, conclusion, vote', async () => {
    const meeting = await newMeeting();
    const client = connect(meeting.id, participant);
    await client.authenticated;
    await until(() => paragraphs(client.doc).length > 0, 'the seeded minutes');
    expect(paragraphs(client.doc)).toEqual([
      'Biên bản Hội nghị Đảng ủy tháng 12',
      'Thời gian: 01/12/2026 08:00',
      'Địa điểm: Phòng họp số 1',
      '1. Thông qua Nghị quyết chuyên đề',
      `Trình bày: ${secretary.user.fullName}`,
      'Kết luận: Đồng ý ban hành Nghị quyết',
      'Biểu quyết: 9 tán thành, 1 không tán thành, 2 không biểu quyết. Thông qua.',
      '2. Công tác cán bộ',
      '2.1. Kiện toàn Ban Chấp hành',
    ]);
    // Stored as first opened: whoever opens them next (or comes back offline) finds the same document.
    const first = await stored(meeting.id);
    expect(first.text).toBe(paragraphs(client.doc).join('\n'));
    expect(first.html).toContain('<h3>2.1. Kiện toàn Ban Chấp hành</h3>');
    const heading = client.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    expect(heading.nodeName).toBe('heading');
    expect(heading.getAttribute('level')).toBe(1);
  });

  it('lets two secretaries type at once; they converge and the store holds both; a member only reads', async () => {
    const meeting = await newMeeting();
    const one = connect(meeting.id, secretary);
    const two = connect(meeting.id, secondSecretary);
    const member = connect(meeting.id, participant);
    await Promise.all([one.authenticated, two.authenticated, member.authenticated]);
    expect(one.provider.authorizedScope).toBe('read-write');
    expect(two.provider.authorizedScope).toBe('read-write');
    expect(member.provider.authorizedScope).toBe('readonly');
    await until(() => [one, two].every((c) => paragraphs(c.doc).length === 9), 'the seed on both');

    appendParagraph(one.doc, 'Đồng chí Bí thư phát biểu');
    appendParagraph(two.doc, 'Các đại biểu thảo luận');
    await until(
      () => [one, two, member].every((c) => paragraphs(c.doc).length === 11),
      'both paragraphs everywhere',
    );
    expect(paragraphs(two.doc)).toEqual(paragraphs(one.doc));
    expect(paragraphs(one.doc)).toEqual(
      expect.arrayContaining(['Đồng chí Bí thư phát biểu', 'Các đại biểu thảo luận']),
    );

    appendParagraph(member.doc, 'Thành viên tự ý sửa');
    appendParagraph(one.doc, 'Bế mạc');
    await until(() => [two, member].every((c) => paragraphs(c.doc).includes('Bế mạc')), 'the last paragraph');
    expect(paragraphs(two.doc)).not.toContain('Thành viên tự ý sửa');

    const minutes = await stored(meeting.id);
    expect(paragraphs(minutes.doc)).toEqual(paragraphs(one.doc));
    expect(minutes.text).toBe(paragraphs(one.doc).join('\n'));
    expect(minutes.html).toContain('<h1>Biên bản Hội nghị Đảng ủy tháng 12</h1>');
    expect(minutes.html).toContain('<p>Bế mạc</p>');
    expect(minutes.text).not.toContain('Thành viên tự ý sửa');
  });

  it('merges what a secretary wrote offline with what the other wrote meanwhile: both and the store end the same', async () => {
    const meeting = await newMeeting();
    const away = connect(meeting.id, secretary);
    const here = connect(meeting.id, secondSecretary);
    await Promise.all([away.authenticated, here.authenticated]);
    await until(() => [away, here].every((c) => paragraphs(c.doc).length === 9), 'the seed on both');

    away.socket.disconnect();
    // Disconnected once its socket has closed (a connect() before that would find it still connected).
    await until(() => away.socket.status === WebSocketStatus.Disconnected, 'the secretary offline');
    appendParagraph(away.doc, 'Ghi khi mất mạng: đồng chí Phó Bí thư phát biểu');
    appendParagraph(here.doc, 'Ghi trực tuyến: các đại biểu biểu quyết');
    // Each has only its own while apart.
    await until(() => !here.provider.hasUnsyncedChanges, 'the online line stored');
    expect(paragraphs(here.doc)).not.toContain('Ghi khi mất mạng: đồng chí Phó Bí thư phát biểu');

    void away.socket.connect();
    await until(
      () => [away, here].every((c) => paragraphs(c.doc).length === 11),
      'both lines on both after the reconnection',
    );
    await until(() => !away.provider.hasUnsyncedChanges && !here.provider.hasUnsyncedChanges, 'both stored');
    const minutes = await stored(meeting.id);
    expect(sameState(away.doc, here.doc)).toBe(true);
    expect(sameState(minutes.doc, away.doc)).toBe(true);
    expect(
      Buffer.from(Y.encodeStateAsUpdate(minutes.doc)).equals(Buffer.from(Y.encodeStateAsUpdate(away.doc))),
    ).toBe(true);
    expect(paragraphs(minutes.doc)).toEqual(paragraphs(here.doc));
  });

  it('refuses whoever may not read the meeting, and a template', async () => {
    const meeting = await newMeeting();
    expect(await connect(meeting.id, outsider).refused).toMatch(/^NOT_FOUND: /);
    const em = w.db.orm.em.fork();
    const template = await buildMeetingIn(em, em.getReference(Organization, w.organizationId), w.department, {
      isTemplate: true,
    });
    expect(await connect(template.id, office).refused).toMatch(/^NOT_FOUND: /);
  });

  it('locks the minutes for everyone once the meeting is closed: open writers are told', async () => {
    const meeting = await newMeeting();
    const writer = connect(meeting.id, secretary);
    const staff = connect(meeting.id, office);
    await Promise.all([writer.authenticated, staff.authenticated]);
    expect(staff.provider.authorizedScope).toBe('read-write');
    await until(() => paragraphs(writer.doc).length === 9, 'the seed');

    const closed = await gql(
      office.token,
      'mutation($input: CloseMeetingInput!) { closeMeeting(input: $input) { meeting { status } } }',
      { input: { id: meeting.id, expectedVersion: meeting.version } },
    );
    expect(closed.errors).toBeUndefined();
    const told = JSON.stringify({ type: 'access', access: 'read' });
    await until(() => [writer, staff].every((c) => c.stateless.includes(told)), 'the read-only notice');

    appendParagraph(writer.doc, 'Sửa sau khi bế mạc');
    await w.server.collab.flush();
    expect((await stored(meeting.id)).text ?? '').not.toContain('Sửa sau khi bế mạc');
    const later = connect(meeting.id, secretary);
    await later.authenticated;
    expect(later.provider.authorizedScope).toBe('readonly');
    const shown = await gql(
      secretary.token,
      `query($id: ID!) { meeting(id: $id) { minutes { viewerCanEdit locked } } }`,
      {
        id: meeting.id,
      },
    );
    expect(shown).toEqual({ data: { meeting: { minutes: { viewerCanEdit: false, locked: true } } } });
  });

  const download = (path: string, token: string) =>
    fetch(`${w.server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  const pdfText = async (response: Response) => {
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), {
      mergePages: true,
    });
    return text.replace(/\s+/g, ' ');
  };

  it('exports DOCX and PDF with their Vietnamese, prints them in the meeting book, and shows them in GraphQL', async () => {
    const meeting = await newMeeting();
    const query = `query($id: ID!) { meeting(id: $id) { minutes { text updatedAt viewerCanEdit locked } } }`;
    const before = await gql(secretary.token, query, { id: meeting.id });
    expect(before).toEqual({ data: { meeting: { minutes: null } } });

    const writer = connect(meeting.id, secretary);
    await writer.authenticated;
    await until(() => paragraphs(writer.doc).length === 9, 'the seed');
    appendParagraph(writer.doc, 'Hội nghị thống nhất ban hành Nghị quyết của Đảng ủy');
    await until(() => !writer.provider.hasUnsyncedChanges, 'the edit to reach the server');
    await w.server.collab.flush();

    const docx = await download(`/meetings/${meeting.id}/minutes.docx`, participant.token);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toMatch(/bien-ban-.*\.docx/);
    const zip = await JSZip.loadAsync(await docx.arrayBuffer());
    const xml = await zip.file('word/document.xml')!.async('string');
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    expect(words).toContain('Biên bản Hội nghị Đảng ủy tháng 12');
    expect(words).toContain('1. Thông qua Nghị quyết chuyên đề');
    expect(words).toContain('Hội nghị thống nhất ban hành Nghị quyết của Đảng ủy');

    const pdf = await download(`/meetings/${meeting.id}/minutes.pdf`, participant.token);
    expect(pdf.status).toBe(200);
    const printed = await pdfText(pdf);
    expect(printed).toContain('Biên bản Hội nghị Đảng ủy tháng 12');
    expect(printed).toContain('Hội nghị thống nhất ban hành Nghị quyết của Đảng ủy');

    const book = await pdfText(await download(`/meetings/${meeting.id}/book.pdf`, participant.token));
    expect(book).toContain('Hội nghị thống nhất ban hành Nghị quyết của Đảng ủy');

    for (const file of ['minutes.docx', 'minutes.pdf'])
      expect((await download(`/meetings/${meeting.id}/${file}`, outsider.token)).status).toBe(404);

    const asSecretary = (await gql(secretary.token, query, { id: meeting.id })).data as {
      meeting: { minutes: { text: string; viewerCanEdit: boolean; locked: boolean } };
    };
    expect(asSecretary.meeting.minutes).toMatchObject({ viewerCanEdit: true, locked: false });
    expect(asSecretary.meeting.minutes.text).toContain('Hội nghị thống nhất ban hành Nghị quyết của Đảng ủy');
    const asMember = (await gql(participant.token, query, { id: meeting.id })).data as {
      meeting: { minutes: { viewerCanEdit: boolean } };
    };
    expect(asMember.meeting.minutes.viewerCanEdit).toBe(false);
  });
});
