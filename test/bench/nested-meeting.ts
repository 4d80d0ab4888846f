// Throughput of the nested meeting query (meeting → agenda → proposals → appraisals → comments → authors)
// through Quorum's real server, side by side with a bare `node:http` + `pg` handler that runs equivalent SQL
// (the same statements: authentication, the viewer's facts, then one query per table) and answers the same
// JSON. Both serve the same seeded PostgreSQL database in the same process; requests alternate between them
// in rounds, so the noise of the machine hits both. One meeting per agenda size (50 and 200 items by
// default, the sizes issue 9 holds to ≥ 0.5× the bare handler). Local only, bounded, no assertion on time.
//
//   pnpm --filter @quorum/test bench:nested
//   AGENDA_ITEMS=50 REQUESTS=200 pnpm --filter @quorum/test bench:nested      # a quick run
//
// Options (environment): AGENDA_ITEMS (50,200), REQUESTS (per size: 500,200), CONCURRENCY (8), ROUNDS (10),
// WARMUP (40 requests to each server first), MAX_SECONDS (600: the timed rounds of one size stop after the
// next pair of rounds once they have taken this long).
import {
  alternate,
  byId,
  bareReadable,
  columnValues,
  envNumbers,
  throughputCells,
  throughputFigure,
  loadOptionsFromEnv,
  operation,
  Params,
  reportResult,
  sameAnswer,
  seedDirectory,
  startBareServer,
  startQuorum,
  withBenchStack,
  type BareRequest,
  type EntityManager,
  type BenchFigure,
  type Row,
  type Served,
} from './support.js';

const agendaSizes = envNumbers('AGENDA_ITEMS', [50, 200]).filter((n) => n > 0);
const requestCounts = envNumbers(
  'REQUESTS',
  agendaSizes.map((n) => (n <= 50 ? 500 : 200)),
);
const load = loadOptionsFromEnv();

const query = `query Nested($id: ID!) {
  meeting(id: $id) {
    id title status
    agenda {
      id number depth title totalDurationMinutes
      presenterUser { fullName } presenterUnit { name }
      proposal {
        id title status
        appraisals { edges { node { id status comments { edges { node { id body author { fullName } } } } } } }
      }
    }
  }
}`;

// --- The data: one meeting per agenda size --------------------------------------------------------------------

/** A meeting of `size` items (headings of four sub-items), each with a proposal, an appraisal round and three
 * comments by seven rotating authors; the viewer is a clerk of the office. */
async function seed(em: EntityManager) {
  const [enums, { AgendaItem, Appraisal, AppraisalComment, Meeting, Proposal }] = await Promise.all([
    import('../../server/src/entities/enums.js'),
    import('../../server/src/entities/index.js'),
  ]);
  const directory = await seedDirectory(em);
  const { organization, office } = directory;
  const [committee] = directory.committees;
  const [department] = directory.departments;
  const clerk = directory.user('Chuyên viên Văn phòng', office);
  const authors = Array.from({ length: 7 }, (_, i) => directory.user(`Chuyên viên ${i + 1}`, department!));
  const token = directory.session(clerk);
  let comment = 0;
  const meetingOf = (size: number) => {
    const meeting = em.create(Meeting, {
      organization,
      committee: committee!,
      title: `Hội nghị Ban Thường vụ (${size} mục)`,
      kind: enums.MeetingKind.REGULAR,
      status: enums.MeetingStatus.SCHEDULED,
      startsAt: new Date('2026-12-01T01:00:00Z'),
    });
    const item = (title: string, position: string, parent?: InstanceType<typeof AgendaItem>) => {
      const proposal = em.create(Proposal, {
        organization,
        title: `Đề án: ${title}`,
        kind: enums.ProposalKind.PROPOSAL,
        leadUnit: department!,
        owner: authors[0]!,
        status: enums.ProposalStatus.IN_APPRAISAL,
      });
      const appraisal = em.create(Appraisal, {
        proposal,
        requestedBy: clerk,
        dueAt: new Date('2026-11-30T10:00:00Z'),
        status: enums.AppraisalStatus.OPEN,
      });
      for (let i = 0; i < 3; i++) {
        em.create(AppraisalComment, {
          appraisal,
          author: authors[comment++ % authors.length]!,
          unit: department!,
          body: `Góp ý ${comment}`,
        });
      }
      return em.create(AgendaItem, {
        meeting,
        ...(parent ? { parent } : {}),
        position,
        title,
        durationMinutes: 15,
        presenterUser: authors[1]!,
        presenterUnit: department!,
        proposal,
      });
    };
    // Fractional keys of the integer part ("a0", "a1", …) are plain sortable strings: enough for a fixed agenda.
    const key = (index: number) => `a${String(index).padStart(4, '0')}`;
    const headings = Math.ceil(size / 5);
    for (let h = 0; h < headings; h++) {
      const heading = item(`Phần ${h + 1}`, key(h));
      for (let c = 0; c < 4; c++) item(`Mục ${h + 1}.${c + 1}`, key(c), heading);
    }
    return meeting;
  };
  const meetings = agendaSizes.map((size) => ({ size, meeting: meetingOf(size) }));
  await em.flush();
  return { token, meetings: meetings.map(({ size, meeting }) => ({ size, id: meeting.id })) };
}

// --- The baseline: the same statements, the same JSON ---------------------------------------------------------

