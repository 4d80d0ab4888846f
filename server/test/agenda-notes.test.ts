// Agenda notes (issue 14 part 2): an agenda item's description and conclusion co-edited over the real `/collab`
// as `agenda-item:<id>:description` and `agenda-item:<id>:conclusion`, by the rule GraphQL applies to the same
// fields; each store writes the text to its column with an AGENDA_ITEM_UPDATED event by the last editor (so
// every room shows it live) and leaves the item's version alone; a mutation of the same field reaches the
// document's editors as a change of the document.
import { EventType, MeetingStatus, ParticipantRole } from '@quorum/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../src/app.js';
import { type AgendaNoteField, agendaNoteDocumentName } from '../src/collab/document-name.js';
import { loadConfig } from '../src/config/config.js';
import type { Database } from '../src/config/orm.js';
import { AgendaItem, Event, type Meeting, Organization, type Unit } from '../src/entities/index.js';
import { appendParagraph, collabClient, paragraphs, until, type CollabClient } from './support/collab.js';
import { createTestDatabase } from './support/database.js';
import {
  buildAgendaItems,
  buildMeetingIn,
  buildMeetingTenant,
  buildParticipants,
} from './support/meeting-factories.js';
import { machineSpeed } from './support/server.js';

interface Person {
  user: { id: string };
  token: string;
}

