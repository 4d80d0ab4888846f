import { raw, type EntityClass, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import type { Classification } from '../entities/enums.js';
import { AgendaItem, AppraisalComment, Meeting, Proposal, Task } from '../entities/index.js';
import { BadInputError } from '../errors.js';
import { appraisalPolicy } from '../policies/appraisal.policy.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { taskPolicy } from '../policies/task.policy.js';

// One search over meetings, agenda items, proposals (their text included), appraisal comments and tasks, in
// one statement: each kind's matches through its policy's `readable` filter (the ORM's query builder writes
// its joins), ranked and counted together. The database folds both sides (`immutable_unaccent(lower(…))`,
// the generated `search_title` and `search_text` columns of Migration20261128000000), so "to trinh" finds
// "Tờ trình" on PostgreSQL and PGlite alike.

export enum SearchKind {
  MEETING = 'MEETING',
  AGENDA_ITEM = 'AGENDA_ITEM',
  PROPOSAL = 'PROPOSAL',
  COMMENT = 'COMMENT',
  TASK = 'TASK',
}

export const searchLimits = { queryMax: 200, pageSizeDefault: 20, pageSizeMax: 50 } as const;

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string | null;
  rank: number;
  updatedAt: Date;
  /** The meeting it links to: itself, or an agenda item's meeting. */
  meetingId: string | null;
  /** The proposal it links to: itself, or a comment's proposal. */
  proposalId: string | null;
  /**
   * The classification of what it reads: itself, or the meeting of an agenda item, the proposal of a comment
   * (a CONFIDENTIAL one's read is audited).
   */
  classification: Classification;
  cursor: string;
}

export interface SearchPage {
  hits: SearchHit[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
  counts: { kind: SearchKind; count: number }[];
}

/** What one kind contributes to the search: its table's filter, and which columns say what. */
interface Source<T extends object> {
  kind: SearchKind;
  entity: EntityClass<T>;
  where: (viewer: Viewer) => FilterQuery<T>;
  /** SQL over the alias `s` (the searched row). */
  title: string;
  /** The text a snippet is cut from. */
  text: string;
  hasTitle: boolean;
  meetingId: string;
  proposalId: string;
}

const sources = [
  {
    kind: SearchKind.MEETING,
    entity: Meeting,
    // Templates are kept only to be copied; `meetings` leaves them out too.
    where: (viewer: Viewer) => ({ $and: [meetingPolicy.readable(viewer), { isTemplate: false }] }),
    title: 's.title',
    text: `coalesce(s.location, '')`,
    hasTitle: true,
    meetingId: 's.id',
    proposalId: 'null::uuid',
  } satisfies Source<Meeting>,
  {
    kind: SearchKind.AGENDA_ITEM,
    entity: AgendaItem,
    // An item is read with its meeting.
    where: (viewer: Viewer) => ({
      meeting: { $and: [meetingPolicy.readable(viewer), { isTemplate: false }] },
    }),
    title: 's.title',
    text: `coalesce(s.description, '')`,
    hasTitle: true,
    meetingId: 's.meeting_id',
    proposalId: 'null::uuid',
  } satisfies Source<AgendaItem>,
  {
    kind: SearchKind.PROPOSAL,
    entity: Proposal,
    where: (viewer: Viewer) => proposalPolicy.readable(viewer),
    title: 's.title',
    text: `concat_ws(E'\\n', s.summary, s.body_text)`,
    hasTitle: true,
    meetingId: 'null::uuid',
    proposalId: 's.id',
  } satisfies Source<Proposal>,
  {
    kind: SearchKind.COMMENT,
    entity: AppraisalComment,
    // A comment is read with its proposal, and by `canReadComment`'s rule.
    where: (viewer: Viewer) => appraisalPolicy.readableComments(viewer),
    title: `left(s.body, 200)`,
    text: 's.body',
    hasTitle: false,
    meetingId: 'null::uuid',
    proposalId: '(select a.proposal_id from appraisal a where a.id = s.appraisal_id)',
  } satisfies Source<AppraisalComment>,
  {
    kind: SearchKind.TASK,
    entity: Task,
    where: (viewer: Viewer) => taskPolicy.readable(viewer),
    title: 's.title',
    text: `coalesce(s.description, '')`,
    hasTitle: true,
    meetingId: 'null::uuid',
    proposalId: 'null::uuid',
  } satisfies Source<Task>,
] as const;

/** The query's words (letters and digits), as the database's parser would cut the folded text. */
export function queryWords(query: string): string[] {
  return query.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** A checked query: trimmed, 1 to 200 characters. */
export function checkQuery(query: string): string {
  const trimmed = query.trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0) throw new BadInputError('query', 'The search query is empty');
  if (trimmed.length > searchLimits.queryMax)
    throw new BadInputError('query', `The search query is longer than ${searchLimits.queryMax} characters`);
  return trimmed;
}

export function searchPageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return searchLimits.pageSizeDefault;
  if (!Number.isInteger(first) || first < 1 || first > searchLimits.pageSizeMax)
    throw new BadInputError('first', `"first" must be between 1 and ${searchLimits.pageSizeMax}`);
  return first;
}

