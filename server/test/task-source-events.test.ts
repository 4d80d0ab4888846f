// A task's events are read by whoever reads the task: `task.created` names its sources only where they are no
// more restricted than the task. An INTERNAL task the office makes from a CONFIDENTIAL meeting does not tell its
// readers the meeting's id; one from an INTERNAL meeting does.
import { Classification, EventType, MeetingStatus } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meeting, Organization, Unit, User } from '../src/entities/index.js';
import { buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type TestServer } from './support/server.js';

describe("a task's event and its sources", () => {
  let t: TestServer;
  let office: string;
  let member: string;
  let departmentId: string;
  let hiddenId: string;
  let openId: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      office = tenant.office.token;
      member = tenant.member.token;
      departmentId = tenant.department.id;
      const organization = em.getReference(Organization, tenant.organization.id);
      const committee = em.getReference(Unit, tenant.committee.id);
      const hidden = await buildMeetingIn(em, organization, committee, {
        status: MeetingStatus.CLOSED,
        classification: Classification.CONFIDENTIAL,
      });
      hidden.accessList.add(em.getReference(User, tenant.office.user.id));
      const open = await buildMeetingIn(em, organization, committee, { status: MeetingStatus.CLOSED });
      await em.flush();
      hiddenId = hidden.id;
      openId = open.id;
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function createdChanges(sourceMeetingId: string) {
    const created = await t.gql<{ createTask: { task: { id: string; classification: string } } }>(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id classification } } }`,
      {
        input: {
          title: 'Triển khai kết luận',
          assigneeUnitId: departmentId,
          dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          sourceMeetingId,
          classification: Classification.INTERNAL,
        },
      },
      office,
    );
    expect(created.errors).toBeUndefined();
    const task = created.data!.createTask.task;
    expect(task.classification).toBe(Classification.INTERNAL);
    const page = await t.gql<{
      events: { events: { type: string; changes: Record<string, unknown> }[] };
    }>(
      `query($id: ID!) { events(scope: { type: TASK, id: $id }, first: 10) { events { type changes } } }`,
      { id: task.id },
      member,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.events.events.map((e) => e.type)).toEqual([EventType.TASK_CREATED]);
    return page.data!.events.events[0]!.changes;
  }

  it('names a CONFIDENTIAL source meeting to no reader of an INTERNAL task, an INTERNAL one to all', async () => {
    const fromHidden = await createdChanges(hiddenId);
    expect(fromHidden).not.toHaveProperty('sourceMeetingId');
    expect(fromHidden).not.toHaveProperty('sourceAgendaItemId');
    expect(JSON.stringify(fromHidden)).not.toContain(hiddenId);
    expect(fromHidden.title).toEqual({ before: null, after: 'Triển khai kết luận' });

    const fromOpen = await createdChanges(openId);
    expect(fromOpen.sourceMeetingId).toEqual({ before: null, after: openId });
    // The meeting's row is as it was: nothing in this test changed it.
    expect((await t.db.orm.em.fork().findOneOrFail(Meeting, hiddenId)).classification).toBe(
      Classification.CONFIDENTIAL,
    );
  });
  it('filters tasks by a source meeting only the viewer may read: a hidden one lists nothing', async () => {
    await createdChanges(hiddenId);
    const count = async (token: string, sourceMeetingId: string) => {
      const answer = await t.gql<{ tasks: { totalCount: number } }>(
        `query($id: ID!) { tasks(filter: { sourceMeetingId: $id }) { totalCount } }`,
        { id: sourceMeetingId },
        token,
      );
      expect(answer.errors).toBeUndefined();
      return answer.data!.tasks.totalCount;
    };
    // The member reads the INTERNAL tasks made from the hidden meeting, but not which meeting they came from.
    expect(await count(member, hiddenId)).toBe(0);
    expect(await count(office, hiddenId)).toBeGreaterThan(0);
  });
});