async function nestedMeeting({ variables, viewer, all }: BareRequest): Promise<unknown> {
  const params = new Params();
  const where = `m.id = ${params.add(variables.id)} and ${bareReadable.meeting(viewer, 'm', params)}`;
  const [meeting] = await all(`select * from meeting m where ${where} limit 1`, params.values);
  if (!meeting) return { meeting: null };
  const items = await all('select * from agenda_item where meeting_id = $1 order by position, id', [
    meeting.id,
  ]);
  const [presenters, units, proposals] = await Promise.all([
    all('select id, full_name from "user" where id = any($1)', [columnValues(items, 'presenter_user_id')]),
    all('select id, name from unit where id = any($1)', [columnValues(items, 'presenter_unit_id')]),
    all('select id, title, status, classification from proposal where id = any($1)', [
      columnValues(items, 'proposal_id'),
    ]),
  ]);
  const appraisals = await all(
    'select * from appraisal where proposal_id = any($1) order by created_at, id',
    [columnValues(proposals, 'id')],
  );
  const comments = await all(
    'select * from appraisal_comment where appraisal_id = any($1) order by created_at, id',
    [columnValues(appraisals, 'id')],
  );
  const authors = await all('select id, full_name from "user" where id = any($1)', [
    columnValues(comments, 'author_id'),
  ]);

  const [userById, unitById, proposalById, authorById] = [
    byId(presenters),
    byId(units),
    byId(proposals),
    byId(authors),
  ];
  const children = new Map<string | null, Row[]>();
  for (const item of items) {
    const parent = (item.parent_id as string | null) ?? null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const agenda: unknown[] = [];
  const walk = (parent: string | null, prefix: string, depth: number): number => {
    let sum = 0;
    (children.get(parent) ?? []).forEach((item, index) => {
      const number = `${prefix}${index + 1}`;
      const entry: Record<string, unknown> = { id: item.id, number, depth, title: item.title };
      agenda.push(entry);
      const total =
        ((item.duration_minutes as number | null) ?? 0) + walk(item.id as string, `${number}.`, depth + 1);
      const presenter = userById.get(item.presenter_user_id as string);
      const unit = unitById.get(item.presenter_unit_id as string);
      const proposal = proposalById.get(item.proposal_id as string);
      Object.assign(entry, {
        totalDurationMinutes: total,
        presenterUser: presenter ? { fullName: presenter.full_name } : null,
        presenterUnit: unit ? { name: unit.name } : null,
        proposal: proposal
          ? {
              id: proposal.id,
              title: proposal.title,
              status: proposal.status,
              appraisals: {
                edges: appraisals
                  .filter((a) => a.proposal_id === proposal.id)
                  .slice(0, 20)
                  .map((a) => ({
                    node: {
                      id: a.id,
                      status: a.status,
                      comments: {
                        edges: comments
                          .filter((c) => c.appraisal_id === a.id)
                          .slice(0, 20)
                          .map((c) => ({
                            node: {
                              id: c.id,
                              body: c.body,
                              author: { fullName: authorById.get(c.author_id as string)?.full_name },
                            },
                          })),
                      },
                    },
                  })),
              },
            }
          : null,
      });
      sum += total;
    });
    return sum;
  };
  walk(null, '', 0);
  return { meeting: { id: meeting.id, title: meeting.title, status: meeting.status, agenda } };
}

// --- Main ------------------------------------------------------------------------------------------------------

await withBenchStack('quorum_bench', async (stack) => {
  const { token, meetings } = await seed(stack.db.orm.em.fork());
  let quorum: Served | undefined;
  let baseline: Served | undefined;
  try {
    quorum = await startQuorum(stack);
    baseline = await startBareServer(stack.pool, { Nested: nestedMeeting });
    const targets = { quorum: quorum.url, baseline: baseline.url };
    const figures: BenchFigure[] = [];
    const lines: string[] = [];
    for (const [index, { size, id }] of meetings.entries()) {
      const request = operation(token, 'Nested', query, { id });
      const answer = await sameAnswer<{ data: { meeting: { agenda: unknown[] } } }>(targets, request);
      console.error(
        `  … ${size} items: both answer the same JSON (${answer.data.meeting.agenda.length} agenda items, ${JSON.stringify(answer).length} bytes)`,
      );
      const rps = await alternate(targets, request, { ...load, requests: requestCounts[index] ?? 200 });
      lines.push(`| ${size} | ${throughputCells(rps)} |`);
      figures.push(
        throughputFigure(`nested meeting query, ${size} agenda items`, rps, {
          target: { of: 'ratio', op: '>=', value: 0.5, text: '≥ 0.5× bare' },
        }),
      );
    }
    console.log(
      [
        `Nested meeting query, concurrency ${load.concurrency}, alternating rounds, PostgreSQL ${stack.database.host}`,
        'Quorum: Express + Apollo + type-graphql + MikroORM; bare: node:http + pg, equivalent SQL, identical JSON',
        '| agenda items | requests each | Quorum req/s | Quorum ms | bare req/s | bare ms | ratio Quorum ÷ bare |',
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...lines,
      ].join('\n'),
    );
    reportResult({ bench: 'nested', figures, settings: { agendaSizes, requestCounts, ...load } });
  } finally {
    await baseline?.stop();
    await quorum?.stop();
  }
});
