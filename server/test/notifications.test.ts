// Notifications (issue 13, item 2): each kind is produced once, for the right users and never for the one who
// acted; delivered live on a graphql-ws client (and from one instance to a subscriber on another); marked read
// by their user alone (another's is NOT_FOUND); switched off per kind; left out once their object may no
// longer be read; e-mailed through SMTP when it is configured (a local smtp-server started here), and not
// otherwise.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import {
  Classification,
  EventType,
  MembershipRole,
  NotificationKind,
  ParticipantRole,
  ProposalKind,
  TaskStatus,
  UnitKind,
  formatMention,
} from '@quorum/shared';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../src/auth/tokens.js';
import { Notification, Session, Unit } from '../src/entities/index.js';
import { NotificationMailJob } from '../src/jobs/notification-mail.js';
import { JobQueue } from '../src/jobs/queue.js';
import { usingPostgres } from './support/database.js';
import { buildUser } from './support/factories.js';
import { buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { startInstance } from './support/instances.js';
import { collect, startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

type Role = 'office' | 'assignee' | 'head' | 'outsider' | 'reviewer' | 'colleague';

interface Mail {
  to: string;
  /** Decoded: headers' encoded words, quoted-printable and base64 parts. */
  text: string;
}

interface Listed {
  id: string;
  kind: NotificationKind;
  readAt: string | null;
  event: { type: string; actor: { id: string } | null; subject: { __typename: string; id: string } | null };
}

const NOTIFICATION = `id kind createdAt readAt
  event { type actor { id } subject { __typename ... on Task { id } ... on Meeting { id } ... on Proposal { id } ... on Appraisal { id } } }`;
const SUBSCRIPTION = `subscription { notifications { unreadCount notification { ${NOTIFICATION} } } }`;
interface Update {
  notifications: { unreadCount: number; notification: Listed | null };
}

const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Polls until `check` holds (the mail job runs after the commit, on its own time). */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('notifications', () => {
  let t: TestServer;
  let smtp: SMTPServer;
  const mails: Mail[] = [];
  const tokens = {} as Record<Role, string>;
  const ids = {} as Record<Role, string>;
  const emails = {} as Record<Role, string>;
  let departmentId: string;
  let meetingId: string;
  let appraisingId: string;

  beforeAll(async () => {
    // The capture: accepts anything, keeps each message whole.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          for (const to of session.envelope.rcptTo)
            mails.push({ to: to.address, text: decodeMail(Buffer.concat(chunks).toString('utf8')) });
          callback();
        });
      },
    });
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    t = await startTestServer(
      async (db) => {
        const em = db.orm.em.fork();
        const tenant = await buildMeetingTenant(em);
        departmentId = tenant.department.id;
        const head = await buildUser(em, tenant.organization, {
          unit: tenant.department,
          role: MembershipRole.HEAD,
        });
        // In no unit: a RESTRICTED meeting is theirs to read only while they take part in it.
        const outsider = await buildUser(em, tenant.organization);
        // The appraising unit: its head is asked, its staff member starts a thread.
        const appraising = em.create(Unit, {
          organization: tenant.organization,
          name: 'Ủy ban Kiểm tra',
          kind: UnitKind.DEPARTMENT,
        });
        const reviewer = await buildUser(em, tenant.organization, {
          unit: appraising,
          role: MembershipRole.HEAD,
        });
        const colleague = await buildUser(em, tenant.organization, { unit: appraising });
        appraisingId = appraising.id;
        for (const [role, built] of [
          ['office', tenant.office],
          ['assignee', tenant.member],
          ['head', head],
          ['outsider', outsider],
          ['reviewer', reviewer],
          ['colleague', colleague],
        ] as const) {
          tokens[role] = built.token;
          ids[role] = built.user.id;
          emails[role] = built.user.email;
        }
        meetingId = (
          await buildMeetingIn(em, tenant.organization, tenant.committee, {
            classification: Classification.RESTRICTED,
          })
        ).id;
      },
      { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'Quorum <quorum@quorum.test>' },
    );
  });

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  const list = async (role: Role, unreadOnly = false) => {
    const answer = await t.gql<{
      notifications: { totalCount: number; unreadCount: number; edges: { node: Listed }[] };
    }>(
      `query($unreadOnly: Boolean) { notifications(first: 100, unreadOnly: $unreadOnly) {
        totalCount unreadCount edges { node { ${NOTIFICATION} } } } }`,
      { unreadOnly },
      tokens[role],
    );
    expect(answer.errors).toBeUndefined();
    const connection = answer.data!.notifications;
    return { ...connection, nodes: connection.edges.map((edge) => edge.node) };
  };
  /** Who was notified of what about one object: [role, kind, event type] for every role. */
  const about = async (subjectId: string) => {
    const found: [Role, NotificationKind, string][] = [];
    for (const role of Object.keys(tokens) as Role[])
      for (const node of (await list(role)).nodes)
        if (node.event.subject?.id === subjectId) found.push([role, node.kind, node.event.type]);
    return found;
  };
  const mutate = <T = Record<string, unknown>>(
    role: Role,
    name: string,
    input: Record<string, unknown>,
    selection: string,
  ) =>
    t.gql<T>(
      `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${selection} } }`,
      { input },
      tokens[role],
    );
  const createTask = async (input: Record<string, unknown> = {}) => {
    const answer = await mutate<{ createTask: { task: { id: string; version: number } } }>(
      'office',
      'createTask',
      {
        title: 'Rà soát quy chế',
        assigneeUnitId: departmentId,
        assigneeId: ids.assignee,
        dueAt: inDays(10),
        ...input,
      },
      'task { id version }',
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.createTask.task;
  };
  const markRead = (role: Role, input: Record<string, unknown>) =>
    mutate<{ markNotificationsRead: { unreadCount: number } }>(
      role,
      'markNotificationsRead',
      input,
      'unreadCount',
    );

  it('an assignment reaches the assignee once, live, and never the office that made it', async () => {
    const client = t.ws(tokens.assignee);
    const live = collect<Update>(client, SUBSCRIPTION, {}, (received) =>
      received.some((update) => update.notifications.notification !== null),
    );
    // The count comes first, at once.
    await eventually(() => live.received.length > 0);
    const before = live.received[0]!.notifications.unreadCount;

    const task = await createTask();
    const updates = await live.done;
    live.unsubscribe();
    expect(live.errors).toEqual([]);
    const pushed = updates.at(-1)!.notifications;
    expect(pushed.unreadCount).toBe(before + 1);
    expect(pushed.notification).toMatchObject({
      kind: NotificationKind.ASSIGNMENT,
      readAt: null,
      event: {
        type: EventType.TASK_CREATED,
        actor: { id: ids.office },
        subject: { __typename: 'Task', id: task.id },
      },
    });
    expect(await about(task.id)).toEqual([['assignee', NotificationKind.ASSIGNMENT, EventType.TASK_CREATED]]);
    const listed = await list('assignee');
    expect(listed.unreadCount).toBe(before + 1);
    expect(listed.nodes[0]!.id).toBe(pushed.notification!.id);
  });

  it("a task's moves reach whoever assigned it, not the assignee who made them; marking read is the user's own", async () => {
    const task = await createTask({ title: 'Báo cáo sơ kết' });
    const started = await mutate<{ changeTaskStatus: { task: { version: number } } }>(
      'assignee',
      'changeTaskStatus',
      { taskId: task.id, to: TaskStatus.IN_PROGRESS, expectedVersion: task.version },
      'task { version }',
    );
    expect(started.errors).toBeUndefined();
    const client = t.ws(tokens.office);
    const live = collect<Update>(client, SUBSCRIPTION, {}, (received) =>
      received.some(
        (update) => update.notifications.notification?.event.type === EventType.TASK_STATUS_CHANGED,
      ),
    );
    await eventually(() => live.received.length > 0);
    expect(
      (
        await mutate(
          'assignee',
          'changeTaskStatus',
          {
            taskId: task.id,
            to: TaskStatus.DONE,
            expectedVersion: started.data!.changeTaskStatus.task.version,
          },
          'task { id }',
        )
      ).errors,
    ).toBeUndefined();
    await live.done;
    expect(live.received.at(-1)!.notifications.notification).toMatchObject({
      kind: NotificationKind.STATUS_CHANGE,
      event: { actor: { id: ids.assignee } },
    });
    expect(await about(task.id)).toEqual([
      ['office', NotificationKind.STATUS_CHANGE, EventType.TASK_STATUS_CHANGED],
      ['office', NotificationKind.STATUS_CHANGE, EventType.TASK_STATUS_CHANGED],
      ['assignee', NotificationKind.ASSIGNMENT, EventType.TASK_CREATED],
    ]);

    // Marking read: the count falls, on the answer, the list and the socket; another's is NOT_FOUND.
    const office = await list('office', true);
    const [first, second] = office.nodes.filter((node) => node.event.subject?.id === task.id);
    const reads = collect<Update>(client, SUBSCRIPTION, {}, (received) =>
      received.some((update) => update.notifications.unreadCount === office.unreadCount - 1),
    );
    expect((await markRead('office', { ids: [first!.id] })).data?.markNotificationsRead.unreadCount).toBe(
      office.unreadCount - 1,
    );
    await reads.done;
    expect(reads.received.at(-1)!.notifications).toEqual({
      unreadCount: office.unreadCount - 1,
      notification: null,
    });
    live.unsubscribe();
    reads.unsubscribe();
    expect((await list('office')).nodes.find((node) => node.id === first!.id)!.readAt).not.toBeNull();
    expect(code(await markRead('assignee', { ids: [second!.id] }))).toBe('NOT_FOUND');
    // Refused as a whole: the viewer's own id beside another's is not marked either.
    const own = (await list('assignee', true)).nodes[0]!;
    expect(code(await markRead('assignee', { ids: [own.id, second!.id] }))).toBe('NOT_FOUND');
    expect((await list('assignee', true)).nodes.map((node) => node.id)).toContain(own.id);
    expect(code(await markRead('assignee', { ids: ['not-an-id'] }))).toBe('BAD_USER_INPUT');
    expect(code(await markRead('assignee', {}))).toBe('BAD_USER_INPUT');
    expect((await markRead('office', { all: true })).data?.markNotificationsRead.unreadCount).toBe(0);
    expect((await list('office')).unreadCount).toBe(0);
    expect((await list('office', true)).totalCount).toBe(0);
  });

  it('an invitation reaches the invited once; a subject the user may no longer read is neither listed nor counted', async () => {
    const added = await mutate<{ addParticipants: { participants: { id: string; user: { id: string } }[] } }>(
      'office',
      'addParticipants',
      { meetingId, participants: [{ userId: ids.outsider, role: ParticipantRole.INVITEE }] },
      'participants { id user { id } }',
    );
    expect(added.errors).toBeUndefined();
    expect(await about(meetingId)).toEqual([
      ['outsider', NotificationKind.INVITATION, EventType.PARTICIPANT_ADDED],
    ]);
    const unread = (await list('outsider')).unreadCount;
    const participantId = added.data!.addParticipants.participants.find(
      (p) => p.user.id === ids.outsider,
    )!.id;
    expect(
      (await mutate('office', 'removeParticipant', { id: participantId }, 'removedId')).errors,
    ).toBeUndefined();
    // The meeting is RESTRICTED to its participants: the invitation is gone from the list and the count.
    const after = await list('outsider');
    expect(after.nodes.some((node) => node.event.subject?.id === meetingId)).toBe(false);
    expect(after.nodes.every((node) => node.event.subject !== null)).toBe(true);
    expect(after.unreadCount).toBe(unread - 1);
    const rows = await t.db.orm.em.fork().count(Notification, { user: ids.outsider });
    expect(rows).toBeGreaterThan(after.totalCount);
  });

  it("an appraisal: asked of the unit's head, its move told to the proposal's owner; a mention of the thread's author is one MENTION", async () => {
    const created = await mutate<{ createProposal: { proposal: { id: string } } }>(
      'assignee',
      'createProposal',
      { title: 'Đề án sắp xếp bộ máy', kind: ProposalKind.PROPOSAL, leadUnitId: departmentId },
      'proposal { id }',
    );
    expect(created.errors).toBeUndefined();
    const proposalId = created.data!.createProposal.proposal.id;
    const requested = await mutate<{ requestAppraisal: { appraisal: { id: string } } }>(
      'office',
      'requestAppraisal',
      { proposalId, unitIds: [appraisingId], dueAt: inDays(5) },
      'appraisal { id }',
    );
    expect(requested.errors).toBeUndefined();
    const appraisalId = requested.data!.requestAppraisal.appraisal.id;
    expect(await about(proposalId)).toEqual([
      ['assignee', NotificationKind.STATUS_CHANGE, EventType.PROPOSAL_STATUS_CHANGED],
    ]);
    expect(await about(appraisalId)).toEqual([
      ['reviewer', NotificationKind.APPRAISAL_REQUEST, EventType.APPRAISAL_REQUESTED],
    ]);

    const comment = (role: Role, input: Record<string, unknown>) =>
      mutate<{ addAppraisalComment: { comment: { id: string } } }>(
        role,
        'addAppraisalComment',
        { appraisalId, ...input },
        'comment { id }',
      );
    const root = await comment('colleague', { body: 'Đề nghị làm rõ lộ trình.' });
    expect(root.errors).toBeUndefined();
    const reply = await comment('reviewer', {
      parentId: root.data!.addAppraisalComment.comment.id,
      body: `${formatMention('Đồng nghiệp', ids.colleague)} và ${formatMention('Chủ trì', ids.assignee)} xem lại.`,
    });
    expect(reply.errors).toBeUndefined();
    const comments = (await about(appraisalId)).filter(
      ([, , type]) => type === EventType.APPRAISAL_COMMENT_ADDED,
    );
    expect(comments.sort()).toEqual([
      ['assignee', NotificationKind.MENTION, EventType.APPRAISAL_COMMENT_ADDED],
      ['colleague', NotificationKind.MENTION, EventType.APPRAISAL_COMMENT_ADDED],
    ]);
    // Unmentioned, the thread's author hears of a reply as a REPLY.
    await comment('reviewer', { parentId: root.data!.addAppraisalComment.comment.id, body: 'Đã bổ sung.' });
    const replies = (await about(appraisalId)).filter(
      ([role, kind]) => role === 'colleague' && kind === NotificationKind.REPLY,
    );
    expect(replies).toHaveLength(1);
  });

  it('a session that ends ends its stream: the next delivery is refused UNAUTHENTICATED', async () => {
    const token = newToken('qs');
    const em = t.db.orm.em.fork();
    em.create(Session, {
      user: ids.assignee,
      tokenHash: hashToken(token),
      lastSeenAt: new Date(),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    await em.flush();
    const live = collect<Update>(t.ws(token), SUBSCRIPTION, {}, () => false);
    await eventually(() => live.received.length > 0);
    expect((await t.gql('mutation { logout }', {}, token)).errors).toBeUndefined();
    await createTask({ title: 'Sau khi đăng xuất' });
    await live.done.then(
      () => undefined,
      () => undefined,
    );
    await eventually(() => live.errors.length > 0);
    expect(JSON.stringify(live.errors)).toContain('UNAUTHENTICATED');
    expect(live.received).toHaveLength(1);
  });

  it('a kind switched off is not kept for that user; the preferences are the viewer’s own', async () => {
    const PREFS = 'preferences { kind inApp email }';
    const off = await mutate<{
      updateNotificationPreferences: { preferences: { kind: string; inApp: boolean; email: boolean }[] };
    }>(
      'assignee',
      'updateNotificationPreferences',
      { preferences: [{ kind: NotificationKind.ASSIGNMENT, inApp: false, email: false }] },
      PREFS,
    );
    expect(off.errors).toBeUndefined();
    expect(off.data!.updateNotificationPreferences.preferences).toContainEqual({
      kind: NotificationKind.ASSIGNMENT,
      inApp: false,
      email: false,
    });
    const viewer = await t.gql<{ viewer: { notificationPreferences: { kind: string; inApp: boolean }[] } }>(
      'query { viewer { notificationPreferences { kind inApp email } } }',
      {},
      tokens.assignee,
    );
    expect(viewer.data!.viewer.notificationPreferences).toHaveLength(Object.keys(NotificationKind).length);
    expect(
      viewer.data!.viewer.notificationPreferences.find((p) => p.kind === NotificationKind.ASSIGNMENT)!.inApp,
    ).toBe(false);
    const twice = await mutate(
      'assignee',
      'updateNotificationPreferences',
      {
        preferences: [
          { kind: NotificationKind.MENTION, inApp: true, email: true },
          { kind: NotificationKind.MENTION, inApp: false, email: true },
        ],
      },
      PREFS,
    );
    expect(code(twice)).toBe('BAD_USER_INPUT');

    const task = await createTask({ title: 'Không báo' });
    expect(await about(task.id)).toEqual([]);
    // Back to the defaults: assignments come again.
    await mutate(
      'assignee',
      'updateNotificationPreferences',
      {
        preferences: [{ kind: NotificationKind.ASSIGNMENT, inApp: true, email: true }],
      },
      PREFS,
    );
    const again = await createTask({ title: 'Có báo' });
    expect(await about(again.id)).toEqual([
      ['assignee', NotificationKind.ASSIGNMENT, EventType.TASK_CREATED],
    ]);
  });

  it('reminders: due soon to the assignee, overdue to the unit head and the office, once each', async () => {
    const soon = await createTask({ title: 'Sắp đến hạn', dueAt: inDays(2) });
    const late = await createTask({ title: 'Quá hạn', dueAt: inDays(1) });
    const now = new Date(Date.now() + 2 * 86_400_000 + 3_600_000);
    await t.server.taskReminders.tick(new Date());
    await t.server.taskReminders.tick(new Date());
    expect(await about(soon.id)).toEqual([
      ['assignee', NotificationKind.DUE_SOON, EventType.TASK_REMINDED],
      ['assignee', NotificationKind.ASSIGNMENT, EventType.TASK_CREATED],
    ]);
    await t.server.taskReminders.tick(now);
    await t.server.taskReminders.tick(now);
    const lateOnes = (await about(late.id)).filter(([, kind]) => kind === NotificationKind.OVERDUE);
    expect(lateOnes.map(([role]) => role).sort()).toEqual(['head', 'office']);
  });

  it('e-mail: sent once per notification to its user, in Vietnamese then English, with the link; none without SMTP', async () => {
    const task = await createTask({ title: 'Gửi thư' });
    const forTask = () => mails.filter((mail) => mail.text.includes(task.id));
    await eventually(() => forTask().length > 0);
    expect(forTask().map((mail) => mail.to)).toEqual([emails.assignee]);
    const decoded = forTask()[0]!.text;
    expect(decoded).toContain('Nhiệm vụ được giao: Gửi thư');
    expect(decoded).toContain('Task assigned to you: Gửi thư');
    expect(decoded.indexOf('Nhiệm vụ được giao')).toBeLessThan(decoded.indexOf('Task assigned to you'));
    expect(decoded).toContain(`${t.url}/tasks/${task.id}`);
    // Marked in the transaction that sent it, which commits just after the message went.
    const row = () =>
      t.db.orm.em.fork().findOneOrFail(Notification, { user: ids.assignee, event: { subjectId: task.id } });
    await eventually(async () => (await row()).emailedAt instanceof Date);
    const { id } = await row();
    // A second run of the job (a retry) sends nothing more.
    expect(await t.server.notificationMail.send([id])).toBe(0);
    // STATUS_CHANGE is not e-mailed by default.
    expect(mails.some((mail) => mail.text.includes('Status changed'))).toBe(false);

    // Not configured: the job is off and sends nothing.
    const off = new NotificationMailJob(
      t.db.orm,
      { smtpUrl: undefined, mailFrom: 'x@y', appUrl: () => t.url },
      new JobQueue(undefined),
    );
    await off.start();
    expect(off.enabled).toBe(false);
    await t.db.orm.em.fork().nativeUpdate(Notification, { id }, { emailedAt: null });
    off.enqueue([id]);
    expect(await off.send([id])).toBe(0);
    await off.stop();
    expect(forTask()).toHaveLength(1);
  });

  it.runIf(usingPostgres)(
    'a notification committed on one instance reaches the subscriber on another',
    async () => {
      const other = await startInstance(t.db, 'NOTIFY');
      try {
        const { createClient } = await import('graphql-ws');
        const WebSocket = (await import('ws')).default;
        const client = createClient({
          url: `${other.server.url.replace('http', 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${tokens.assignee}` },
          retryAttempts: 0,
        });
        const live = collect<Update>(client, SUBSCRIPTION, {}, (received) =>
          received.some((update) => update.notifications.notification !== null),
        );
        await eventually(() => live.received.length > 0);
        const task = await createTask({ title: 'Từ phiên bản khác' });
        await live.done;
        live.unsubscribe();
        expect(live.received.at(-1)!.notifications.notification).toMatchObject({
          kind: NotificationKind.ASSIGNMENT,
          event: { subject: { id: task.id } },
        });

        // An invitation to a RESTRICTED meeting: readable once the other instance's viewers catch up with it.
        const outsider = createClient({
          url: `${other.server.url.replace('http', 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${tokens.outsider}` },
          retryAttempts: 0,
        });
        const invited = collect<Update>(outsider, SUBSCRIPTION, {}, (received) =>
          received.some((update) => update.notifications.notification?.kind === NotificationKind.INVITATION),
        );
        await eventually(() => invited.received.length > 0);
        const added = await mutate(
          'office',
          'addParticipants',
          { meetingId, participants: [{ userId: ids.outsider, role: ParticipantRole.INVITEE }] },
          'participants { id }',
        );
        expect(added.errors).toBeUndefined();
        await invited.done;
        invited.unsubscribe();
        expect(invited.received.at(-1)!.notifications).toMatchObject({
          // The first invitation (left out while the meeting was not theirs to read) counts again too.
          unreadCount: invited.received[0]!.notifications.unreadCount + 2,
          notification: { kind: NotificationKind.INVITATION, event: { subject: { id: meetingId } } },
        });
        await Promise.all([client.dispose(), outsider.dispose()]);
      } finally {
        await other.close();
      }
    },
  );
});

/** The text of a MIME message with its encoded words and quoted-printable or base64 parts decoded. */
function decodeMail(raw: string): string {
  const words = raw.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
  const unfolded = words.replace(/\?=\s+=\?/g, '');
  const qp = Buffer.from(
    unfolded
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
  const base64Parts = [
    ...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/g),
  ].map((m) => Buffer.from(m[1]!.replace(/\s/g, ''), 'base64').toString('utf8'));
  return [qp, ...base64Parts].join('\n');
}
