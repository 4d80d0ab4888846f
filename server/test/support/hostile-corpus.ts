import { Lexer, Source, TokenKind } from 'graphql';
import { requestLimits } from '../../src/config/limits.js';
import type { QueryLimit } from '../../src/security/refusal.js';

/**
 * Hostile GraphQL documents, generated from the limits so that they stay just past them or far past them
 * when a limit changes. Used by server/test/hostile-queries.test.ts and test/bench/refuse-hostile.ts.
 *
 * Every document carries a write that would be seen in the database if any resolver ran: `createMeeting`
 * (a Meeting and its Event) or `login` with the right password (a Session). Each would succeed with the
 * corpus's variables if it were not refused.
 */

export const hostileCategories = [
  'deep-nesting',
  'alias-bomb',
  'directive-flood',
  'token-flood',
  'fragment-cycle',
  'oversized-body',
  'huge-first',
  'fragment-bomb',
] as const;

export type HostileCategory = (typeof hostileCategories)[number];

export type RefusedWith = 'GRAPHQL_VALIDATION_FAILED' | 'GRAPHQL_PARSE_FAILED' | 'PAYLOAD_TOO_LARGE';

export interface HostileDocument {
  category: HostileCategory;
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** The code of the (first) error that refuses it. */
  code: RefusedWith;
  /** For a refusal by a query limit: which one (`extensions.limit` of one of the errors). */
  limit?: QueryLimit;
}

/** What the corpus's writes need to succeed: a committee the caller may schedule for, and a login. */
export interface CorpusTargets {
  committeeId: string;
  email: string;
  password: string;
}

/** A document before the corpus's variables are merged into its own. */
type Draft = Omit<HostileDocument, 'variables'> & { variables?: Record<string, unknown> };

const l = requestLimits;
const repeat = (n: number, make: (i: number) => string, separator = ' ') =>
  Array.from({ length: n }, (_, i) => make(i + 1)).join(separator);

/** Tokens as the parser's limit counts them. */
export function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** The write every document carries, with variables that make it succeed if it ever runs. */
function variablesFor(targets: CorpusTargets) {
  return {
    input: {
      committeeId: targets.committeeId,
      title: 'Hostile corpus: this meeting must never be created',
      kind: 'REGULAR',
      startsAt: '2027-01-15T01:00:00Z',
    },
    login: { email: targets.email, password: targets.password },
  };
}

const createHeader = 'mutation Hostile($input: CreateMeetingInput!)';
const loginHeader = 'mutation Hostile($login: LoginInput!)';
const create = (selection: string, alias = '') => `${alias}createMeeting(input: $input) { ${selection} }`;
const createOp = (selection: string, extra = '') => `${createHeader} { ${create(selection)} ${extra} }`;

/** The same writes in an acceptable shape: the controls that show the corpus's writes are observable. */
export function benignOperations(targets: CorpusTargets) {
  const variables = variablesFor(targets);
  return {
    createMeeting: {
      query: createOp('meeting { id title committee { id name } agendaItems(first: 100) { totalCount } }'),
      variables: { input: { ...variables.input, title: 'Control: an accepted createMeeting' } },
    },
    login: {
      query: `${loginHeader} { login(input: $login) { token } }`,
      variables: { login: variables.login },
    },
  };
}

