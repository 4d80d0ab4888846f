// A live event is executed for the viewer as it is when the event is delivered, not as it was when the
// subscription began: a field nested in the event (a task's source proposal) answers for what the viewer may
// read now. Revoking someone's access to a CONFIDENTIAL proposal hides it from their open subscriptions at once.
import { Classification, EventType, ProposalKind, ProposalStatus } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organization, Proposal, Task, Unit, User } from '../src/entities/index.js';
import { buildMeetingTenant } from './support/meeting-factories.js';
import { collect, startTestServer, type TestServer } from './support/server.js';

interface Received {
  events: {
    type: string;
    subject: { __typename: string; title?: string; sourceProposal?: { id: string; title: string } | null };
  };
}

describe('live events and the viewer at delivery', () => {
  let t: TestServer;
  let office: string;
  let member: string;
  let memberId: string;
  let proposalId: string;
  let taskId: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      office = tenant.office.token;
      member = tenant.member.token;
      memberId = tenant.member.user.id;
      const organization = em.getReference(Organization, tenant.organization.id);
      const proposal = em.create(Proposal, {
        organization,
        title: 'Đề án mật',
        kind: ProposalKind.PROPOSAL,
        leadUnit: em.getReference(Unit, tenant.officeUnit.id),
        owner: em.getReference(User, tenant.office.user.id),
        status: ProposalStatus.DRAFTING,
        classification: Classification.CONFIDENTIAL,
      });
      proposal.accessList.add(em.getReference(User, memberId));
      const task = em.create(Task, {
        organization,
        title: 'Việc 0',
        assigneeUnit: em.getReference(Unit, tenant.department.id),
        sourceProposal: proposal,
        dueAt: new Date(Date.now() + 30 * 86_400_000),
        classification: Classification.INTERNAL,
      });
      await em.flush();
      proposalId = proposal.id;
      taskId = task.id;
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const renameTask = async (title: string) => {
    const { version } = await t.db.orm.em.fork().findOneOrFail(Task, taskId);
    const answer = await t.gql(
      `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id } } }`,
      { input: { id: taskId, expectedVersion: version, title } },
      office,
    );
    expect(answer.errors).toBeUndefined();
  };

  it("hides from an open subscription a proposal nested in an event once the viewer's access to it is revoked", async () => {
    const taskUpdates = (received: Received[]) =>
      received.filter((r) => r.events.type === EventType.TASK_UPDATED);
    const stream = collect<Received>(
      t.ws(member),
      `subscription { events(scope: { type: ORGANIZATION }) {
         type subject { __typename ... on Task { title sourceProposal { id title } } } } }`,
      {},
      (received) => taskUpdates(received).length >= 2,
      15_000,
    );
    // The subscription is under way once an event reaches it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await renameTask('Việc 1');
    await expect.poll(() => taskUpdates(stream.received).length, { timeout: 10_000 }).toBe(1);

    const { version } = await t.db.orm.em.fork().findOneOrFail(Proposal, proposalId);
    const revoked = await t.gql(
      `mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { proposal { id } } }`,
      { input: { id: proposalId, expectedVersion: version, accessUserIds: [] } },
      office,
    );
    expect(revoked.errors).toBeUndefined();
    await renameTask('Việc 2');

    const received = taskUpdates(await stream.done);
    stream.unsubscribe();
    expect(stream.errors).toEqual([]);
    expect(
      received.map((r) => [r.events.subject.title, r.events.subject.sourceProposal?.title ?? null]),
    ).toEqual([
      ['Việc 1', 'Đề án mật'],
      ['Việc 2', null],
    ]);
  });
});