describe('agenda notes over /collab', () => {
  let db: Database;
  let server: RunningServer;
  let organizationId: string;
  let department: Unit;
  let office: Person;
  let member: Person;
  const clients: CollabClient[] = [];

  const connect = (itemId: string, field: AgendaNoteField, person: Person) => {
    const client = collabClient(
      server.url,
      itemId,
      person.token,
      new Y.Doc(),
      agendaNoteDocumentName(itemId, field),
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
    return (await response.json()) as {
      data?: { meeting?: { agenda: unknown[] } };
      errors?: { extensions?: { code?: string } }[];
    };
  };

  const itemRow = (id: string) => db.orm.em.fork().findOneOrFail(AgendaItem, id);

  /** A meeting of the department in `status`, with one item that has a description and a conclusion, and a member. */
  async function newItem(status: MeetingStatus): Promise<{ meeting: Meeting; item: AgendaItem }> {
    const em = db.orm.em.fork();
    const meeting = await buildMeetingIn(em, em.getReference(Organization, organizationId), department, {
      status,
    });
    const [item] = await buildAgendaItems(em, meeting, [{ title: 'Đề án chuyển đổi số' }]);
    item!.description = 'Tờ trình của Văn phòng';
    item!.conclusion = 'Đồng ý về chủ trương';
    await buildParticipants(em, meeting, [{ user: member.user as never, role: ParticipantRole.MEMBER }]);
    await em.flush();
    server.viewers.invalidateOrganization(organizationId);
    return { meeting, item: item! };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    const tenant = await buildMeetingTenant(em);
    organizationId = tenant.organization.id;
    department = tenant.department;
    office = tenant.office;
    member = tenant.member;
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

  it('lets two of the office write a conclusion at once; the column, an event by the editor, no version move', async () => {
    const { item } = await newItem(MeetingStatus.IN_PROGRESS);
    const one = connect(item.id, 'conclusion', office);
    const two = connect(item.id, 'conclusion', office);
    const reader = connect(item.id, 'conclusion', member);
    await Promise.all([one.authenticated, two.authenticated, reader.authenticated]);
    expect(one.provider.authorizedScope).toBe('read-write');
    expect(reader.provider.authorizedScope).toBe('readonly');
    // Opened as the column's text.
    await until(() => paragraphs(two.doc).length === 1, 'the seed');
    expect(paragraphs(one.doc)).toEqual(['Đồng ý về chủ trương']);

    appendParagraph(one.doc, 'Giao Sở Thông tin và Truyền thông chủ trì');
    appendParagraph(two.doc, 'Hoàn thành trong quý I');
    appendParagraph(reader.doc, 'Thành viên tự ý sửa');
    await until(() => [one, two].every((c) => paragraphs(c.doc).length === 3), 'both lines on both');
    expect(paragraphs(two.doc)).toEqual(paragraphs(one.doc));
    await until(() => !one.provider.hasUnsyncedChanges && !two.provider.hasUnsyncedChanges, 'the edits sent');
    await server.collab.flush();

    const row = await itemRow(item.id);
    expect(row.conclusion).toBe(paragraphs(one.doc).join('\n'));
    expect(row.conclusion).not.toContain('Thành viên tự ý sửa');
    expect(row.version).toBe(item.version);
    const events = await db.orm.em
      .fork()
      .find(Event, { subjectId: item.id, type: EventType.AGENDA_ITEM_UPDATED }, { orderBy: { seq: 'asc' } });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.actor?.id === office.user.id)).toBe(true);
    expect((events.at(-1)!.changes as Record<string, { after: unknown }>).conclusion?.after).toBe(
      row.conclusion,
    );

    // GraphQL reads it, as every room does, and an update with the version it had is no conflict.
    const read = await gql(
      member.token,
      'query($id: ID!) { meeting(id: $id) { agenda { conclusion version } } }',
      {
        id: row.meeting.id,
      },
    );
    expect(read.data?.meeting?.agenda).toEqual([{ conclusion: row.conclusion, version: item.version }]);
  });

  it('writes the description while the agenda may change, the conclusion only in session; refuses strangers', async () => {
    const { item } = await newItem(MeetingStatus.SCHEDULED);
    const description = connect(item.id, 'description', office);
    const conclusion = connect(item.id, 'conclusion', office);
    await Promise.all([description.authenticated, conclusion.authenticated]);
    expect(description.provider.authorizedScope).toBe('read-write');
    expect(conclusion.provider.authorizedScope).toBe('readonly');
    expect(await connect(item.id, 'description', member).authenticated.then(() => 'in')).toBe('in');

    await until(() => paragraphs(description.doc).length === 1, 'the seed');
    appendParagraph(description.doc, 'Kèm dự thảo Nghị quyết');
    await until(() => !description.provider.hasUnsyncedChanges, 'the edit sent');
    await server.collab.flush();
    expect((await itemRow(item.id)).description).toBe('Tờ trình của Văn phòng\nKèm dự thảo Nghị quyết');

    // The session opens: the conclusion's writers are told they may now write.
    const meetingId = (await itemRow(item.id)).meeting.id;
    const meeting = (await db.orm.em.fork().findOneOrFail('Meeting', meetingId)) as Meeting;
    const started = await gql(
      office.token,
      'mutation($input: StartMeetingInput!) { startMeeting(input: $input) { meeting { status } } }',
      { input: { id: meetingId, expectedVersion: meeting.version } },
    );
    expect(started.errors).toBeUndefined();
    const told = JSON.stringify({ type: 'access', access: 'edit' });
    await until(() => conclusion.stateless.includes(told), 'the edit notice');

    const stranger = connect('00000000-0000-4000-8000-000000000000', 'conclusion', office);
    expect(await stranger.refused).toMatch(/^NOT_FOUND: AgendaItem /);
  });

  it('brings a conclusion set through GraphQL into the open document, and the document stays the column', async () => {
    const { item } = await newItem(MeetingStatus.IN_PROGRESS);
    const editor = connect(item.id, 'conclusion', office);
    await editor.authenticated;
    await until(() => paragraphs(editor.doc).length === 1, 'the seed');
    appendParagraph(editor.doc, 'Bổ sung kinh phí');
    await until(() => !editor.provider.hasUnsyncedChanges, 'the edit sent');
    await server.collab.flush();
    const current = await itemRow(item.id);

    const text = 'Thông qua Đề án\nGiao Văn phòng theo dõi';
    const updated = await gql(
      office.token,
      'mutation($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { agendaItem { conclusion } } }',
      { input: { id: item.id, expectedVersion: current.version, conclusion: text } },
    );
    expect(updated.errors).toBeUndefined();
    await until(() => paragraphs(editor.doc).join('\n') === text, 'the conclusion in the editor');
    await server.collab.flush();
    expect((await itemRow(item.id)).conclusion).toBe(text);

    // A reader of the meeting may not set it through GraphQL either.
    const refused = await gql(
      member.token,
      'mutation($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { agendaItem { conclusion } } }',
      { input: { id: item.id, expectedVersion: current.version + 1, conclusion: 'Không được' } },
    );
    expect(refused.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect((await itemRow(item.id)).conclusion).toBe(text);

    // Emptied in the editor: no conclusion any more.
    const fragment = editor.doc.getXmlFragment('default');
    fragment.delete(0, fragment.length);
    await until(() => !editor.provider.hasUnsyncedChanges, 'the deletion stored');
    expect((await itemRow(item.id)).conclusion ?? null).toBeNull();
  });
});
