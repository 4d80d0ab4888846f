// Throughput of `search` (issue 13) over ten times the demo data: the demo seed, then its meetings, agenda
// items, participants, proposals, appraisals, comments and tasks (with their access lists) copied nine times
// under new ids. Measured as bench/lists.ts measures the lists: Quorum's real server and a bare `node:http` +
// `pg` handler issuing equivalent SQL by hand (authentication and the viewer's facts, then one statement for
// the matches with their ranks, counts and the page's texts, then the linked meetings' and proposals'
// titles) serve one PostgreSQL database in the same process, answer identical JSON (checked first, for the
// office clerk who is measured and for a department member whose view the read rules narrow), and take
// requests in alternating rounds. Quorum's SQL statements per search are counted on its connection. Local
// only, bounded, no assertion on time.
//
//   pnpm --filter @quorum/test bench:search
//   QUERIES="to trinh" REQUESTS=200 pnpm --filter @quorum/test bench:search      # a quick run
//
// Options (environment): QUERIES (`to trinh`,`thuc hien nghi quyet`), COPIES (10), FIRST (20), REQUESTS (300
// per query), CONCURRENCY (8), ROUNDS (10), WARMUP (40), MAX_SECONDS (600 per query).
import {
  alternate,
  bareReadable,
  byId,
  columnValues,
  createSession,
  envNumber,
  throughputCells,
  throughputFigure,
  loadOptionsFromEnv,
  operation,
  Params,
  reportResult,
  sameAnswer,
  startBareServer,
  startQuorum,
  withBenchStack,
  type BareRequest,
  type BenchFigure,
  type BenchStack,
  type Row,
  type Served,
} from './support.js';

const queries = (process.env.QUERIES?.split(',') ?? ['to trinh', 'thuc hien nghi quyet'])
  .map((query) => query.trim())
  .filter(Boolean);
const copies = envNumber('COPIES', 10);
const first = envNumber('FIRST', 20);
const requests = envNumber('REQUESTS', 300);
const load = loadOptionsFromEnv();

const searchText = `query Search($query: String!, $first: Int, $after: String) {
  search(query: $query, first: $first, after: $after) {
    edges { cursor node {
      kind id title snippet rank updatedAt
      meeting { id title }
      proposal { id title }
    } }
    pageInfo { hasNextPage endCursor }
    totalCount
    counts { kind count }
  }
}`;

// --- The data -------------------------------------------------------------------------------------------------

/** The tables copied, parents first; each copy's ids are `md5(id || copy)` (so references follow). */
const copied = [
  'meeting',
  'participant',
  'meeting_access',
  'proposal',
  'proposal_access',
  'agenda_item',
  'appraisal',
  'appraisal_assignment',
  'appraisal_comment',
  'task',
  'task_access',
  'task_coordinating_units',
];

/** The demo data, then `copies - 1` copies of what search reads; the sessions of the two measured people. */
async function seed(stack: BenchStack): Promise<{ clerk: string; member: string }> {
  const [{ seedIfEmpty }, { Session, User }] = await Promise.all([
    import('../../server/src/seeders/seed.js'),
    import('../../server/src/entities/index.js'),
  ]);
  await seedIfEmpty(stack.db.orm, 'bench-demo-password');
  const all = async (sql: string, params: unknown[] = []) =>
    (await stack.pool.query(sql, params)).rows as Row[];
  // Which columns hold ids of copied rows (their own and their references), which are generated.
  const columns = await all(
    `select c.table_name, c.column_name, c.is_generated = 'ALWAYS' as generated,
            (c.column_name = 'id' or exists (
              select 1 from information_schema.key_column_usage k
              join information_schema.referential_constraints r on r.constraint_name = k.constraint_name
              join information_schema.key_column_usage t on t.constraint_name = r.unique_constraint_name
              where k.table_name = c.table_name and k.column_name = c.column_name and t.table_name = any($1)
            )) as mapped
     from information_schema.columns c where c.table_schema = 'public' and c.table_name = any($1)
     order by c.table_name, c.ordinal_position`,
    [copied],
  );
  // The demo's own rows, kept aside on one connection, are what each copy is made from.
  const client = await stack.pool.connect();
  try {
    for (const table of copied)
      await client.query(`create temp table "demo_${table}" as select * from "${table}"`);
    for (let copy = 1; copy < copies; copy++) {
      for (const table of copied) {
        const own = columns.filter((c) => c.table_name === table && !c.generated);
        const names = own.map((c) => `"${c.column_name as string}"`).join(', ');
        const values = own
          .map((c) =>
            c.mapped
              ? `case when "${c.column_name as string}" is null then null else md5("${c.column_name as string}"::text || '${copy}')::uuid end`
              : `"${c.column_name as string}"`,
          )
          .join(', ');
        await client.query(`insert into "${table}" (${names}) select ${values} from "demo_${table}"`);
      }
    }
  } finally {
    client.release();
  }
  await all('analyze');
  const em = stack.db.orm.em.fork();
  const session = async (email: string) => {
    const user = await em.findOneOrFail(User, { email });
    return createSession(em, Session, user);
  };
  // The office clerk (measured) and a department's drafter (checked: the read rules narrow her view).
  const tokens = { clerk: await session('office@quorum.test'), member: await session('tochuc@quorum.test') };
  await em.flush();
  const counts = await all(
    `select (select count(*) from meeting) as meetings, (select count(*) from agenda_item) as items,
            (select count(*) from proposal) as proposals, (select count(*) from appraisal_comment) as comments,
            (select count(*) from task) as tasks`,
  );
  console.error(`  … ${copies}× the demo data: ${JSON.stringify(counts[0])}`);
  return tokens;
}

