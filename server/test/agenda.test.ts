import { agendaSiblingIndex, MeetingStatus, MembershipRole, limits } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgendaItem, Event, type Organization, type Unit } from '../src/entities/index.js';
import { buildUser } from './support/factories.js';
import { buildAgendaItems, buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type TestServer } from './support/server.js';

interface Row {
  id: string;
  title: string;
  number: string;
  depth: number;
  parentId: string | null;
  version: number;
  durationMinutes: number | null;
  totalDurationMinutes: number;
  childrenDurationMinutes: number;
}

/** A tiny deterministic PRNG, so a failing run can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

/** Every level numbered 1..n under its parent's number, depth matching the parent chain. */
function expectConsistentNumbering(rows: Row[]): void {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const seen = new Map<string | null, number>();
  for (const row of rows) {
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (row.parentId) expect(parent, `parent of ${row.title} is in the agenda`).toBeDefined();
    const index = (seen.get(row.parentId) ?? 0) + 1;
    seen.set(row.parentId, index);
    expect(row.number).toBe(parent ? `${parent.number}.${index}` : String(index));
    // The client reads a moved item's place back from its number (applyRemoteMove).
    expect(agendaSiblingIndex(row.number)).toBe(index - 1);
    expect(row.depth).toBe(parent ? parent.depth + 1 : 0);
  }
}

