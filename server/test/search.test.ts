// Search (issue 13, item 3): diacritic-insensitive matches over meetings, agenda items, proposals (their
// text too), comments and tasks, ranked, paged, and never a result (nor a count) the viewer may not read.
import { Classification, MembershipRole, ProposalKind, ProposalStatus, UnitKind } from '@quorum/shared';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Appraisal, AppraisalComment, Proposal, Task, Unit } from '../src/entities/index.js';
import { buildUser } from './support/factories.js';
import { buildAgendaItems, buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { noFeedPoll, startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

interface Hit {
  kind: string;
  id: string;
  title: string;
  snippet: string | null;
  rank: number;
  meeting: { id: string } | null;
  agendaItem: { id: string } | null;
  proposal: { id: string; title: string } | null;
  comment: { id: string } | null;
  task: { id: string } | null;
}
interface Found {
  edges: { cursor: string; node: Hit }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  counts: { kind: string; count: number }[];
}

const searchQuery = `query($query: String!, $first: Int, $after: String) {
  search(query: $query, first: $first, after: $after) {
    edges { cursor node { kind id title snippet rank
      meeting { id } agendaItem { id } proposal { id title } comment { id } task { id } } }
    pageInfo { hasNextPage endCursor }
    totalCount
    counts { kind count }
  }
}`;

describe('search', () => {
  let t: TestServer;
  const ids: Record<string, string> = {};
  const tokens: Record<'office' | 'member' | 'outsider' | 'named' | 'stranger', string> = {
    stranger: '',
    office: '',
    member: '',
    outsider: '',
    named: '',
  };
  const statements: string[] = [];

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      const { organization, committee, department } = tenant;
      tokens.office = tenant.office.token;
      tokens.member = tenant.member.token;
      // In no unit the proposals name: reads INTERNAL things only.
      const outsiderUnit = em.create(Unit, { organization, name: 'Sở Tài chính', kind: UnitKind.DEPARTMENT });
      const outsider = await buildUser(em, organization, { unit: outsiderUnit, role: MembershipRole.MEMBER });
      tokens.outsider = outsider.token;
      const named = await buildUser(em, organization, { unit: outsiderUnit, role: MembershipRole.MEMBER });
      tokens.named = named.token;
      // A member of the committee: no drafter, no reviewer.
      tokens.stranger = (
        await buildUser(em, organization, { unit: committee, role: MembershipRole.MEMBER })
      ).token;

      const proposal = (title: string, extra: Partial<Proposal> = {}) =>
        em.create(Proposal, {
          organization,
          title,
          kind: ProposalKind.PROPOSAL,
          leadUnit: department,
          owner: tenant.member.user,
          status: ProposalStatus.DRAFTING,
          ...extra,
        });
      const toTrinh = proposal('Tờ trình về công tác cán bộ năm 2027', {
        summary: 'Đề nghị Ban Thường vụ cho ý kiến.',
        bodyText: 'Căn cứ Điều lệ Đảng, Ban Tổ chức kính trình.',
      });
      const nq26 = proposal('Báo cáo sơ kết', {
        bodyText:
          'Mở đầu dài dòng về nhiều việc khác nhau trong năm. Kết quả thực hiện Nghị quyết 26 của Tỉnh ủy trong sáu tháng đầu năm.',
      });
      const titled = proposal('Thực hiện Nghị quyết 26 về phát triển đô thị');
      // The same words, apart: found, below the phrase.
      const scattered = proposal('Báo cáo tình hình', {
        bodyText: 'Thực tế hiện nay, việc nghị bàn và quyết định số 26 còn chậm.',
      });
      const dang = proposal('Đề án xây dựng Đảng bộ trong sạch vững mạnh');
      const restricted = proposal('Tờ trình hạn chế về nhân sự', {
        classification: Classification.RESTRICTED,
      });
      const confidential = proposal('Tờ trình mật về quy hoạch', {
        classification: Classification.CONFIDENTIAL,
      });
      confidential.accessList.add(named.user);
      // Many alike, for the pages.
      for (let i = 1; i <= 7; i++) proposal(`Kế hoạch kiểm tra giám sát số ${i}`);
      await em.flush();
      Object.assign(ids, {
        toTrinh: toTrinh.id,
        nq26: nq26.id,
        titled: titled.id,
        scattered: scattered.id,
        dang: dang.id,
        restricted: restricted.id,
        confidential: confidential.id,
      });

      const meeting = await buildMeetingIn(em, organization, committee, {
        title: 'Hội nghị Ban Thường vụ tháng 12',
      });
      const secret = await buildMeetingIn(em, organization, committee, {
        title: 'Hội nghị mật về tờ trình quy hoạch',
        classification: Classification.CONFIDENTIAL,
      });
      const [item] = await buildAgendaItems(em, meeting, [{ title: 'Thông qua tờ trình công tác cán bộ' }]);
      const [secretItem] = await buildAgendaItems(em, secret, [{ title: 'Tờ trình trong hội nghị mật' }]);
      ids.meeting = meeting.id;
      ids.secret = secret.id;
      ids.item = item!.id;
      ids.secretItem = secretItem!.id;

      // Comments: on a readable proposal, and on the confidential one (never found by outsiders).
      const round = (p: Proposal) =>
        em.create(Appraisal, {
          proposal: p,
          requestedBy: tenant.office.user,
          dueAt: new Date('2026-12-20T10:00:00Z'),
        });
      const comment = em.create(AppraisalComment, {
        appraisal: round(toTrinh),
        author: tenant.member.user,
        unit: department,
        body: 'Đề nghị bổ sung số liệu về tờ trình đào tạo cán bộ.',
      });
      const hiddenComment = em.create(AppraisalComment, {
        appraisal: round(confidential),
        author: tenant.member.user,
        unit: department,
        body: 'Góp ý mật: tờ trình cần làm rõ.',
      });
      // A round that does not share its comments: the drafters, the office and the comment's unit read it.
      const unshared = em.create(AppraisalComment, {
        appraisal: em.create(Appraisal, {
          proposal: dang,
          requestedBy: tenant.office.user,
          dueAt: new Date('2026-12-20T10:00:00Z'),
          sharedComments: false,
        }),
        author: outsider.user,
        unit: outsiderUnit,
        body: 'Ý kiến riêng của Sở Tài chính về kinh phí.',
      });
      const task = em.create(Task, {
        organization,
        title: 'Hoàn thiện tờ trình sau hội nghị',
        description: 'Tiếp thu ý kiến đóng góp.',
        assigneeUnit: department,
        dueAt: new Date('2026-12-31T10:00:00Z'),
      });
      const hiddenTask = em.create(Task, {
        organization,
        title: 'Tờ trình mật cần xử lý',
        assigneeUnit: department,
        dueAt: new Date('2026-12-31T10:00:00Z'),
        classification: Classification.CONFIDENTIAL,
      });
      await em.flush();
      Object.assign(ids, {
        comment: comment.id,
        hiddenComment: hiddenComment.id,
        unshared: unshared.id,
        task: task.id,
        hiddenTask: hiddenTask.id,
      });
    }, noFeedPoll);
    (t.db.orm.em as SqlEntityManager)
      .getConnection()
      .getKnex()
      .on('query', (query: { sql: string }) => statements.push(query.sql));
  });
  afterAll(() => t?.close());

  const run = (token: string, query: string, first?: number, after?: string) =>
    t.gql<{ search: Found }>(searchQuery, { query, first, after }, token);
  const found = async (token: string, query: string, first = 50): Promise<Found> => {
    const response = await run(token, query, first);
    expect(response.errors).toBeUndefined();
    return response.data!.search;
  };
  const idsOf = (result: Found) => result.edges.map((edge) => edge.node.id);

  it('ignores diacritics on both sides: "to trinh" finds "Tờ trình", đ is d', async () => {
    const result = await found(tokens.member, 'to trinh');
    expect(idsOf(result)).toContain(ids.toTrinh);
    expect(idsOf(result)).toContain(ids.item);
    expect(idsOf(result)).toContain(ids.comment);
    expect(idsOf(result)).toContain(ids.task);
    const hit = result.edges.find((edge) => edge.node.id === ids.toTrinh)!.node;
    expect(hit.kind).toBe('PROPOSAL');
    expect(hit.title).toBe('Tờ trình về công tác cán bộ năm 2027');
    expect(hit.proposal?.id).toBe(ids.toTrinh);

    // Written with its marks, the query finds the same.
    expect(idsOf(await found(tokens.member, 'Tờ Trình')).sort()).toEqual(idsOf(result).sort());

    const dang = await found(tokens.member, 'xay dung dang bo');
    expect(idsOf(dang)).toEqual([ids.dang]);
    const withD = await found(tokens.member, 'Đảng');
    expect(idsOf(withD)).toContain(ids.dang);
    // "Điều lệ Đảng" is in the body of the first proposal.
    expect(idsOf(await found(tokens.member, 'dieu le'))).toEqual([ids.toTrinh]);
  });

  it('"thuc hien nghi quyet 26": the title, then the phrase in a text, then the words apart', async () => {
    const result = await found(tokens.member, 'thuc hien nghi quyet 26');
    expect(idsOf(result)).toEqual([ids.titled, ids.nq26, ids.scattered]);
    const [title, body, apart] = result.edges.map((edge) => edge.node);
    expect(title!.rank).toBeGreaterThan(body!.rank);
    expect(body!.rank).toBeGreaterThan(apart!.rank);
    // The snippet is cut around the match in the body, in its own letters.
    expect(body!.snippet).toContain('thực hiện Nghị quyết 26');
    expect(body!.snippet!.length).toBeLessThan(200);
  });

  it('links an agenda item to its meeting and a comment to its proposal, with counts per kind', async () => {
    const result = await found(tokens.member, 'to trinh');
    const byId = new Map(result.edges.map((edge) => [edge.node.id, edge.node]));
    expect(byId.get(ids.item)).toMatchObject({
      kind: 'AGENDA_ITEM',
      meeting: { id: ids.meeting },
      agendaItem: { id: ids.item },
    });
    expect(byId.get(ids.comment)).toMatchObject({
      kind: 'COMMENT',
      proposal: { id: ids.toTrinh },
      comment: { id: ids.comment },
    });
    expect(byId.get(ids.task)).toMatchObject({
      kind: 'TASK',
      task: { id: ids.task },
      meeting: null,
      proposal: null,
    });
    const counts = Object.fromEntries(result.counts.map((c) => [c.kind, c.count]));
    const seen = result.edges.reduce<Record<string, number>>((acc, edge) => {
      acc[edge.node.kind] = (acc[edge.node.kind] ?? 0) + 1;
      return acc;
    }, {});
    expect(counts).toEqual(seen);
    expect(result.totalCount).toBe(result.edges.length);
  });

  it('pages through the results without gaps or repeats, keeping the counts', async () => {
    const all = await found(tokens.member, 'ke hoach kiem tra');
    expect(all.totalCount).toBe(7);
    const pages: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 4; i++) {
      const response = await run(tokens.member, 'ke hoach kiem tra', 3, after);
      expect(response.errors).toBeUndefined();
      const page = response.data!.search;
      expect(page.totalCount).toBe(7);
      expect(page.counts).toEqual([{ kind: 'PROPOSAL', count: 7 }]);
      pages.push(...idsOf(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(pages).toEqual(idsOf(all));
    expect(new Set(pages).size).toBe(7);
  });

  it('never finds, nor counts, what the viewer may not read', async () => {
    const hidden = [ids.confidential, ids.secret, ids.secretItem, ids.hiddenComment, ids.hiddenTask];
    const outsider = await found(tokens.outsider, 'to trinh');
    for (const id of [...hidden, ids.restricted]) expect(idsOf(outsider)).not.toContain(id);
    expect(idsOf(outsider)).toContain(ids.toTrinh);
    expect(outsider.totalCount).toBe(outsider.edges.length);
    // Nothing at all when only hidden things match.
    const secret = await found(tokens.outsider, 'quy hoach');
    expect(secret).toMatchObject({ edges: [], totalCount: 0, counts: [] });

    // The lead unit reads the restricted proposal; the office reads what is not confidential.
    expect(idsOf(await found(tokens.member, 'han che'))).toEqual([ids.restricted]);
    const office = await found(tokens.office, 'to trinh');
    expect(idsOf(office)).toContain(ids.restricted);
    for (const id of hidden) expect(idsOf(office)).not.toContain(id);

    // An unshared round's comment: its unit, the drafters and the office read it; another member does not.
    for (const who of ['outsider', 'member', 'office'] as const)
      expect(idsOf(await found(tokens[who], 'kinh phi'))).toEqual([ids.unshared]);
    expect(await found(tokens.stranger, 'kinh phi')).toMatchObject({ edges: [], totalCount: 0, counts: [] });

    // Named on its access list, one reads the confidential proposal and its comments.
    const named = await found(tokens.named, 'quy hoach');
    expect(idsOf(named)).toEqual([ids.confidential]);
    expect(idsOf(await found(tokens.named, 'gop y mat'))).toEqual([ids.hiddenComment]);
  });

  it('records the read of a CONFIDENTIAL object found, as reading it does, once per search', async () => {
    const reads = async (id: string) =>
      Number(
        (
          await t.db.orm.em
            .getConnection()
            .execute<
              { n: string }[]
            >(`select count(*) as n from event where type = 'proposal.read' and subject_id = ?`, [id])
        )[0]!.n,
      );
    const before = await reads(ids.confidential!);
    // Found through its title and through its comment's text, with no field of the proposal asked.
    const response = await t.gql<{ search: Found }>(
      `query { search(query: "mat") { edges { node { kind id title snippet } } } }`,
      {},
      tokens.named,
    );
    expect(response.errors).toBeUndefined();
    const hits = response.data!.search.edges.map((edge) => edge.node.id);
    expect(hits).toEqual(expect.arrayContaining([ids.confidential, ids.hiddenComment]));
    expect(await reads(ids.confidential!)).toBe(before + 1);
    // Searching what is not confidential records nothing.
    await found(tokens.named, 'ke hoach kiem tra');
    expect(await reads(ids.confidential!)).toBe(before + 1);
  });

  it('answers in one statement', async () => {
    await found(tokens.member, 'to trinh'); // the session's sliding expiry may write once
    statements.length = 0;
    const response = await t.gql<{ search: Found }>(
      `query { search(query: "to trinh") { edges { node { kind id title snippet rank } } totalCount counts { kind count } } }`,
      {},
      tokens.member,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.search.totalCount).toBeGreaterThan(3);
    const searches = statements.filter((sql) => /search_text/.test(sql));
    expect(searches).toHaveLength(1);
  });

  it('refuses bad input with a coded error naming the field', async () => {
    const code = (response: GraphQLResponse<unknown>) => [
      response.errors?.[0]?.extensions?.code,
      response.errors?.[0]?.extensions?.field,
    ];
    expect(code(await run(tokens.member, '   '))).toEqual(['BAD_USER_INPUT', 'query']);
    expect(code(await run(tokens.member, 'a'.repeat(201)))).toEqual(['BAD_USER_INPUT', 'query']);
    expect(code(await run(tokens.member, 'to trinh', 0))).toEqual(['BAD_USER_INPUT', 'first']);
    expect(code(await run(tokens.member, 'to trinh', 51))).toEqual(['BAD_USER_INPUT', 'first']);
    expect(code(await run(tokens.member, 'to trinh', 5, 'not-a-cursor'))).toEqual([
      'BAD_USER_INPUT',
      'after',
    ]);
    expect(code(await run(tokens.member, 'to\u0000trinh'))).toEqual(['BAD_USER_INPUT', 'query']);
    // Punctuation only, or LIKE's wildcards: no error, no match of everything.
    expect((await found(tokens.member, '%_%')).totalCount).toBe(0);
    expect((await run('', 'to trinh')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
