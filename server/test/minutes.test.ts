// A meeting's minutes (issue 14 part 1): co-edited over the real `/collab` as `meeting:<id>:minutes`, seeded from
// the agenda, written by the secretaries and the office while the meeting is open, read-only for the other
// readers and for everyone once it is closed; stored with their text and HTML; exported as DOCX and PDF.
import {
  Classification,
  MeetingStatus,
  MembershipRole,
  ParticipantRole,
  UnitKind,
  VoteOutcome,
} from '@quorum/shared';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../src/app.js';
import { minutesDocumentName } from '../src/collab/document-name.js';
import { loadConfig } from '../src/config/config.js';
import type { Database } from '../src/config/orm.js';
import { AgendaItem, type Meeting, Organization, Unit, type User, Vote } from '../src/entities/index.js';
import { appendParagraph, collabClient, paragraphs, until, type CollabClient } from './support/collab.js';
import { createTestDatabase } from './support/database.js';
import { buildUser } from './support/factories.js';
import {
  buildAgendaItems,
  buildMeetingIn,
  buildMeetingTenant,
  buildParticipants,
} from './support/meeting-factories.js';
import { machineSpeed } from './support/server.js';

interface Person {
  user: User;
  token: string;
}

describe('meeting minutes over /collab', () => {
  let db: Database;
  let server: RunningServer;
  let department: Unit;
  let organizationId: string;
  let office: Person;
  let secretary: Person;
  let secondSecretary: Person;
  let participant: Person;
  let outsider: Person;
  const clients: CollabClient[] = [];

  const connect = (meetingId: string, person: Person) => {
    const client = collabClient(
      server.url,
      meetingId,
      person.token,
      new Y.Doc(),
      minutesDocumentName(meetingId),
    );
    clients.push(client);
    return client;
  };

  const gql = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  };

  const stored = async (meetingId: string) => {
    await server.collab.flush();
    const [row] = (await db.orm.em
      .fork()
      .getConnection()
      .execute('select state, text, html from meeting_minutes where meeting_id = ?', [meetingId])) as {
      state: Uint8Array;
      text: string;
      html: string | null;
    }[];
    const doc = new Y.Doc();
    if (row) Y.applyUpdate(doc, new Uint8Array(row.state));
    return { doc, text: row?.text, html: row?.html };
  };

  /** An open RESTRICTED meeting of the department with two secretaries, a member, and a concluded, voted item. */
  async function newMeeting(status = MeetingStatus.IN_PROGRESS): Promise<Meeting> {
    const em = db.orm.em.fork();
    const meeting = await buildMeetingIn(em, em.getReference(Organization, organizationId), department, {
      status,
      classification: Classification.RESTRICTED,
      title: 'Hội nghị Đảng ủy tháng 12',
    });
    meeting.location = 'Phòng họp số 1';
    const [first, , child] = await buildAgendaItems(em, meeting, [
      { title: 'Thông qua Nghị quyết chuyên đề', presenterUser: secretary.user },
      { title: 'Công tác cán bộ', children: [{ title: 'Kiện toàn Ban Chấp hành' }] },
    ]);
    first!.conclusion = 'Đồng ý ban hành Nghị quyết';
    em.create(Vote, {
      agendaItem: first!,
      votesFor: 9,
      votesAgainst: 1,
      abstentions: 2,
      outcome: VoteOutcome.ADOPTED,
    });
    expect(child).toBeInstanceOf(AgendaItem);
    await buildParticipants(em, meeting, [
      { user: secretary.user, role: ParticipantRole.SECRETARY },
      { user: secondSecretary.user, role: ParticipantRole.SECRETARY },
      { user: participant.user, role: ParticipantRole.MEMBER },
    ]);
    await em.flush();
    // Written past the commands: the cached viewers learn of the participants as a command would tell them.
    server.viewers.invalidateOrganization(organizationId);
    return meeting;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    const tenant = await buildMeetingTenant(em);
    organizationId = tenant.organization.id;
    department = tenant.department;
    office = tenant.office;
    participant = tenant.member;
    secretary = await buildUser(em, tenant.organization, { unit: department, role: MembershipRole.MEMBER });
    secondSecretary = await buildUser(em, tenant.organization, {
      unit: department,
      role: MembershipRole.MEMBER,
    });
    const other = em.create(Unit, {
      organization: tenant.organization,
      name: 'Ủy ban Kiểm tra',
      kind: UnitKind.DEPARTMENT,
    });
    await em.flush();
    outsider = await buildUser(em, tenant.organization, { unit: other, role: MembershipRole.MEMBER });
    const config = loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'test', ...machineSpeed });
    server = await startServer(config, db, { collabRecheckMs: 100 });
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
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

  it('refuses whoever may not read the meeting, and a template', async () => {
    const meeting = await newMeeting();
    expect(await connect(meeting.id, outsider).refused).toMatch(/^NOT_FOUND: /);
    const em = db.orm.em.fork();
    const template = await buildMeetingIn(em, em.getReference(Organization, organizationId), department, {
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
    await server.collab.flush();
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
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

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
    await server.collab.flush();

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