describe('the agenda as a tree', () => {
  let t: TestServer;
  let organization: Organization;
  let committee: Unit;
  let office: { token: string };
  let office2: { token: string };
  let member: { token: string };

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      ({ organization, committee, office, member } = tenant);
      office2 = await buildUser(em, organization, { unit: tenant.officeUnit, role: MembershipRole.STAFF });
    });
  });
  afterAll(() => t.close());

  const em = () => t.db.orm.em.fork();

  const agenda = async (meetingId: string, token = office.token) => {
    const result = await t.gql<{ meeting: { agendaDurationMinutes: number; agenda: Row[] } }>(
      `query($id: ID!) { meeting(id: $id) { agendaDurationMinutes agenda {
         id title number depth parentId version durationMinutes totalDurationMinutes childrenDurationMinutes } } }`,
      { id: meetingId },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.meeting;
  };
  const outline = async (meetingId: string) =>
    (await agenda(meetingId)).agenda.map((row) => `${row.number} ${row.title}`);

  const move = (input: Record<string, unknown>, token = office.token) =>
    t.gql<{ moveAgendaItem: { agendaItem: { number: string } } }>(
      `mutation($input: MoveAgendaItemInput!) { moveAgendaItem(input: $input) { agendaItem { id number } meeting { id } } }`,
      { input },
      token,
    );
  const add = (input: Record<string, unknown>, token = office.token) =>
    t.gql<{ addAgendaItem: { agendaItem: { id: string; number: string; version: number } } }>(
      `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agendaItem { id number version } } }`,
      { input },
      token,
    );

  async function standardAgenda() {
    const meeting = await buildMeetingIn(em(), organization, committee, { status: MeetingStatus.SCHEDULED });
    const items = await buildAgendaItems(em(), meeting, [
      { title: 'Khai mạc', durationMinutes: 10 },
      {
        title: 'Đề án A',
        durationMinutes: 5,
        children: [
          { title: 'Trình bày', durationMinutes: 20 },
          { title: 'Thảo luận', durationMinutes: 40 },
        ],
      },
      { title: 'Đề án B', durationMinutes: 30 },
      { title: 'Bế mạc', durationMinutes: 5 },
    ]);
    const id = Object.fromEntries(items.map((item) => [item.title, item.id]));
    return { meeting, id };
  }

  it('derives numbers and sums durations per level and for the meeting', async () => {
    const { meeting } = await standardAgenda();
    const result = await agenda(meeting.id);
    expect(
      result.agenda.map((r) => [
        r.number,
        r.title,
        r.depth,
        r.totalDurationMinutes,
        r.childrenDurationMinutes,
      ]),
    ).toEqual([
      ['1', 'Khai mạc', 0, 10, 0],
      ['2', 'Đề án A', 0, 65, 60],
      ['2.1', 'Trình bày', 1, 20, 0],
      ['2.2', 'Thảo luận', 1, 40, 0],
      ['3', 'Đề án B', 0, 30, 0],
      ['4', 'Bế mạc', 0, 5, 0],
    ]);
    expect(result.agendaDurationMinutes).toBe(110);
  });

  it('reorders within a level and moves under another parent, keeping the numbering consistent', async () => {
    const { meeting, id } = await standardAgenda();
    expect((await move({ id: id['Bế mạc'], beforeId: id['Khai mạc'] })).errors).toBeUndefined();
    expect(await outline(meeting.id)).toEqual([
      '1 Bế mạc',
      '2 Khai mạc',
      '3 Đề án A',
      '3.1 Trình bày',
      '3.2 Thảo luận',
      '4 Đề án B',
    ]);
    const nested = await move({ id: id['Đề án B'], parentId: id['Đề án A'], afterId: id['Trình bày'] });
    expect(nested.data?.moveAgendaItem.agendaItem.number).toBe('3.2');
    expect(await outline(meeting.id)).toEqual([
      '1 Bế mạc',
      '2 Khai mạc',
      '3 Đề án A',
      '3.1 Trình bày',
      '3.2 Đề án B',
      '3.3 Thảo luận',
    ]);
    // A whole branch moves with its sub-items, to the end of the top level (where it already is).
    expect((await move({ id: id['Đề án A'] })).errors).toBeUndefined();
    // And back out of its parent, first at the top.
    expect((await move({ id: id['Thảo luận'], beforeId: id['Bế mạc'] })).errors).toBeUndefined();
    const final = await agenda(meeting.id);
    expect(final.agenda.map((r) => `${r.number} ${r.title}`)).toEqual([
      '1 Thảo luận',
      '2 Bế mạc',
      '3 Khai mạc',
      '4 Đề án A',
      '4.1 Trình bày',
      '4.2 Đề án B',
    ]);
    expectConsistentNumbering(final.agenda);
    expect(final.agendaDurationMinutes).toBe(110);
    expect(final.agenda.find((r) => r.title === 'Đề án A')?.totalDurationMinutes).toBe(55);
    const moved = await em().find(
      Event,
      { scopeId: meeting.id, type: 'agendaItem.moved' },
      { orderBy: { seq: 'asc' } },
    );
    expect(moved.map((e) => [e.subjectType, e.changes.number])).toEqual([
      ['AGENDA_ITEM', { before: '4', after: '1' }],
      ['AGENDA_ITEM', { before: '4', after: '3.2' }],
      ['AGENDA_ITEM', { before: '3', after: '3' }],
      ['AGENDA_ITEM', { before: '3.3', after: '1' }],
    ]);
  });

  it('refuses cycles, self-placement, foreign neighbours and too deep a tree with BAD_USER_INPUT', async () => {
    const { meeting, id } = await standardAgenda();
    const before = await outline(meeting.id);
    const refusals = [
      [{ id: id['Đề án A'], parentId: id['Trình bày'] }, 'parentId'],
      [{ id: id['Đề án A'], parentId: id['Đề án A'] }, 'parentId'],
      [{ id: id['Khai mạc'], afterId: id['Khai mạc'] }, 'afterId'],
      [{ id: id['Khai mạc'], afterId: id['Trình bày'] }, 'afterId'],
      [{ id: id['Khai mạc'], parentId: id['Đề án A'], beforeId: id['Bế mạc'] }, 'beforeId'],
      [{ id: id['Khai mạc'], afterId: id['Bế mạc'], beforeId: id['Đề án B'] }, 'afterId'],
    ] as const;
    for (const [input, field] of refusals) {
      const result = await move(input);
      expect(result.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    expect(await outline(meeting.id)).toEqual(before);

    // Depth: a chain of agendaDepthMax levels is fine, one more is refused (by add and by move).
    let parentId: string | undefined;
    for (let level = 1; level <= limits.agendaDepthMax; level++) {
      const result = await add({ meetingId: meeting.id, parentId, title: `Cấp ${level}` });
      expect(result.errors).toBeUndefined();
      parentId = result.data!.addAgendaItem.agendaItem.id;
    }
    const tooDeep = await add({ meetingId: meeting.id, parentId, title: 'Quá sâu' });
    expect(tooDeep.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    const branchTooDeep = await move({ id: id['Đề án A'], parentId });
    expect(branchTooDeep.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'parentId',
    });
  });

  it('adds, edits and removes items (with their sub-items), numbering closing the gap', async () => {
    const { meeting, id } = await standardAgenda();
    const added = await add({
      meetingId: meeting.id,
      parentId: id['Đề án A'],
      afterId: id['Trình bày'],
      title: 'Ý kiến thẩm định',
      durationMinutes: 15,
    });
    expect(added.data?.addAgendaItem.agendaItem.number).toBe('2.2');
    const first = await add({ meetingId: meeting.id, beforeId: id['Khai mạc'], title: 'Điểm danh' });
    expect(first.data?.addAgendaItem.agendaItem.number).toBe('1');
    const last = await add({ meetingId: meeting.id, title: 'Phát biểu bế mạc' });
    expect(last.data?.addAgendaItem.agendaItem.number).toBe('6');

    const item = (await agenda(meeting.id)).agenda.find((r) => r.title === 'Đề án B')!;
    const update = (input: Record<string, unknown>) =>
      t.gql<{
        updateAgendaItem: { agendaItem: { title: string; durationMinutes: number | null; version: number } };
      }>(
        `mutation($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { agendaItem { title durationMinutes version } } }`,
        { input },
        office.token,
      );
    const edited = await update({
      id: item.id,
      expectedVersion: item.version,
      title: 'Đề án B (sửa)',
      durationMinutes: null,
    });
    expect(edited.data?.updateAgendaItem.agendaItem).toEqual({
      title: 'Đề án B (sửa)',
      durationMinutes: null,
      version: item.version + 1,
    });
    const stale = await update({ id: item.id, expectedVersion: item.version, title: 'Lost' });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // A presenter set, then cleared with null: the column is NULL again.
    const presenter = (await buildUser(em(), organization)).user;
    await update({ id: item.id, expectedVersion: item.version + 1, presenterUserId: presenter.id });
    expect((await em().findOneOrFail(AgendaItem, item.id)).presenterUser?.id).toBe(presenter.id);
    await update({
      id: item.id,
      expectedVersion: item.version + 2,
      presenterUserId: null,
      description: null,
    });
    const cleared = await em().findOneOrFail(AgendaItem, item.id);
    expect([cleared.presenterUser ?? null, cleared.description ?? null, cleared.version]).toEqual([
      null,
      null,
      item.version + 3,
    ]);

    const parent = (await agenda(meeting.id)).agenda.find((r) => r.title === 'Đề án A')!;
    const removed = await t.gql<{ removeAgendaItem: { removedIds: string[] } }>(
      `mutation($input: RemoveAgendaItemInput!) { removeAgendaItem(input: $input) { removedIds meeting { agenda { id } } } }`,
      { input: { id: parent.id, expectedVersion: parent.version } },
      office.token,
    );
    expect(removed.errors).toBeUndefined();
    expect(new Set(removed.data?.removeAgendaItem.removedIds)).toEqual(
      new Set([parent.id, id['Trình bày'], id['Thảo luận'], added.data!.addAgendaItem.agendaItem.id]),
    );
    expect(await outline(meeting.id)).toEqual([
      '1 Điểm danh',
      '2 Khai mạc',
      '3 Đề án B (sửa)',
      '4 Bế mạc',
      '5 Phát biểu bế mạc',
    ]);
    expect(await em().count(AgendaItem, { meeting: meeting.id })).toBe(5);
    const types = (await em().find(Event, { scopeId: meeting.id }, { orderBy: { seq: 'asc' } })).map((e) => [
      e.type,
      e.subjectType,
    ]);
    expect(types).toEqual([
      ['agendaItem.added', 'AGENDA_ITEM'],
      ['agendaItem.added', 'AGENDA_ITEM'],
      ['agendaItem.added', 'AGENDA_ITEM'],
      ['agendaItem.updated', 'AGENDA_ITEM'],
      ['agendaItem.updated', 'AGENDA_ITEM'],
      ['agendaItem.updated', 'AGENDA_ITEM'],
      ['agendaItem.removed', 'MEETING'],
    ]);
  });

  it('lets only the office change the agenda, and nothing once the meeting is closed', async () => {
    const { meeting, id } = await standardAgenda();
    expect(
      (await move({ id: id['Bế mạc'], beforeId: id['Khai mạc'] }, member.token)).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await add({ meetingId: meeting.id, title: 'X' }, member.token)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const closed = await buildMeetingIn(em(), organization, committee, { status: MeetingStatus.CLOSED });
    const [item] = await buildAgendaItems(em(), closed, [{ title: 'Đã họp' }, { title: 'Khác' }]);
    expect((await move({ id: item!.id })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await add({ meetingId: closed.id, title: 'X' })).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('two clients reordering the same agenda at once end with one consistent order and no item lost', async () => {
    const meeting = await buildMeetingIn(em(), organization, committee, { status: MeetingStatus.SCHEDULED });
    const specs = Array.from({ length: 12 }, (_, i) => ({
      title: `Mục ${i + 1}`,
      ...(i % 4 === 1 ? { children: [1, 2, 3].map((j) => ({ title: `Mục ${i + 1}.${j}` })) } : {}),
    }));
    const built = await buildAgendaItems(em(), meeting, specs);
    const allIds = built.map((item) => item.id).sort();

    // Each client plans its moves from the agenda as it saw it at the start (so its view goes stale as
    // the other's moves land), then both send everything at once.
    const start = (await agenda(meeting.id)).agenda;
    const plan = (seed: number) => {
      const random = prng(seed);
      return Array.from({ length: 25 }, () => {
        const item = start[random(start.length)]!;
        const roots = start.filter((r) => !r.parentId && r.id !== item.id);
        const underParent = random(3) === 0 && roots.length > 0;
        const parent = underParent ? roots[random(roots.length)]! : undefined;
        const siblings = start.filter((r) => r.parentId === (parent?.id ?? null) && r.id !== item.id);
        const neighbour =
          siblings.length > 0 && random(4) > 0 ? siblings[random(siblings.length)] : undefined;
        const side = random(2) === 0 ? 'afterId' : 'beforeId';
        return {
          id: item.id,
          ...(parent ? { parentId: parent.id } : {}),
          ...(neighbour ? { [side]: neighbour.id } : {}),
        };
      });
    };
    const movesA = plan(1);
    const movesB = plan(2);
    const results = await Promise.all(
      movesA.flatMap((a, i) => [move(a, office.token), move(movesB[i]!, office2.token)]),
    );
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');
    // A stale plan may name a neighbour that has moved away, or a parent that is now below the item:
    // refused as bad input. Never a conflict, never a crash.
    expect(new Set(codes).size).toBeLessThanOrEqual(2);
    expect(codes.every((code) => code === 'OK' || code === 'BAD_USER_INPUT')).toBe(true);
    expect(codes.filter((code) => code === 'OK').length).toBeGreaterThan(25);

    const [seenByA, seenByB] = await Promise.all([
      agenda(meeting.id, office.token),
      agenda(meeting.id, office2.token),
    ]);
    expect(seenByA.agenda.map((r) => r.id)).toEqual(seenByB.agenda.map((r) => r.id));
    expect(seenByA.agenda.map((r) => r.id).sort()).toEqual(allIds);
    expectConsistentNumbering(seenByA.agenda);

    // In the table: every parent chain ends at the top (no cycle), siblings have distinct keys.
    const rows = await em().find(AgendaItem, { meeting: meeting.id });
    const parentOf = new Map(rows.map((row) => [row.id, row.parent?.id ?? null]));
    for (const row of rows) {
      let cursor: string | null = row.id;
      for (let hops = 0; cursor && hops <= rows.length; hops++) cursor = parentOf.get(cursor) ?? null;
      expect(cursor).toBeNull();
    }
    const keys = rows.map((row) => `${row.parent?.id ?? '-'}|${row.position}`);
    expect(new Set(keys).size).toBe(rows.length);
    expect(await em().count(Event, { scopeId: meeting.id, type: 'agendaItem.moved' })).toBe(
      codes.filter((code) => code === 'OK').length,
    );
  });

  it('two moves of a cycle at once: one wins, the other is refused, nothing is lost', async () => {
    for (let round = 0; round < 5; round++) {
      const meeting = await buildMeetingIn(em(), organization, committee, {
        status: MeetingStatus.SCHEDULED,
      });
      const [p, q] = await buildAgendaItems(em(), meeting, [{ title: 'P' }, { title: 'Q' }]);
      const [underQ, underP] = await Promise.all([
        move({ id: p!.id, parentId: q!.id }, office.token),
        move({ id: q!.id, parentId: p!.id }, office2.token),
      ]);
      const outcomes = [underQ, underP].map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(outcomes).toEqual(['BAD_USER_INPUT', 'OK']);
      const rows = (await agenda(meeting.id)).agenda;
      expect(rows.map((r) => r.number)).toEqual(['1', '1.1']);
    }
  });

  it('two clients placing different items after the same neighbour both land there', async () => {
    const meeting = await buildMeetingIn(em(), organization, committee, { status: MeetingStatus.SCHEDULED });
    const items = await buildAgendaItems(
      em(),
      meeting,
      ['A', 'B', 'C', 'D', 'E'].map((title) => ({ title })),
    );
    const [a, , , d, e] = items;
    const results = await Promise.all([
      move({ id: d!.id, afterId: a!.id }, office.token),
      move({ id: e!.id, afterId: a!.id }, office2.token),
    ]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const titles = (await agenda(meeting.id)).agenda.map((r) => r.title);
    expect(titles.slice(0, 1)).toEqual(['A']);
    expect(new Set(titles.slice(1, 3))).toEqual(new Set(['D', 'E']));
    expect(titles.slice(3)).toEqual(['B', 'C']);
  });
});