function deepNesting(): Draft[] {
  const docs: Draft[] = [];
  const base = { category: 'deep-nesting', code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' } as const;
  // createMeeting > meeting > committee > parent … > id
  for (const over of [1, 2, 5, 10, 20, 50, 100, 250]) {
    const levels = l.maxDepth - 3 + over;
    const chain = `${'parent { '.repeat(levels)}id${' }'.repeat(levels)}`;
    docs.push({
      ...base,
      name: `unit parents, depth ${l.maxDepth + over}`,
      query: createOp(`meeting { committee { ${chain} } }`),
    });
  }
  // createMeeting > meeting > agendaItems > edges > node > children … > title
  for (const over of [1, 3, 8, 16, 40, 120]) {
    const levels = l.maxDepth - 5 + over;
    const chain = `${'children { '.repeat(levels)}title${' }'.repeat(levels)}`;
    docs.push({
      ...base,
      name: `agenda item children, depth ${l.maxDepth + over}`,
      query: createOp(`meeting { agendaItems { edges { node { ${chain} } } } }`),
    });
  }
  // The same through a chain of fragments, each adding one level.
  for (const over of [1, 4, 12, 60]) {
    const levels = l.maxDepth - 3 + over;
    const fragments = repeat(
      levels,
      (i) => `fragment Up${i} on Unit { ${i === levels ? 'id' : `parent { ...Up${i + 1} }`} }`,
    );
    docs.push({
      ...base,
      name: `fragment chain, depth ${l.maxDepth + over}`,
      query: `${createOp('meeting { committee { ...Up1 } }')} ${fragments}`,
    });
  }
  // login > user > memberships > unit > parent … > name
  for (const over of [1, 30]) {
    const levels = l.maxDepth - 3 + over;
    const chain = `${'parent { '.repeat(levels)}name${' }'.repeat(levels)}`;
    docs.push({
      ...base,
      name: `login, membership units, depth ${l.maxDepth + over}`,
      query: `${loginHeader} { login(input: $login) { user { memberships { unit { ${chain} } } } } }`,
    });
  }
  return docs;
}

function aliasBombs(): Draft[] {
  const docs: Draft[] = [];
  const base = { category: 'alias-bomb', code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' } as const;
  const over = (n: number) => l.maxAliases + n;
  for (const n of [1, 5, 35, 85, 185, 485].map(over)) {
    docs.push({
      ...base,
      name: `${n} __typename aliases beside the write`,
      query: createOp(
        'meeting { id }',
        repeat(n, (i) => `t${i}: __typename`),
      ),
    });
  }
  for (const n of [1, 15, 85, 285].map(over)) {
    docs.push({
      ...base,
      name: `${n} __typename aliases in the payload`,
      query: createOp(`meeting { id ${repeat(n, (i) => `t${i}: __typename`)} }`),
    });
  }
  for (const n of [1, 10, 35, 85].map(over)) {
    docs.push({
      ...base,
      name: `${n} aliased createMeeting`,
      query: `${createHeader} { ${repeat(n, (i) => create('meeting { id }', `m${i}: `))} }`,
    });
  }
  for (const n of [1, 49, 241].map(over)) {
    docs.push({
      ...base,
      name: `${n} aliases of title`,
      query: createOp(`meeting { ${repeat(n, (i) => `t${i}: title`)} }`),
    });
  }
  // Ten aliases in a fragment, spread by two and by four aliased writes.
  const tenAliases = `fragment Ten on Meeting { ${repeat(10, (i) => `a${i}: id`)} }`;
  for (const writes of [2, 4]) {
    docs.push({
      ...base,
      name: `a fragment of 10 aliases spread by ${writes} writes`,
      query: `${createHeader} { ${repeat(writes, (i) => create('meeting { ...Ten }', `w${i}: `))} } ${tenAliases}`,
    });
  }
  const logins = over(5);
  docs.push({
    ...base,
    name: `${logins} aliased logins`,
    query: `${loginHeader} { ${repeat(logins, (i) => `l${i}: login(input: $login) { token }`)} }`,
  });
  return docs;
}

function directiveFloods(): Draft[] {
  const docs: Draft[] = [];
  const base = {
    category: 'directive-flood',
    code: 'GRAPHQL_VALIDATION_FAILED',
    limit: 'directives',
  } as const;
  const over = (n: number) => l.maxDirectives + n;
  for (const n of [1, 10, 30, 80, 130, 200].map(over)) {
    docs.push({
      ...base,
      name: `${n} fields with @skip(if: false)`,
      query: createOp(`meeting { ${repeat(n, () => 'id @skip(if: false)')} }`),
    });
  }
  for (const n of [1, 30, 80].map(over)) {
    docs.push({
      ...base,
      name: `${n} @include on the write`,
      query: `${createHeader} { createMeeting(input: $input) ${repeat(n, () => '@include(if: true)')} { meeting { id } } }`,
    });
  }
  for (const n of [1, 40].map(over)) {
    docs.push({
      ...base,
      name: `${n} unknown directives`,
      query: createOp(`meeting { id ${repeat(n, (i) => `@d${i}`)} }`),
    });
  }
  for (const n of [1, 20, 60].map(over)) {
    docs.push({
      ...base,
      name: `${n} inline fragments with @include`,
      query: createOp(`meeting { ${repeat(n, () => '... @include(if: true) { id }')} }`),
    });
  }
  const onOperation = over(5);
  docs.push({
    ...base,
    name: `${onOperation} directives on the operation`,
    query: `${createHeader} ${repeat(onOperation, () => '@include(if: true)')} { ${create('meeting { id }')} }`,
  });
  return docs;
}

function tokenFloods(): Draft[] {
  const docs: Draft[] = [];
  const base = { category: 'token-flood', code: 'GRAPHQL_PARSE_FAILED' } as const;
  const t = l.maxTokens;
  for (const n of [t, 2 * t, 5 * t, 10 * t]) {
    docs.push({
      ...base,
      name: `${n} repeated fields`,
      query: createOp(`meeting { ${repeat(n, () => 'id')} }`),
    });
  }
  for (const n of [t + 1, 2 * t, 4 * t]) {
    docs.push({
      ...base,
      name: `${n} __typename beside the write`,
      query: createOp(
        'meeting { id }',
        repeat(n, () => '__typename'),
      ),
    });
  }
  for (const n of [Math.ceil(t / 4) + 1, 2 * t]) {
    docs.push({
      ...base,
      name: `${n} unused variables`,
      query: `mutation Hostile($input: CreateMeetingInput!, ${repeat(n, (i) => `$v${i}: Int`, ', ')}) { ${create('meeting { id }')} }`,
    });
  }
  for (const levels of [Math.ceil(t / 2) + 1, 3 * t]) {
    docs.push({
      ...base,
      name: `a default value nested ${levels} lists deep`,
      query: `mutation Hostile($input: CreateMeetingInput!, $deep: [Int] = ${'['.repeat(levels)}${']'.repeat(levels)}) { ${create('meeting { id }')} }`,
    });
  }
  for (const n of [Math.ceil(t / 5) + 1, t]) {
    docs.push({
      ...base,
      name: `${n} extra operations`,
      query: `${createOp('meeting { id }')} ${repeat(n, (i) => `query Q${i} { __typename }`)}`,
    });
  }
  docs.push({
    ...base,
    name: `${Math.ceil(t / 7) + 1} fragment definitions`,
    query: `${createOp('meeting { id }')} ${repeat(Math.ceil(t / 7) + 1, (i) => `fragment F${i} on Meeting { id }`)}`,
  });
  const frame = countTokens(createOp('meeting { }'));
  docs.push({
    ...base,
    name: 'one token over the limit',
    query: createOp(`meeting { ${repeat(t + 1 - frame, () => 'id')} }`),
  });
  return docs;
}

function fragmentCycles(): Draft[] {
  const base = { category: 'fragment-cycle', code: 'GRAPHQL_VALIDATION_FAILED' } as const;
  const cycle = (n: number) =>
    repeat(n, (i) => `fragment C${i} on Meeting { id ...C${i === n ? 1 : i + 1} }`);
  const docs: Draft[] = [
    { ...base, name: 'a fragment spreading itself', query: `${createOp('meeting { ...C1 }')} ${cycle(1)}` },
  ];
  for (const n of [2, 3, 5, 10, 25]) {
    docs.push({
      ...base,
      name: `a cycle of ${n} fragments`,
      query: `${createOp('meeting { ...C1 }')} ${cycle(n)}`,
    });
  }
  docs.push(
    {
      ...base,
      name: 'a cycle through unit parents',
      query: `${createOp('meeting { committee { ...U } }')} fragment U on Unit { id parent { ...U } }`,
    },
    {
      ...base,
      name: 'a cycle through an inline fragment',
      query: `${createOp('meeting { ...M }')} fragment M on Meeting { ... on Meeting { id ...M } }`,
    },
    {
      ...base,
      name: 'a cycle through agenda children',
      query: `${createOp('meeting { agendaItems { edges { node { ...I } } } }')} fragment I on AgendaItem { title children { ...I } }`,
    },
    {
      ...base,
      name: 'a cycle on the payload',
      query: `${createHeader} { createMeeting(input: $input) { ...P } } fragment P on CreateMeetingPayload { meeting { id } ...P }`,
    },
    {
      ...base,
      name: 'ten fragments each spreading itself',
      query: `${createOp(`meeting { ${repeat(10, (i) => `...S${i}`)} }`)} ${repeat(10, (i) => `fragment S${i} on Meeting { id ...S${i} }`)}`,
    },
    {
      ...base,
      name: 'a cycle behind @include',
      query: `${createOp('meeting { ...D }')} fragment D on Meeting { id ...D @include(if: true) }`,
    },
    {
      ...base,
      name: 'an unused cycle',
      query: `${createOp('meeting { id }')} ${cycle(3)}`,
    },
    {
      ...base,
      name: 'a cycle across two types',
      query: `${createOp('meeting { ...MU }')} fragment MU on Meeting { committee { ...UM } } fragment UM on Unit { id ...MU }`,
    },
    {
      ...base,
      name: 'a cycle through login memberships',
      query: `${loginHeader} { login(input: $login) { user { ...Me } } } fragment Me on User { id memberships { user { ...Me } } }`,
    },
  );
  return docs;
}

/** Oversized documents: the size is of the JSON body; every one stays under the WebSocket frame cap. */
function oversizedBodies(targets: CorpusTargets): HostileDocument[] {
  const base = { category: 'oversized-body', code: 'PAYLOAD_TOO_LARGE' } as const;
  const kB = 1024;
  const variables = variablesFor(targets);
  const plain = createOp('meeting { id }');
  const docs: HostileDocument[] = [];
  for (const size of [101, 200, 500, 1000]) {
    docs.push({
      ...base,
      name: `${size} kB of whitespace`,
      query: `${plain}${' '.repeat(size * kB)}`,
      variables,
    });
  }
  for (const size of [150, 900]) {
    docs.push({
      ...base,
      name: `a ${size} kB comment`,
      query: `# ${'x'.repeat(size * kB)}\n${plain}`,
      variables,
    });
  }
  // Variables the operation does not declare are ignored by execution: the write would still succeed.
  for (const size of [120, 300, 900]) {
    docs.push({
      ...base,
      name: `a ${size} kB unused variable`,
      query: plain,
      variables: { ...variables, pad: 'x'.repeat(size * kB) },
    });
  }
  docs.push({
    ...base,
    name: '6,000 small variables',
    query: plain,
    variables: {
      ...variables,
      ...Object.fromEntries(
        repeat(6000, (i) => `v${i}`)
          .split(' ')
          .map((k) => [k, 'abcdefghij']),
      ),
    },
  });
  // 75,000 characters, 110 kB in UTF-8: the limit counts bytes.
  docs.push({
    ...base,
    name: 'Vietnamese text over the limit in bytes, not in characters',
    query: plain,
    variables: { ...variables, pad: 'Tờ trình đề án '.repeat(5000) },
  });
  const body = JSON.stringify({ query: plain, variables });
  docs.push({
    ...base,
    name: 'one byte over the limit',
    query: plain,
    variables: { ...variables, pad: 'x'.repeat(l.maxBodyBytes - body.length - ',"pad":""'.length + 1) },
  });
  return docs;
}

function hugeFirst(): Draft[] {
  const base = { category: 'huge-first', code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' } as const;
  const docs: Draft[] = [];
  for (const n of [l.maxCost + 1, 100_000, 1_000_000, 2_147_483_647]) {
    docs.push({
      ...base,
      name: `agendaItems(first: ${n})`,
      query: createOp(`meeting { agendaItems(first: ${n}) { totalCount } }`),
    });
  }
  for (const n of [1_000_000, 2_147_483_647]) {
    docs.push({
      ...base,
      name: `participants(first: ${n})`,
      query: createOp(`meeting { participants(first: ${n}) { edges { node { id } } } }`),
    });
  }
  for (const n of [50_000, 1_000_000_000]) {
    docs.push({
      ...base,
      name: `proposals(first: ${n})`,
      query: createOp(`meeting { proposals(first: ${n}) { edges { cursor } } }`),
    });
  }
  const max = l.pageSizeMax;
  // A page of agenda items with every field costs about 23 per item.
  const wide = Math.ceil(l.maxCost / 20);
  docs.push(
    {
      ...base,
      name: `${max} proposals × ${max} appraisals`,
      query: createOp(
        `meeting { proposals(first: ${max}) { edges { node { id title appraisals(first: ${max}) { totalCount edges { node { id dueAt status } } } } } } }`,
      ),
    },
    {
      ...base,
      name: `${max} proposals × ${max} appraisals × ${max} comments`,
      query: createOp(
        `meeting { proposals(first: ${max}) { edges { node { appraisals(first: ${max}) { edges { node { comments(first: ${max}) { totalCount } } } } } } } }`,
      ),
    },
    {
      ...base,
      name: `${max} proposals × ${max} versions`,
      query: createOp(
        `meeting { proposals(first: ${max}) { edges { node { versions(first: ${max}) { edges { node { id label content } } } } } } }`,
      ),
    },
    {
      ...base,
      name: `agendaItems(first: ${wide}) with every field`,
      query: createOp(
        `meeting { agendaItems(first: ${wide}) { edges { cursor node { id number title description status conclusion durationMinutes createdAt updatedAt version presenterUnit { id name } presenterUser { id fullName } vote { id outcome } } } } }`,
      ),
    },
  );
  // Page sizes in variables, which validation alone does not see.
  for (const n of [50_000, 1_000_000, 2_147_483_647]) {
    docs.push({
      ...base,
      name: `agendaItems(first: $n) with n = ${n}`,
      query: `mutation Hostile($input: CreateMeetingInput!, $n: Int) { ${create('meeting { agendaItems(first: $n) { totalCount } }')} }`,
      variables: { n },
    });
  }
  docs.push(
    {
      ...base,
      name: 'participants(first: $n) with n = 1000000',
      query: `mutation Hostile($input: CreateMeetingInput!, $n: Int) { ${create('meeting { participants(first: $n) { totalCount } }')} }`,
      variables: { n: 1_000_000 },
    },
    {
      ...base,
      name: 'a variable defaulting to first: 1000000',
      query: `mutation Hostile($input: CreateMeetingInput!, $n: Int = 1000000) { ${create('meeting { agendaItems(first: $n) { totalCount } }')} }`,
    },
    {
      ...base,
      name: 'first: 1000000 in a fragment',
      query: `${createOp('meeting { ...Big }')} fragment Big on Meeting { agendaItems(first: 1000000) { totalCount } }`,
    },
    {
      ...base,
      name: 'first: 99999 under nested children',
      query: createOp(
        'meeting { agendaItems(first: 99999) { edges { node { children { title children { title } } } } } }',
      ),
    },
    {
      category: 'huge-first',
      code: 'GRAPHQL_VALIDATION_FAILED',
      name: 'first: 2147483648 (past Int)',
      query: createOp('meeting { agendaItems(first: 2147483648) { totalCount } }'),
    },
  );
  return docs;
}

/** Each fragment spreads the next one twice: 2^levels fields from a few hundred bytes. */
function fragmentBombs(): Draft[] {
  const base = { category: 'fragment-bomb', code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' } as const;
  return [16, 20, 32, 64, 128].map((levels) => ({
    ...base,
    name: `${levels} fragments, each spreading the next twice`,
    query: `${createOp('meeting { ...B1 }')} ${repeat(
      levels,
      (i) => `fragment B${i} on Meeting { ${i === levels ? 'id title' : `...B${i + 1} ...B${i + 1} title`} }`,
    )}`,
  }));
}

/** The whole corpus, in category order. */
export function hostileCorpus(targets: CorpusTargets): HostileDocument[] {
  const variables = variablesFor(targets);
  const withVariables = (docs: Draft[]) =>
    docs.map((doc) => ({ ...doc, variables: { ...variables, ...doc.variables } }));
  return [
    ...withVariables(deepNesting()),
    ...withVariables(aliasBombs()),
    ...withVariables(directiveFloods()),
    ...withVariables(tokenFloods()),
    ...withVariables(fragmentCycles()),
    ...oversizedBodies(targets),
    ...withVariables(hugeFirst()),
    ...withVariables(fragmentBombs()),
  ];
}

export function countByCategory(
  docs: readonly { category: HostileCategory }[],
): Record<HostileCategory, number> {
  const counts = Object.fromEntries(hostileCategories.map((c) => [c, 0])) as Record<HostileCategory, number>;
  for (const doc of docs) counts[doc.category] += 1;
  return counts;
}
