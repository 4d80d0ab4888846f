// The authorization matrix, written as data: who may read and change what, for every role, entity,
// classification and operation. The expectations below are the rules of DESIGN.md restated by hand, not
// computed from the policies, so a policy that drifts from them fails here.
import {
  ApiTokenScope,
  Classification,
  MeetingKind,
  MembershipRole,
  ParticipantRole,
  ProposalKind,
  SubjectType,
  SystemRole,
  TaskStatus,
  UnitKind,
} from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgendaItem,
  Appraisal,
  Event,
  AppraisalAssignment,
  AppraisalComment,
  Meeting,
  Participant,
  DocumentVersion,
  Proposal,
  Task,
  TaskUpdate,
  Unit,
  User,
  WorkProgramme,
} from '../src/entities/index.js';
import { buildApiToken, buildOrganization, buildUser } from './support/factories.js';
import { memberRoles } from './support/roles.js';
import { collect, startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

const roles = [...memberRoles, 'anonymous', 'foreign'] as const;
type Role = (typeof roles)[number];
const members: Role[] = [...memberRoles];

const classifications = [
  Classification.INTERNAL,
  Classification.RESTRICTED,
  Classification.CONFIDENTIAL,
] as const;
type Entity = 'meeting' | 'proposal' | 'task';

/**
 * Who may read each object. The fixture: every meeting is held by the committee and has `committee` as a
 * participant; the confidential meeting lists `office`. Proposals are led by `drafter`'s unit and owned by
 * `drafter`, appraised by `reviewer`'s unit, and all on the agenda of the internal meeting; the confidential
 * proposal lists `reviewer`. Tasks are assigned to `drafter` in their unit; the confidential task lists
 * `committee`. `readToken` is a READ-only API token of `office`.
 */
const readers: Record<Entity, Record<Classification, Role[]>> = {
  meeting: {
    INTERNAL: members,
    RESTRICTED: ['office', 'committee', 'readToken'],
    CONFIDENTIAL: ['office', 'committee', 'readToken'],
  },
  proposal: {
    INTERNAL: members,
    RESTRICTED: ['office', 'drafter', 'reviewer', 'committee', 'readToken'],
    CONFIDENTIAL: ['drafter', 'reviewer'],
  },
  task: {
    INTERNAL: members,
    RESTRICTED: ['office', 'drafter', 'readToken'],
    CONFIDENTIAL: ['drafter', 'committee'],
  },
};
const mayRead = (role: Role, entity: Entity, cls: Classification) => readers[entity][cls].includes(role);

/** Read operations per entity; each is a cell for every role and classification. */
const readOps: Record<Entity, string[]> = {
  meeting: [
    'get',
    'list',
    'nested:participants',
    'nested:agendaItems',
    'nested:task.sourceMeeting',
    'subscription',
    'eventsQuery',
  ],
  proposal: [
    'get',
    'list',
    'nested:appraisals.comments',
    'nested:agendaItem.proposal',
    'nested:meeting.proposals',
    'subscription',
  ],
  task: ['get', 'list', 'nested:updates', 'subscription'],
};

/** Mutations: who may do them (everyone else is refused with the code the cell expects). */
const meetingMutations = [
  'updateMeeting',
  'scheduleMeeting',
  'addAgendaItem',
  'moveAgendaItem',
  'markMaterialsRead',
  'createDocumentVersion(meetingId)',
] as const;
const taskMutations = ['reportTaskProgress', 'changeTaskStatus', 'extendTaskDueDate', 'updateTask'] as const;
const proposalMutations = ['updateProposal', 'createDocumentVersion'] as const;
const mutationOps = [
  ...meetingMutations.flatMap((op) => classifications.map((cls) => `${op}:${cls}`)),
  ...taskMutations.flatMap((op) => classifications.map((cls) => `${op}:${cls}`)),
  ...proposalMutations.flatMap((op) => classifications.map((cls) => `${op}:${cls}`)),
  'createMeeting',
  'createTask',
  'createWorkProgramme',
  'addProgrammeItem',
  'createUnit',
  'inviteUser',
  'setMembership',
  'createApiToken',
  'revokeApiToken',
  'updateUser',
  'resetUserPassword',
  'markNotificationsRead',
  'updateNotificationPreferences',
] as const;

const declared = new Set<string>();
for (const role of roles) {
  for (const entity of Object.keys(readOps) as Entity[]) {
    for (const cls of classifications)
      for (const op of readOps[entity]) declared.add(`${role}|${entity}|${cls}|${op}`);
  }
  for (const op of mutationOps) declared.add(`${role}|mutation|${op}`);
}
const covered = new Set<string>();
const cover = (key: string) => {
  expect(declared.has(key), `undeclared cell ${key}`).toBe(true);
  covered.add(key);
};

type Ids = Record<Entity, Record<Classification, string>>;

interface World {
  tokens: Partial<Record<Role, string>>;
  ids: Ids;
  internalMeetingId: string;
  sourceTasks: Record<Classification, string>;
  committeeUnitId: string;
  officeUserId: string;
  memberUserId: string;
  departmentId: string;
  victimTokenIds: string[];
  organizationId: string;
  foreignOrganizationId: string;
  resetVictimId: string;
  agendaItems: Record<Classification, string>;
  programmeId: string;
}

async function buildWorld(em: EntityManager): Promise<World> {
  const org = await buildOrganization(em, 'Tỉnh ủy thử nghiệm');
  const deptB = em.create(Unit, {
    organization: org.organization,
    name: 'Ủy ban Kiểm tra',
    kind: UnitKind.DEPARTMENT,
  });
  const unrelatedUnit = em.create(Unit, {
    organization: org.organization,
    name: 'Ban Dân vận',
    kind: UnitKind.DEPARTMENT,
  });
  await em.flush();
  const admin = await buildUser(em, org.organization, { systemRole: SystemRole.ADMIN });
  const office = await buildUser(em, org.organization, { unit: org.office });
  const drafter = await buildUser(em, org.organization, { unit: org.department });
  const reviewer = await buildUser(em, org.organization, { unit: deptB });
  const committee = await buildUser(em, org.organization, {
    unit: org.committee,
    role: MembershipRole.MEMBER,
  });
  const unrelated = await buildUser(em, org.organization, { unit: unrelatedUnit });
  const otherParticipant = await buildUser(em, org.organization, {});
  const readToken = await buildApiToken(em, office.user, [ApiTokenScope.READ]);
  const foreignOrg = await buildOrganization(em, 'Another organization');
  const foreign = await buildUser(em, foreignOrg.organization, {
    unit: foreignOrg.office,
    systemRole: SystemRole.ADMIN,
  });

  const ids = { meeting: {}, proposal: {}, task: {} } as Ids;
  const meetings = {} as Record<Classification, Meeting>;
  const agendaItems = {} as Record<Classification, string>;
  for (const cls of classifications) {
    const meeting = em.create(Meeting, {
      organization: org.organization,
      committee: org.committee,
      title: `Hội nghị ${cls}`,
      kind: MeetingKind.REGULAR,
      startsAt: new Date('2026-12-10T01:00:00Z'),
      classification: cls,
    });
    em.create(Participant, { meeting, user: committee.user, role: ParticipantRole.MEMBER });
    if (cls === Classification.CONFIDENTIAL) meeting.accessList.add(office.user);
    agendaItems[cls] = em.create(AgendaItem, { meeting, position: 'Zz', title: 'Khai mạc' }).id;
    meetings[cls] = meeting;
    ids.meeting[cls] = meeting.id;
  }
  const otherMeeting = em.create(Meeting, {
    organization: org.organization,
    committee: org.committee,
    title: 'Giao ban khác',
    kind: MeetingKind.BRIEFING,
    startsAt: new Date('2026-12-11T01:00:00Z'),
    classification: Classification.CONFIDENTIAL,
  });
  em.create(Participant, {
    meeting: otherMeeting,
    user: otherParticipant.user,
    role: ParticipantRole.MEMBER,
  });

  let position = 0;
  for (const cls of classifications) {
    const proposal = em.create(Proposal, {
      organization: org.organization,
      title: `Đề án ${cls}`,
      kind: ProposalKind.PROPOSAL,
      leadUnit: org.department,
      owner: drafter.user,
      classification: cls,
    });
    if (cls === Classification.CONFIDENTIAL) proposal.accessList.add(reviewer.user);
    const appraisal = em.create(Appraisal, {
      proposal,
      requestedBy: office.user,
      dueAt: new Date('2026-12-05T10:00:00Z'),
    });
    em.create(AppraisalAssignment, { appraisal, unit: deptB, reviewer: reviewer.user });
    em.create(AppraisalComment, {
      appraisal,
      author: reviewer.user,
      unit: deptB,
      body: 'Đề nghị bổ sung số liệu.',
    });
    em.create(AgendaItem, {
      meeting: meetings.INTERNAL,
      position: `a${position++}`,
      title: `Thảo luận đề án ${cls}`,
      proposal,
    });
    ids.proposal[cls] = proposal.id;

    const task = em.create(Task, {
      organization: org.organization,
      title: `Nhiệm vụ ${cls}`,
      assigneeUnit: org.department,
      assignee: drafter.user,
      dueAt: new Date('2026-12-31T10:00:00Z'),
      classification: cls,
    });
    if (cls === Classification.CONFIDENTIAL) task.accessList.add(committee.user);
    em.create(TaskUpdate, { task, author: drafter.user, body: 'Đang triển khai.', progress: 30 });
    ids.task[cls] = task.id;
  }
  // Internal tasks pointing at each meeting, to read the meetings through a nested field.
  const sourceTasks = {} as Record<Classification, string>;
  for (const cls of classifications) {
    const task = em.create(Task, {
      organization: org.organization,
      title: `Thực hiện kết luận ${cls}`,
      assigneeUnit: org.department,
      dueAt: new Date('2026-12-31T10:00:00Z'),
      sourceMeeting: meetings[cls],
    });
    sourceTasks[cls] = task.id;
  }
  await em.flush();
  const victims = await Promise.all(
    [1, 2, 3].map(() => buildApiToken(em, office.user, [ApiTokenScope.READ])),
  );
  const resetVictim = await buildUser(em, org.organization, {});
  const programme = em.create(WorkProgramme, {
    organization: org.organization,
    unit: org.committee,
    year: 2026,
    title: 'Chương trình công tác năm 2026',
  });
  await em.flush();
  return {
    tokens: {
      admin: admin.token,
      office: office.token,
      drafter: drafter.token,
      reviewer: reviewer.token,
      committee: committee.token,
      unrelated: unrelated.token,
      otherParticipant: otherParticipant.token,
      readToken: readToken.token,
      foreign: foreign.token,
    },
    ids,
    internalMeetingId: meetings.INTERNAL.id,
    sourceTasks,
    committeeUnitId: org.committee.id,
    officeUserId: office.user.id,
    memberUserId: unrelated.user.id,
    departmentId: org.department.id,
    victimTokenIds: victims.map((v) => v.apiToken.id),
    organizationId: org.organization.id,
    foreignOrganizationId: foreignOrg.organization.id,
    resetVictimId: resetVictim.user.id,
    agendaItems,
    programmeId: programme.id,
  };
}

const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;

describe('authorization matrix', () => {
  let t: TestServer;
  let w: World;
  const as = <T = Record<string, unknown>>(role: Role, query: string, variables?: Record<string, unknown>) =>
    t.gql<T>(query, variables, w.tokens[role]);

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      w = await buildWorld(db.orm.em.fork());
    });
  });
  afterAll(async () => {
    const total = declared.size;
    console.log(
      `authorization matrix: ${covered.size} of ${total} cells covered (${((100 * covered.size) / total).toFixed(1)} %)`,
    );
    await t.close();
  });

  const rootField: Record<Entity, { one: string; many: string }> = {
    meeting: { one: 'meeting', many: 'meetings' },
    proposal: { one: 'proposal', many: 'proposals' },
    task: { one: 'task', many: 'tasks' },
  };

  /** For an anonymous caller every read is UNAUTHENTICATED; otherwise `visible` decides. */
  const expectRead = (
    role: Role,
    response: GraphQLResponse<unknown>,
    visible: () => boolean,
    isVisible: boolean,
  ) => {
    if (role === 'anonymous') {
      expect(code(response)).toBe('UNAUTHENTICATED');
      return;
    }
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(visible()).toBe(isVisible);
  };

  for (const entity of ['meeting', 'proposal', 'task'] as const) {
    it(`${entity}: get by id and list, for every role and classification (IDOR across organizations included)`, async () => {
      for (const role of roles) {
        for (const cls of classifications) {
          const id = w.ids[entity][cls];
          const expected = mayRead(role, entity, cls);
          const one = await as<Record<string, { id: string } | null>>(
            role,
            `query($id: ID!) { ${rootField[entity].one}(id: $id) { id } }`,
            { id },
          );
          expectRead(role, one, () => one.data?.[rootField[entity].one]?.id === id, expected);
          cover(`${role}|${entity}|${cls}|get`);
          const many = await as<Record<string, { edges: { node: { id: string } }[] }>>(
            role,
            `{ ${rootField[entity].many}(first: 100) { edges { node { id } } } }`,
          );
          expectRead(
            role,
            many,
            () => !!many.data?.[rootField[entity].many]?.edges.some((e) => e.node.id === id),
            expected,
          );
          cover(`${role}|${entity}|${cls}|list`);
        }
      }
    });
  }

  it('meeting: nested participants and agenda (through the meeting) and task.sourceMeeting', async () => {
    for (const role of roles) {
      for (const cls of classifications) {
        const expected = mayRead(role, 'meeting', cls);
        const nested = await as<{
          meeting: { participants: { totalCount: number }; agendaItems: { totalCount: number } } | null;
        }>(
          role,
          `query($id: ID!) { meeting(id: $id) { participants { totalCount } agendaItems { totalCount } } }`,
          { id: w.ids.meeting[cls] },
        );
        expectRead(role, nested, () => (nested.data?.meeting?.participants.totalCount ?? 0) > 0, expected);
        cover(`${role}|meeting|${cls}|nested:participants`);
        expectRead(
          role,
          nested,
          () => nested.data?.meeting !== null && nested.data?.meeting !== undefined,
          expected,
        );
        cover(`${role}|meeting|${cls}|nested:agendaItems`);
        const viaTask = await as<{ task: { sourceMeeting: { id: string } | null } | null }>(
          role,
          `query($id: ID!) { task(id: $id) { sourceMeeting { id } } }`,
          { id: w.sourceTasks[cls] },
        );
        expectRead(
          role,
          viaTask,
          () => viaTask.data?.task?.sourceMeeting?.id === w.ids.meeting[cls],
          expected,
        );
        cover(`${role}|meeting|${cls}|nested:task.sourceMeeting`);
      }
    }
  });

  it('proposal: nested appraisals and comments, agenda item proposal, meeting proposals', async () => {
    for (const role of roles) {
      const agenda = await as<{
        meeting: {
          agendaItems: { edges: { node: { proposal: { id: string } | null } }[] };
          proposals: { edges: { node: { id: string } }[] };
        } | null;
      }>(
        role,
        `query($id: ID!) { meeting(id: $id) { agendaItems { edges { node { proposal { id } } } } proposals { edges { node { id } } } } }`,
        { id: w.internalMeetingId },
      );
      for (const cls of classifications) {
        const id = w.ids.proposal[cls];
        const expected = mayRead(role, 'proposal', cls);
        const nested = await as<{
          proposal: { appraisals: { edges: { node: { comments: { totalCount: number } } }[] } } | null;
        }>(
          role,
          `query($id: ID!) { proposal(id: $id) { appraisals { edges { node { comments { totalCount } } } } } }`,
          { id },
        );
        expectRead(
          role,
          nested,
          () => (nested.data?.proposal?.appraisals.edges[0]?.node.comments.totalCount ?? 0) > 0,
          expected,
        );
        cover(`${role}|proposal|${cls}|nested:appraisals.comments`);
        expectRead(
          role,
          agenda,
          () => !!agenda.data?.meeting?.agendaItems.edges.some((e) => e.node.proposal?.id === id),
          expected,
        );
        cover(`${role}|proposal|${cls}|nested:agendaItem.proposal`);
        expectRead(
          role,
          agenda,
          () => !!agenda.data?.meeting?.proposals.edges.some((e) => e.node.id === id),
          expected,
        );
        cover(`${role}|proposal|${cls}|nested:meeting.proposals`);
      }
    }
  });

  it('task: nested updates', async () => {
    for (const role of roles) {
      for (const cls of classifications) {
        const nested = await as<{ task: { updates: { totalCount: number } } | null }>(
          role,
          `query($id: ID!) { task(id: $id) { updates { totalCount } } }`,
          { id: w.ids.task[cls] },
        );
        expectRead(
          role,
          nested,
          () => (nested.data?.task?.updates.totalCount ?? 0) > 0,
          mayRead(role, 'task', cls),
        );
        cover(`${role}|task|${cls}|nested:updates`);
      }
    }
  });

  it('subscriptions and the polled feed: each subscriber receives exactly the events it may read (0 of K otherwise)', async () => {
    const subscribers = roles.filter((role) => role !== 'anonymous');
    // From the table's end: every event after it is one of this test's.
    const [latest] = await t.db.orm.em
      .fork()
      .find(Event, {}, { orderBy: { seq: 'desc' }, fields: ['seq'], limit: 1 });
    const after = latest?.seq ?? '0';
    // After the nine changes, each organization gets a last event every member may read: events arrive in
    // order, so once a subscriber has it, it has had every event before it.
    const sentinel = (r: { events: { subject: { __typename: string } } }) =>
      r.events.subject.__typename === 'Organization';
    const streams = new Map(
      subscribers.map((role) => [
        role,
        collect<{ events: { subject: { __typename: string; id: string } } }>(
          t.ws(w.tokens[role]),
          `subscription($after: String) { events(scope: { type: ORGANIZATION }, after: $after) {
             subject { __typename ... on Meeting { id } ... on Proposal { id } ... on Task { id } ... on Organization { id } } } }`,
          { after },
          (received: { events: { subject: { __typename: string } } }[]) => received.some(sentinel),
          20_000,
        ),
      ]),
    );
    // One change per object, through the server's own change feed and commands.
    for (const cls of classifications) {
      const version = (await t.db.orm.em.fork().findOneOrFail(Meeting, w.ids.meeting[cls])).version;
      const update = await as(
        'office',
        `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`,
        {
          input: { id: w.ids.meeting[cls], expectedVersion: version, location: `Phòng ${cls}` },
        },
      );
      expect(update.errors).toBeUndefined();
      await t.db.orm.em.fork().transactional(async (em) => {
        for (const [entity, type] of [
          ['proposal', SubjectType.PROPOSAL],
          ['task', SubjectType.TASK],
        ] as const) {
          await t.server.feed.append(em, {
            organizationId: (
              await em.findOneOrFail(entity === 'proposal' ? Proposal : Task, w.ids[entity][cls])
            ).organization.id,
            actorId: w.officeUserId,
            type: `${entity}.updated`,
            subject: { type, id: w.ids[entity][cls] },
            classification: cls,
          });
        }
      });
      t.server.feed.committed();
    }
    await t.db.orm.em.fork().transactional(async (em) => {
      for (const organizationId of [w.organizationId, w.foreignOrganizationId]) {
        await t.server.feed.append(em, {
          organizationId,
          actorId: undefined,
          type: 'organization.updated',
          subject: { type: SubjectType.ORGANIZATION, id: organizationId },
          classification: Classification.INTERNAL,
        });
      }
    });
    t.server.feed.committed();
    for (const role of subscribers) {
      const stream = streams.get(role)!;
      const received = await stream.done;
      stream.unsubscribe();
      expect(received.some(sentinel), `${role} got the last event`).toBe(true);
      const got = new Set(received.map((r) => r.events.subject.id));
      for (const entity of ['meeting', 'proposal', 'task'] as const) {
        for (const cls of classifications) {
          expect(
            got.has(w.ids[entity][cls]),
            `${role} ${entity} ${cls} ${JSON.stringify(stream.errors)}`,
          ).toBe(mayRead(role, entity, cls));
          cover(`${role}|${entity}|${cls}|subscription`);
        }
      }
      if (role === 'foreign') expect(received).toHaveLength(1);
    }
    // Anonymous: the subscription is refused.
    const anonymous = collect(
      t.ws(),
      `subscription { events(scope: { type: ORGANIZATION }) { type } }`,
      {},
      1,
      3_000,
    );
    await anonymous.done;
    expect(anonymous.received).toHaveLength(0);
    expect(JSON.stringify(anonymous.errors)).toContain('UNAUTHENTICATED');
    for (const entity of ['meeting', 'proposal', 'task'] as const) {
      for (const cls of classifications) cover(`anonymous|${entity}|${cls}|subscription`);
    }

    // The polled feed for a meeting's scope: readable meetings answer, others NOT_FOUND.
    for (const role of roles) {
      for (const cls of classifications) {
        const page = await as<{ events: { events: { type: string }[] } }>(
          role,
          `query($id: ID!) { events(scope: { type: MEETING, id: $id }, first: 100) { events { type } } }`,
          { id: w.ids.meeting[cls] },
        );
        if (role === 'anonymous') expect(code(page)).toBe('UNAUTHENTICATED');
        else if (mayRead(role, 'meeting', cls))
          expect(page.data?.events.events.map((e) => e.type)).toContain('meeting.updated');
        else expect(code(page)).toBe('NOT_FOUND');
        cover(`${role}|meeting|${cls}|eventsQuery`);
      }
    }
  }, 60_000);

  it('mutations: only the roles the rules name may write; a read token never may', async () => {
    const refusal = (role: Role, visible: boolean) => {
      if (role === 'anonymous') return 'UNAUTHENTICATED';
      if (role === 'readToken') return 'FORBIDDEN';
      return visible ? 'FORBIDDEN' : 'NOT_FOUND';
    };
    for (const cls of classifications) {
      for (const role of roles) {
        const id = w.ids.meeting[cls];
        const before = await t.db.orm.em.fork().findOneOrFail(Meeting, id);
        const response = await as<{ updateMeeting: { meeting: { title: string } } }>(
          role,
          `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { title } } }`,
          { input: { id, expectedVersion: before.version, title: `${before.title} (${role})` } },
        );
        const after = await t.db.orm.em.fork().findOneOrFail(Meeting, id);
        if (role === 'office') {
          expect(response.errors).toBeUndefined();
          expect(after.version).toBe(before.version + 1);
        } else {
          expect(code(response), role).toBe(refusal(role, mayRead(role, 'meeting', cls)));
          expect(after.version).toBe(before.version);
        }
        cover(`${role}|mutation|updateMeeting:${cls}`);
      }
    }

    // The other meeting writes: the office manages the meeting; a participant (`committee`) marks the
    // materials read. Everyone else is refused as above, and nothing is written.
    const meetingWrites: {
      op: Exclude<(typeof meetingMutations)[number], 'updateMeeting'>;
      allowed: Role[];
      run: (role: Role, cls: Classification, version: number) => Promise<GraphQLResponse<unknown>>;
    }[] = [
      {
        op: 'scheduleMeeting',
        allowed: ['office'],
        run: (role, cls, version) =>
          as(
            role,
            `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { status } } }`,
            {
              input: { id: w.ids.meeting[cls], expectedVersion: version },
            },
          ),
      },
      {
        op: 'addAgendaItem',
        allowed: ['office'],
        run: (role, cls) =>
          as(
            role,
            `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agendaItem { id } } }`,
            {
              input: { meetingId: w.ids.meeting[cls], title: `Mục mới (${role})` },
            },
          ),
      },
      {
        op: 'moveAgendaItem',
        allowed: ['office'],
        run: (role, cls) =>
          as(
            role,
            `mutation($input: MoveAgendaItemInput!) { moveAgendaItem(input: $input) { agendaItem { id } } }`,
            {
              input: { id: w.agendaItems[cls], parentId: null },
            },
          ),
      },
      {
        // A version of the minutes: those who write them (the office; no secretary takes part here) while the
        // meeting is open (scheduled above).
        op: 'createDocumentVersion(meetingId)',
        allowed: ['office'],
        run: (role, cls) =>
          as(
            role,
            `mutation($input: CreateDocumentVersionInput!) { createDocumentVersion(input: $input) { __typename } }`,
            {
              input: { meetingId: w.ids.meeting[cls], label: `Biên bản (${role})` },
            },
          ),
      },
      {
        op: 'markMaterialsRead',
        allowed: ['committee'],
        run: (role, cls) =>
          as(
            role,
            `mutation($input: MarkMaterialsReadInput!) { markMaterialsRead(input: $input) { participant { id } } }`,
            {
              input: { meetingId: w.ids.meeting[cls] },
            },
          ),
      },
    ];
    for (const write of meetingWrites) {
      for (const cls of classifications) {
        for (const role of roles) {
          const em = t.db.orm.em.fork();
          const before = await em.findOneOrFail(Meeting, w.ids.meeting[cls]);
          const eventsBefore = await em.count(Event, { scopeId: w.ids.meeting[cls], auditOnly: false });
          const response = await write.run(role, cls, before.version);
          const eventsAfter = await t.db.orm.em
            .fork()
            .count(Event, { scopeId: w.ids.meeting[cls], auditOnly: false });
          if (write.allowed.includes(role)) {
            expect(response.errors, `${write.op} ${cls} as ${role}`).toBeUndefined();
            expect(eventsAfter).toBeGreaterThan(eventsBefore);
          } else {
            const visible = mayRead(role, 'meeting', cls);
            expect(code(response), `${write.op} ${cls} as ${role}`).toBe(refusal(role, visible));
            expect(eventsAfter).toBe(eventsBefore);
          }
          cover(`${role}|mutation|${write.op}:${cls}`);
        }
      }
    }

    // The task writes: its assignee unit (`drafter`) reports on it and starts it; the office starts, extends and
    // edits it where it may read it (not the CONFIDENTIAL one, whose list names `committee`, who only reads).
    // Each attempt starts from a task in TODO; everyone else is refused as above, and nothing is written.
    const officeWhereReadable = (cls: Classification): Role[] =>
      mayRead('office', 'task', cls) ? ['office'] : [];
    let later = 0;
    const laterDueAt = () => new Date(Date.now() + (60 + (later += 1)) * 86_400_000).toISOString();
    const taskWrites: {
      op: (typeof taskMutations)[number];
      allowed: (cls: Classification) => Role[];
      run: (role: Role, id: string, version: number) => Promise<GraphQLResponse<unknown>>;
    }[] = [
      {
        op: 'reportTaskProgress',
        allowed: () => ['drafter'],
        run: (role, id) =>
          as(
            role,
            `mutation($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { task { progress } } }`,
            { input: { taskId: id, body: `Báo cáo (${role})`, progress: 40 } },
          ),
      },
      {
        op: 'changeTaskStatus',
        allowed: (cls) => ['drafter', ...officeWhereReadable(cls)],
        run: (role, id, version) =>
          as(
            role,
            `mutation($input: ChangeTaskStatusInput!) { changeTaskStatus(input: $input) { task { status } } }`,
            { input: { taskId: id, to: TaskStatus.IN_PROGRESS, expectedVersion: version } },
          ),
      },
      {
        op: 'extendTaskDueDate',
        allowed: officeWhereReadable,
        run: (role, id) =>
          as(
            role,
            `mutation($input: ExtendTaskDueDateInput!) { extendTaskDueDate(input: $input) { task { dueAt } } }`,
            { input: { taskId: id, dueAt: laterDueAt(), reason: `Gia hạn (${role})` } },
          ),
      },
      {
        op: 'updateTask',
        allowed: officeWhereReadable,
        run: (role, id, version) =>
          as(role, `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { title } } }`, {
            input: { id, expectedVersion: version, title: `Nhiệm vụ (${role})` },
          }),
      },
    ];
    for (const write of taskWrites) {
      for (const cls of classifications) {
        for (const role of roles) {
          const id = w.ids.task[cls];
          await t.db.orm.em.fork().nativeUpdate(Task, { id }, { status: TaskStatus.TODO });
          const em = t.db.orm.em.fork();
          const before = await em.findOneOrFail(Task, id);
          const eventsBefore = await em.count(Event, { subjectId: id, auditOnly: false });
          const response = await write.run(role, id, before.version);
          const check = t.db.orm.em.fork();
          const eventsAfter = await check.count(Event, { subjectId: id, auditOnly: false });
          if (write.allowed(cls).includes(role)) {
            expect(response.errors, `${write.op} ${cls} as ${role}`).toBeUndefined();
            expect(eventsAfter).toBe(eventsBefore + 1);
          } else {
            expect(code(response), `${write.op} ${cls} as ${role}`).toBe(
              refusal(role, mayRead(role, 'task', cls)),
            );
            expect(eventsAfter).toBe(eventsBefore);
            expect((await check.findOneOrFail(Task, id)).version).toBe(before.version);
          }
          cover(`${role}|mutation|${write.op}:${cls}`);
        }
      }
    }

    // The proposal writes: its drafters (`drafter` owns it and is of its lead unit) and the office where it reads
    // it change its details and keep a version of its body; everyone else is refused, and nothing is written.
    const proposalWrites: {
      op: (typeof proposalMutations)[number];
      run: (role: Role, id: string, version: number) => Promise<GraphQLResponse<unknown>>;
    }[] = [
      {
        op: 'updateProposal',
        run: (role, id, version) =>
          as(
            role,
            `mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { proposal { title } } }`,
            { input: { id, expectedVersion: version, title: `Đề án (${role})` } },
          ),
      },
      {
        op: 'createDocumentVersion',
        run: (role, id) =>
          as(
            role,
            `mutation($input: CreateDocumentVersionInput!) { createDocumentVersion(input: $input) { __typename } }`,
            { input: { proposalId: id, label: `Phiên bản (${role})` } },
          ),
      },
    ];
    for (const write of proposalWrites) {
      for (const cls of classifications) {
        const allowed: Role[] = [
          'drafter',
          ...(mayRead('office', 'proposal', cls) ? (['office'] as Role[]) : []),
        ];
        for (const role of roles) {
          const id = w.ids.proposal[cls];
          const em = t.db.orm.em.fork();
          const before = await em.findOneOrFail(Proposal, id);
          const eventsBefore = await em.count(Event, { scopeId: id, auditOnly: false });
          const versionsBefore = await em.count(DocumentVersion, { proposal: id });
          const response = await write.run(role, id, before.version);
          const check = t.db.orm.em.fork();
          const eventsAfter = await check.count(Event, { scopeId: id, auditOnly: false });
          if (allowed.includes(role)) {
            expect(response.errors, `${write.op} ${cls} as ${role}`).toBeUndefined();
            expect(eventsAfter).toBe(eventsBefore + 1);
          } else {
            expect(code(response), `${write.op} ${cls} as ${role}`).toBe(
              refusal(role, mayRead(role, 'proposal', cls)),
            );
            expect(eventsAfter).toBe(eventsBefore);
            expect((await check.findOneOrFail(Proposal, id)).version).toBe(before.version);
            expect(await check.count(DocumentVersion, { proposal: id })).toBe(versionsBefore);
          }
          cover(`${role}|mutation|${write.op}:${cls}`);
        }
      }
    }

    const attempts: {
      op: (typeof mutationOps)[number];
      allowed: Role[];
      /** Who `viewer { can { <op> } }` says may do it, when that differs from `allowed`. */
      able?: Role[];
      run: (role: Role, i: number) => Promise<GraphQLResponse<unknown>>;
    }[] = [
      {
        op: 'createMeeting',
        allowed: ['office'],
        // `foreign` is office staff of its own organization: it may create meetings there (this committee is
        // not found from there).
        able: ['office', 'foreign'],
        run: (role) =>
          as(
            role,
            `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`,
            {
              input: {
                committeeId: w.committeeUnitId,
                title: `Họp (${role})`,
                kind: 'BRIEFING',
                startsAt: '2026-12-20T01:00:00Z',
              },
            },
          ),
      },
      {
        op: 'createTask',
        // `foreign` is office staff of its own organization: this unit is not found from there.
        allowed: ['office'],
        able: ['office', 'foreign'],
        run: (role) =>
          as(role, `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, {
            input: {
              title: `Nhiệm vụ mới (${role})`,
              assigneeUnitId: w.departmentId,
              dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
            },
          }),
      },
      {
        op: 'createWorkProgramme',
        // A year per role, so that an allowed try is never refused as a second programme of its year.
        allowed: ['office'],
        able: ['office', 'foreign'],
        run: (role) =>
          as(
            role,
            `mutation($input: CreateWorkProgrammeInput!) { createWorkProgramme(input: $input) { programme { id } } }`,
            {
              input: {
                unitId: w.committeeUnitId,
                year: 2100 + roles.indexOf(role),
                title: `Chương trình (${role})`,
              },
            },
          ),
      },
      {
        op: 'addProgrammeItem',
        allowed: ['office'],
        run: (role) =>
          as(
            role,
            `mutation($input: AddProgrammeItemInput!) { addProgrammeItem(input: $input) { item { id } } }`,
            {
              input: {
                programmeId: w.programmeId,
                title: `Đề án (${role})`,
                kind: 'PROPOSAL',
                plannedMonth: 6,
                leadUnitId: w.departmentId,
              },
            },
          ),
      },
      {
        op: 'createUnit',
        // `foreign` administers another organization: the unit is created there.
        allowed: ['admin', 'foreign'],
        run: (role) =>
          as(
            role,
            `mutation { createUnit(input: { name: "Ban mới ${role}", kind: DEPARTMENT }) { unit { id } } }`,
          ),
      },
      {
        op: 'inviteUser',
        allowed: ['admin', 'foreign'],
        run: (role) =>
          as(
            role,
            `mutation { inviteUser(input: { email: "moi-${role}@quorum.test", fullName: "Người mới" }) { user { id } temporaryPassword } }`,
          ),
      },
      {
        op: 'setMembership',
        allowed: ['admin'],
        run: (role) =>
          as(
            role,
            `mutation($input: SetMembershipInput!) { setMembership(input: $input) { membership { role } } }`,
            {
              input: { userId: w.memberUserId, unitId: w.departmentId, role: 'MEMBER' },
            },
          ),
      },
      {
        op: 'createApiToken',
        allowed: members.filter((role) => role !== 'readToken').concat(['foreign']),
        run: (role) =>
          as(role, `mutation { createApiToken(input: { name: "tích hợp", scopes: [READ] }) { token } }`),
      },
      {
        op: 'revokeApiToken',
        // office owns the victims; the admin administers them; the others cannot see them.
        allowed: ['office', 'admin'],
        run: (role, i) =>
          as(role, `mutation($id: ID!) { revokeApiToken(id: $id) { apiToken { revokedAt } } }`, {
            id: w.victimTokenIds[i]!,
          }),
      },
      {
        op: 'updateUser',
        // `unrelated` edits their own profile; administrators anyone's.
        allowed: ['admin', 'unrelated'],
        run: (role) =>
          as(role, `mutation($input: UpdateUserInput!) { updateUser(input: $input) { user { fullName } } }`, {
            input: { id: w.memberUserId, fullName: `Tên mới (${role})` },
          }),
      },
      {
        op: 'resetUserPassword',
        allowed: ['admin'],
        run: (role) =>
          as(role, `mutation($id: ID!) { resetUserPassword(id: $id) { temporaryPassword } }`, {
            id: w.resetVictimId,
          }),
      },
      {
        // Each person's own notifications and preferences: anyone signed in with a credential that may write.
        op: 'markNotificationsRead',
        allowed: members.filter((role) => role !== 'readToken').concat(['foreign']),
        run: (role) => as(role, `mutation { markNotificationsRead(input: { all: true }) { unreadCount } }`),
      },
      {
        op: 'updateNotificationPreferences',
        allowed: members.filter((role) => role !== 'readToken').concat(['foreign']),
        run: (role) =>
          as(
            role,
            `mutation { updateNotificationPreferences(input: { preferences: [{ kind: STATUS_CHANGE, inApp: true, email: true }] }) { preferences { kind email } } }`,
          ),
      },
    ];
    // The mutation each `viewer { can { … } }` ability offers.
    const abilities: Partial<Record<(typeof mutationOps)[number], string>> = {
      createMeeting: 'createMeeting',
      createTask: 'createTask',
      createWorkProgramme: 'createProgramme',
      createUnit: 'createUnit',
      inviteUser: 'inviteUser',
      createApiToken: 'createApiToken',
    };
    for (const attempt of attempts) {
      let successes = 0;
      for (const role of roles) {
        // The form is offered exactly where the mutation works: `viewer { can }` comes from the same policies.
        const ability = abilities[attempt.op];
        if (ability) {
          const viewer = await as<{ viewer: { can: Record<string, boolean> | null } | null }>(
            role,
            `{ viewer { can { ${ability} } } }`,
          );
          expect(viewer.errors, `viewer.can as ${role}`).toBeUndefined();
          if (role === 'anonymous') expect(viewer.data?.viewer).toBeNull();
          else
            expect(viewer.data?.viewer?.can?.[ability], `can.${ability} as ${role}`).toBe(
              (attempt.able ?? attempt.allowed).includes(role),
            );
        }
        // A forbidden try must not use up the victim an allowed role revokes next.
        const response = await attempt.run(role, Math.min(successes, 2));
        if (attempt.allowed.includes(role)) {
          expect(response.errors, `${attempt.op} as ${role}`).toBeUndefined();
          successes += 1;
        } else {
          // Another organization's ids are not found; otherwise a known object is forbidden.
          const crossTenant = attempt.op === 'revokeApiToken' || role === 'foreign';
          const expected =
            role === 'anonymous'
              ? 'UNAUTHENTICATED'
              : role === 'readToken'
                ? 'FORBIDDEN'
                : crossTenant
                  ? 'NOT_FOUND'
                  : 'FORBIDDEN';
          expect(code(response), `${attempt.op} as ${role}`).toBe(expected);
        }
        cover(`${role}|mutation|${attempt.op}`);
      }
    }
  });

  it('covers every declared cell', () => {
    const missing = [...declared].filter((key) => !covered.has(key));
    expect(missing).toEqual([]);
  });
});

describe('revocation while subscribed', () => {
  let t: TestServer;
  let ids: { meeting: string; committeeUnit: string; member: string };
  let tokens: { office: string; member: string; admin: string; victim: string };
  let victimId: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const org = await buildOrganization(em);
      const office = await buildUser(em, org.organization, { unit: org.office });
      const member = await buildUser(em, org.organization, {
        unit: org.committee,
        role: MembershipRole.MEMBER,
      });
      const meeting = em.create(Meeting, {
        organization: org.organization,
        committee: org.committee,
        title: 'Hội nghị hạn chế',
        kind: MeetingKind.REGULAR,
        startsAt: new Date('2026-12-10T01:00:00Z'),
        classification: Classification.RESTRICTED,
      });
      await em.flush();
      const admin = await buildUser(em, org.organization, { systemRole: SystemRole.ADMIN });
      const victim = await buildUser(em, org.organization, {});
      ids = { meeting: meeting.id, committeeUnit: org.committee.id, member: member.user.id };
      tokens = { office: office.token, member: member.token, admin: admin.token, victim: victim.token };
      victimId = victim.user.id;
    });
  });
  afterAll(() => t.close());

  const touch = async (n: number) => {
    const version = (await t.db.orm.em.fork().findOneOrFail(Meeting, ids.meeting)).version;
    const r = await t.gql(
      `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`,
      { input: { id: ids.meeting, expectedVersion: version, location: `Phòng ${n}` } },
      tokens.office,
    );
    expect(r.errors).toBeUndefined();
  };

  it('a subscriber whose membership is revoked mid-stream receives nothing after the revocation', async () => {
    const subscribe = (token: string) =>
      collect<{ events: { cursor: string } }>(
        t.ws(token),
        `subscription($id: ID!) { events(scope: { type: MEETING, id: $id }, after: "0") { cursor } }`,
        { id: ids.meeting },
        3,
        30_000,
      );
    const member = subscribe(tokens.member);
    const office = subscribe(tokens.office);
    await touch(1);
    await expect.poll(() => member.received.length, { timeout: 10_000 }).toBe(1);
    const removed = await t.gql(
      `mutation($input: RemoveMembershipInput!) { removeMembership(input: $input) }`,
      { input: { userId: ids.member, unitId: ids.committeeUnit } },
      tokens.admin,
    );
    expect(removed.errors).toBeUndefined();
    await touch(2);
    await touch(3);
    // The office sees all three; by then the member's stream has read the same events and dropped them.
    expect(await office.done).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    member.unsubscribe();
    office.unsubscribe();
    expect(member.received).toHaveLength(1);
  });

  it('a deactivated user is cut off at once: HTTP refused and the open WebSocket closed', async () => {
    const closed = new Promise<number>((resolve) => {
      const client = t.ws(tokens.victim);
      client.on('closed', (event) => resolve((event as { code: number }).code));
      client.subscribe(
        { query: `subscription { events(scope: { type: ORGANIZATION }) { type } }` },
        { next() {}, error() {}, complete() {} },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const result = await t.gql(
      `mutation($input: SetUserActiveInput!) { setUserActive(input: $input) { user { active } } }`,
      { input: { id: victimId, active: false } },
      tokens.admin,
    );
    expect(result.errors).toBeUndefined();
    expect(await closed).toBe(4403);
    const after = await t.gql(`{ viewer { id } }`, {}, tokens.victim);
    expect(code(after)).toBe('UNAUTHENTICATED');
    expect(await t.db.orm.em.fork().count(User, { id: victimId, active: false })).toBe(1);
  });
});