const cursorPrefix = 'search:';
const encodeCursor = (offset: number) => Buffer.from(`${cursorPrefix}${offset}`).toString('base64url');

/** The offset after a cursor of this search's pages; a cursor of anything else is BAD_USER_INPUT. */
export function decodeCursor(after: string | null | undefined): number {
  if (after === undefined || after === null) return 0;
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(after) ? Buffer.from(after, 'base64url').toString() : '';
  const match = /^search:(\d{1,7})$/.exec(text);
  if (!match) throw new BadInputError('after', 'The cursor "after" is not a cursor of this search');
  return Number(match[1]) + 1;
}

/** Letters folded as the database folds them (lower case, no diacritics, đ as d), one per letter. */
function fold(char: string): string {
  const base = char
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return base === 'đ' ? 'd' : base.length === 1 ? base : char.toLowerCase().slice(0, 1) || ' ';
}

/** Some 160 characters of `text` around the first place the phrase (else a word of the query) occurs. */
export function snippetOf(text: string, phrase: string, words: string[]): string | null {
  const source = text.trim();
  if (!source) return null;
  const folded = Array.from(source, fold);
  const haystack = folded.join('');
  const chars = Array.from(source);
  const wanted = [phrase, ...words].map((w) => Array.from(w, fold).join('')).filter(Boolean);
  let at = -1;
  for (const needle of wanted) {
    at = haystack.indexOf(needle);
    if (at >= 0) break;
  }
  const width = 160;
  if (at < 0) at = 0;
  let start = Math.max(0, at - 50);
  let end = Math.min(chars.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  // Cut at spaces, not through words.
  if (start > 0) {
    const space = chars.indexOf(' ', start);
    if (space >= 0 && space < at) start = space + 1;
  }
  if (end < chars.length) {
    const space = chars.lastIndexOf(' ', end);
    if (space > at) end = space;
  }
  const body = chars.slice(start, end).join('').replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < chars.length ? '…' : ''}`;
}

interface Raw {
  kind: SearchKind;
  id: string | null;
  title: string;
  text: string | null;
  rank: number | string;
  updated_at: Date | string;
  meeting_id: string | null;
  proposal_id: string | null;
  classification: Classification;
  counts: Record<string, number | string> | string;
}

/**
 * One page of what `viewer` may read that matches `query`, best first: the phrase as the whole title, at its
 * start, inside it, the words in the title, the phrase in the text, then its words anywhere in the text; within a tier by the text's
 * rank, then the most recently changed. Counts per kind are of the matches the viewer may read.
 */
export async function search(
  em: EntityManager,
  viewer: Viewer,
  input: { query: string; first?: number | null; after?: string | null },
): Promise<SearchPage> {
  const query = checkQuery(input.query);
  const first = searchPageSize(input.first);
  const offset = decodeCursor(input.after);
  const words = queryWords(query);
  // `'word' & 'word':*`: every word, the last one also as a prefix (the box searches as one types); and the
  // same words side by side, in order (`<->`): Vietnamese writes a word as syllables apart ("tờ trình"), so the
  // words of a phrase found anywhere in a long text say little, and the phrase ranks above them.
  const tsquery = (operator: string) =>
    words.length
      ? words.map((word, i) => `'${word}'${i === words.length - 1 ? ':*' : ''}`).join(operator)
      : null;
  const phrase = query.replace(/[\\%_]/g, (c) => `\\${c}`);
  const sqlEm = em as SqlEntityManager;

  const parts = sources.map((source) => {
    const src = source as unknown as Source<object>;
    const qb = sqlEm.createQueryBuilder(src.entity, 's') as QueryBuilder<object>;
    const matches = src.hasTitle
      ? `(s.search_text @@ (select q from terms) or s.search_title like '%' || (select p from terms) || '%')`
      : `s.search_text @@ (select q from terms)`;
    const tier = src.hasTitle
      ? `case when s.search_title = (select p from terms) then 4
              when s.search_title like (select p from terms) || '%' then 3
              when s.search_title like '%' || (select p from terms) || '%' then 2
              when to_tsvector('simple'::regconfig, s.search_title) @@ (select q from terms) then 1
              when s.search_text @@ (select adjacent from terms) then 0.5
              else 0 end`
      : `case when s.search_text @@ (select adjacent from terms) then 0.5 else 0 end`;
    qb.select([
      raw(`'${src.kind}'::text as kind`),
      's.id',
      raw(`${src.title} as title`),
      raw(`s.updated_at as updated_at`),
      raw(`${src.meetingId} as meeting_id`),
      raw(`${src.proposalId} as proposal_id`),
      raw(
        // ts_rank(…, 32) is below 1: within a tier, never past the next.
        `(${tier})::float8 + 0.4 * coalesce(ts_rank(s.search_text, (select q from terms), 32), 0)::float8 as rank`,
      ),
    ] as never)
      .where(src.where(viewer))
      .andWhere(matches);
    return { kind: src.kind, sql: qb.getKnexQuery().toSQL(), text: src.text };
  });
  // The text for snippets is read for the page's rows only (a proposal's body may be long).
  const texts = sources
    .map((source) => {
      const src = source as unknown as Source<object>;
      const table = sqlEm.getMetadata().get(src.entity.name).tableName;
      return `when '${src.kind}' then (select ${src.text} from "${table}" s where s.id = page.id)`;
    })
    .join(' ');
  // Counts come from the same matches: one statement whatever the page, and a row even when it is empty.
  const statement = `with terms as (
      select to_tsquery('simple'::regconfig, immutable_unaccent(lower(?::text))) as q,
             to_tsquery('simple'::regconfig, immutable_unaccent(lower(?::text))) as adjacent,
             immutable_unaccent(lower(?::text)) as p
    ), hits as (${parts.map((part) => `(${part.sql.sql})`).join(' union all ')}
    ), page as (
      select * from hits order by rank desc, updated_at desc, kind, id limit ? offset ?
    ), counts as (
      select coalesce(json_object_agg(kind, n), '{}'::json) as counts
      from (select kind, count(*) as n from hits group by kind) k
    )
    select counts.counts, page.*, case page.kind ${texts} end as text,
      case when page.meeting_id is not null then (select m.classification from meeting m where m.id = page.meeting_id)
           when page.proposal_id is not null then (select p.classification from proposal p where p.id = page.proposal_id)
           else (select t.classification from task t where t.id = page.id) end as classification
    from counts left join page on true
    order by page.rank desc, page.updated_at desc, page.kind, page.id`;
  const bindings = [
    tsquery(' & '),
    tsquery(' <-> '),
    phrase,
    ...parts.flatMap((part) => part.sql.bindings),
    first + 1,
    offset,
  ];
  const result: Raw[] = await em.getConnection().execute(statement, bindings);
  const rows = result.filter((row) => row.id !== null);
  const page = rows.slice(0, first);
  const countsCell = result[0]?.counts ?? {};
  const counted = (typeof countsCell === 'string' ? JSON.parse(countsCell) : countsCell) as Record<
    string,
    number | string
  >;
  const counts = new Map(Object.entries(counted).map(([kind, n]) => [kind as SearchKind, Number(n)]));
  const ordered = sources
    .map((s) => ({ kind: s.kind, count: counts.get(s.kind) ?? 0 }))
    .filter((c) => c.count > 0);
  return {
    hits: page.map((row, i) => ({
      kind: row.kind,
      id: row.id!,
      title: row.title,
      // A comment's title is its text, unless it is longer.
      snippet:
        row.kind === SearchKind.COMMENT && (row.text ?? '').length <= row.title.length
          ? null
          : snippetOf(row.text ?? '', query, words),
      rank: Number(row.rank),
      updatedAt: new Date(row.updated_at),
      meetingId: row.meeting_id,
      proposalId: row.proposal_id,
      classification: row.classification,
      cursor: encodeCursor(offset + i),
    })),
    hasNextPage: rows.length > first,
    hasPreviousPage: offset > 0,
    totalCount: ordered.reduce((sum, c) => sum + c.count, 0),
    counts: ordered,
  };
}