// --- The baseline: equivalent SQL, the same JSON --------------------------------------------------------------

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : null);

/** The bare handler, written as one would by hand: the same folding, matching, ranking and counting. */
async function bareHandlers() {
  const { snippetOf, queryWords } = await import('../../server/src/read/search.js');
  const cursor = (offset: number) => Buffer.from(`search:${offset}`).toString('base64url');
  const tier = `case when s.search_title = terms.p then 4 when s.search_title like terms.p || '%' then 3
    when s.search_title like '%' || terms.p || '%' then 2
    when to_tsvector('simple'::regconfig, s.search_title) @@ terms.q then 1
    when s.search_text @@ terms.adjacent then 0.5 else 0 end`;
  const rank = (t: string) =>
    `(${t})::float8 + 0.4 * coalesce(ts_rank(s.search_text, terms.q, 32), 0)::float8 as rank`;
  const titled = `(s.search_text @@ terms.q or s.search_title like '%' || terms.p || '%')`;
  return {
    async Search({ variables, viewer, all }: BareRequest) {
      const query = String(variables.query).trim().replace(/\s+/g, ' ');
      const words = queryWords(query);
      const tsquery = (operator: string) =>
        words.length
          ? words.map((word, i) => `'${word}'${i === words.length - 1 ? ':*' : ''}`).join(operator)
          : null;
      const params = new Params();
      const q = params.add(tsquery(' & '));
      const adjacent = params.add(tsquery(' <-> '));
      const p = params.add(query.replace(/[\\%_]/g, (c) => `\\${c}`));
      const units = () => params.add(viewer.unitIds);
      const comments = viewer.isOfficeStaff
        ? 'true'
        : `(a.shared_comments or pr.owner_id = ${params.add(viewer.userId)} or pr.lead_unit_id = any(${units()}) or s.unit_id = any(${units()}))`;
      const rows = await all(
        `with terms as (
          select to_tsquery('simple'::regconfig, immutable_unaccent(lower(${q}::text))) as q,
                 to_tsquery('simple'::regconfig, immutable_unaccent(lower(${adjacent}::text))) as adjacent,
                 immutable_unaccent(lower(${p}::text)) as p
        ), hits as (
          select 'MEETING'::text as kind, s.id, s.title, s.updated_at, s.id as meeting_id, null::uuid as proposal_id, ${rank(tier)}
          from meeting s, terms where ${bareReadable.meeting(viewer, 's', params)} and not s.is_template and ${titled}
          union all
          select 'AGENDA_ITEM', s.id, s.title, s.updated_at, s.meeting_id, null::uuid, ${rank(tier)}
          from agenda_item s join meeting m on m.id = s.meeting_id, terms
          where ${bareReadable.meeting(viewer, 'm', params)} and not m.is_template and ${titled}
          union all
          select 'PROPOSAL', s.id, s.title, s.updated_at, null::uuid, s.id, ${rank(tier)}
          from proposal s, terms where ${bareReadable.proposal(viewer, 's', params)} and ${titled}
          union all
          select 'COMMENT', s.id, left(s.body, 200), s.updated_at, null::uuid, a.proposal_id, ${rank('case when s.search_text @@ terms.adjacent then 0.5 else 0 end')}
          from appraisal_comment s join appraisal a on a.id = s.appraisal_id join proposal pr on pr.id = a.proposal_id, terms
          where ${bareReadable.proposal(viewer, 'pr', params)} and ${comments} and s.search_text @@ terms.q
          union all
          select 'TASK', s.id, s.title, s.updated_at, null::uuid, null::uuid, ${rank(tier)}
          from task s, terms where ${bareReadable.task(viewer, 's', params)} and ${titled}
        ), page as (
          select * from hits order by rank desc, updated_at desc, kind, id limit ${first + 1}
        ), counts as (
          select coalesce(json_object_agg(kind, n), '{}'::json) as counts from (select kind, count(*) as n from hits group by kind) k
        )
        select counts.counts, page.*, case page.kind
          when 'MEETING' then (select coalesce(t.location, '') from meeting t where t.id = page.id)
          when 'AGENDA_ITEM' then (select coalesce(t.description, '') from agenda_item t where t.id = page.id)
          when 'PROPOSAL' then (select concat_ws(E'\\n', t.summary, t.body_text) from proposal t where t.id = page.id)
          when 'COMMENT' then (select t.body from appraisal_comment t where t.id = page.id)
          when 'TASK' then (select coalesce(t.description, '') from task t where t.id = page.id) end as text
        from counts left join page on true
        order by page.rank desc, page.updated_at desc, page.kind, page.id`,
        params.values,
      );
      const found = rows.filter((row) => row.id !== null);
      const shown = found.slice(0, first);
      const [meetings, proposals] = await Promise.all([
        all('select id, title from meeting where id = any($1)', [columnValues(shown, 'meeting_id')]),
        all('select id, title from proposal where id = any($1)', [columnValues(shown, 'proposal_id')]),
      ]);
      const [meetingById, proposalById] = [byId(meetings), byId(proposals)];
      const counted = (rows[0]?.counts ?? {}) as Record<string, number>;
      const order = ['MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'COMMENT', 'TASK'];
      const counts = order
        .filter((kind) => counted[kind])
        .map((kind) => ({ kind, count: Number(counted[kind]) }));
      const edges = shown.map((row, i) => {
        const meeting = meetingById.get(row.meeting_id as string);
        const proposal = proposalById.get(row.proposal_id as string);
        return {
          cursor: cursor(i),
          node: {
            kind: row.kind,
            id: row.id,
            title: row.title,
            snippet:
              row.kind === 'COMMENT' &&
              ((row.text as string | null) ?? '').length <= (row.title as string).length
                ? null
                : snippetOf((row.text as string | null) ?? '', query, words),
            rank: Number(row.rank),
            updatedAt: iso(row.updated_at),
            meeting: meeting ? { id: meeting.id, title: meeting.title } : null,
            proposal: proposal ? { id: proposal.id, title: proposal.title } : null,
          },
        };
      });
      return {
        search: {
          edges,
          pageInfo: { hasNextPage: found.length > first, endCursor: edges.at(-1)?.cursor ?? null },
          totalCount: counts.reduce((sum, c) => sum + c.count, 0),
          counts,
        },
      };
    },
  };
}

// --- Main ------------------------------------------------------------------------------------------------------

/** What of MikroORM's PostgreSQL connection counting needs: its knex, which emits each statement. */
interface KnexOwner {
  getConnection(): { getKnex(): { on(event: 'query', listener: (query: { sql: string }) => void): void } };
}

await withBenchStack('quorum_search', async (stack) => {
  const tokens = await seed(stack);
  // Every statement Quorum's server sends, to count those of one search.
  const statements: string[] = [];
  (stack.db.orm.em as unknown as KnexOwner)
    .getConnection()
    .getKnex()
    .on('query', (query) => statements.push(query.sql));
  let quorum: Served | undefined;
  let baseline: Served | undefined;
  try {
    quorum = await startQuorum(stack);
    baseline = await startBareServer(stack.pool, await bareHandlers());
    const servers = { quorum: quorum.url, baseline: baseline.url };
    const figures: BenchFigure[] = [];
    const lines: string[] = [];
    for (const query of queries) {
      const request = (token: string) => operation(token, 'Search', searchText, { query, first });
      const memberView = await sameAnswer<{ data: { search: { totalCount: number } } }>(
        servers,
        request(tokens.member),
      );
      const answer = await sameAnswer<{ data: { search: { totalCount: number; edges: unknown[] } } }>(
        servers,
        request(tokens.clerk),
      );
      // One more, counted: the viewer's facts are cached by then, as for any request after the first.
      statements.length = 0;
      await sameAnswer(servers, request(tokens.clerk));
      const counted = statements.length;
      const { totalCount, edges } = answer.data.search;
      console.error(
        `  … search("${query}"): both answer the same JSON (the clerk ${edges.length} of ${totalCount}, ${JSON.stringify(answer).length} bytes; the department member ${memberView.data.search.totalCount}); Quorum's SQL statements per search: ${counted}`,
      );
      const rps = await alternate(servers, request(tokens.clerk), { ...load, requests });
      lines.push(
        `| search("${query}", first: ${first}) | ${totalCount} | ${counted} | ${throughputCells(rps)} |`,
      );
      figures.push(
        throughputFigure(`search("${query}", first: ${first}) over ${copies}× the demo data`, rps, {
          details: { matches: totalCount, statements: counted, bytes: JSON.stringify(answer).length },
        }),
      );
    }
    console.log(
      [
        `Search over ${copies}× the demo data, a page of ${first}, concurrency ${load.concurrency}, alternating rounds, PostgreSQL ${stack.database.host}`,
        'Quorum: Express + Apollo + type-graphql + MikroORM; bare: node:http + pg, equivalent SQL, identical JSON',
        '| query | matches | Quorum SQL statements | requests each | Quorum req/s | Quorum ms | bare req/s | bare ms | ratio Quorum ÷ bare |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...lines,
      ].join('\n'),
    );
    reportResult({ bench: 'search', figures, settings: { queries, copies, first, requests, ...load } });
  } finally {
    await baseline?.stop();
    await quorum?.stop();
  }
});
