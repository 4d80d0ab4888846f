// The world of the minutes tests: a real server (HTTP and `/collab`) on a database of its own, a department with
// office staff, two secretaries, a member and an outsider of another unit, and meetings with a numbered, voted
// agenda whose minutes they open as co-editors.
import {
  Classification,
  MeetingStatus,
  MembershipRole,
  ParticipantRole,
  UnitKind,
  VoteOutcome,
} from '@quorum/shared';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../../src/app.js';
import { minutesDocumentName } from '../../src/collab/document-name.js';
import { loadConfig } from '../../src/config/config.js';
import type { Database } from '../../src/config/orm.js';
import { type Meeting, Organization, Unit, type User, Vote } from '../../src/entities/index.js';
import { collabClient, type CollabClient } from './collab.js';
import { createTestDatabase } from './database.js';
import { buildUser } from './factories.js';
import {
  buildAgendaItems,
  buildMeetingIn,
  buildMeetingTenant,
  buildParticipants,
} from './meeting-factories.js';
import { machineSpeed, type GraphQLResponse } from './server.js';

export interface MinutesPerson {
  user: User;
  token: string;
}

export interface MinutesWorld {
  db: Database;
  server: RunningServer;
  organizationId: string;
  department: Unit;
  office: MinutesPerson;
  secretary: MinutesPerson;
  secondSecretary: MinutesPerson;
  /** A MEMBER participant of every meeting (the tenant's member). */
  participant: MinutesPerson;
  /** Of another unit: reads none of the RESTRICTED meetings. */
  outsider: MinutesPerson;
  /** A co-editor of the meeting's minutes over the real `/collab`; destroyed by `disconnectAll`. */
  connect(meetingId: string, person: MinutesPerson): CollabClient;
  disconnectAll(): void;
  gql<T = Record<string, unknown>>(
    token: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** The stored minutes (after every pending store): their state as a document, text and HTML. */
  stored(
    meetingId: string,
  ): Promise<{ doc: Y.Doc; text: string | undefined; html: string | null | undefined }>;
  /**
   * A RESTRICTED meeting of the department (IN_PROGRESS unless said) with both secretaries and the member, and
   * an agenda of three items: the first concluded and voted, the second with a sub-item. Its minutes open as 9
   * paragraphs.
   */
  newMeeting(status?: MeetingStatus): Promise<Meeting>;
  close(): Promise<void>;
}

export async function startMinutesWorld(): Promise<MinutesWorld> {
  const db = await createTestDatabase();
  const em = db.orm.em.fork();
  const tenant = await buildMeetingTenant(em);
  const organizationId = tenant.organization.id;
  const department = tenant.department;
  const secretary = await buildUser(em, tenant.organization, {
    unit: department,
    role: MembershipRole.MEMBER,
  });
  const secondSecretary = await buildUser(em, tenant.organization, {
    unit: department,
    role: MembershipRole.MEMBER,
  });
  const other = em.create(Unit, {
    organization: tenant.organization,
    name: 'Ủy ban Kiểm tra',
    kind: UnitKind.DEPARTMENT,
  });
  await em.flush();
  const outsider = await buildUser(em, tenant.organization, { unit: other, role: MembershipRole.MEMBER });
  const config = loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'test', ...machineSpeed });
  const server = await startServer(config, db, { collabRecheckMs: 100 });
  const clients: CollabClient[] = [];

  return {
    db,
    server,
    organizationId,
    department,
    office: tenant.office,
    secretary,
    secondSecretary,
    participant: tenant.member,
    outsider,
    connect(meetingId, person) {
      const client = collabClient(
        server.url,
        meetingId,
        person.token,
        new Y.Doc(),
        minutesDocumentName(meetingId),
      );
      clients.push(client);
      return client;
    },
    disconnectAll() {
      for (const client of clients.splice(0)) client.destroy();
    },
    async gql(token, query, variables = {}) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    async stored(meetingId) {
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
    },
    async newMeeting(status = MeetingStatus.IN_PROGRESS) {
      const em = db.orm.em.fork();
      const meeting = await buildMeetingIn(em, em.getReference(Organization, organizationId), department, {
        status,
        classification: Classification.RESTRICTED,
        title: 'Hội nghị Đảng ủy tháng 12',
      });
      meeting.location = 'Phòng họp số 1';
      const [first] = await buildAgendaItems(em, meeting, [
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
      await buildParticipants(em, meeting, [
        { user: secretary.user, role: ParticipantRole.SECRETARY },
        { user: secondSecretary.user, role: ParticipantRole.SECRETARY },
        { user: tenant.member.user, role: ParticipantRole.MEMBER },
      ]);
      await em.flush();
      // Written past the commands: the cached viewers learn of the participants as a command would tell them.
      server.viewers.invalidateOrganization(organizationId);
      return meeting;
    },
    async close() {
      for (const client of clients.splice(0)) client.destroy();
      await server.stop();
      await db.close();
    },
  };
}
