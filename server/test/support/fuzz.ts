import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';

/**
 * The schema-driven fuzz cases: for every argument leaf of a root field (a scalar or enum inside its input
 * objects and lists), hostile values of the leaf's type, with every other argument at a working value.
 */

/** A place in a field's arguments: `input.participants.0.userId`. */
export type LeafPath = (string | number)[];

export interface Leaf {
  path: LeafPath;
  type: GraphQLNamedType;
  /** Whether the leaf is a list (the hostile values include an empty and a long one). */
  list: boolean;
  nonNull: boolean;
  /** The input object type holding it (for ids named only `id`), or the field for a root argument. */
  holder: string;
}

export interface HostileValue {
  label: string;
  value: unknown;
}

const long = 'x'.repeat(90_000);

const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** Cursors a client could forge: the right encoding, values that do not fit the list's order. */
const forgedCursors: HostileValue[] = [
  { label: 'forged cursor: text for a date', value: cursor(['x', 'y']) },
  {
    label: 'forged cursor: year 0000',
    value: cursor(['0000-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
  },
  { label: 'forged cursor: NUL', value: cursor(['a\u0000', 'b']) },
  { label: 'forged cursor: objects', value: cursor([{}, []]) },
  { label: 'forged cursor: not a list', value: cursor({ a: 1 } as never) },
];

/** Hostile values of a scalar or enum type (and for a leaf named `after`, forged cursors), labelled for the report. */
export function hostileValues(type: GraphQLNamedType, name = ''): HostileValue[] {
  if (isEnumType(type)) return [{ label: 'unknown enum value', value: 'NOT_A_VALUE' }];
  if (name === 'after') return [...hostileValues(type), ...forgedCursors];
  switch (type.name) {
    case 'String':
      return [
        { label: 'empty', value: '' },
        { label: 'only spaces', value: '   ' },
        { label: 'NUL', value: 'a\u0000b' },
        { label: 'lone surrogate', value: 'x\ud800y' },
        { label: 'bidi override', value: 'report\u202Efdp.exe' },
        { label: '90 kB', value: long },
      ];
    case 'ID':
      return [
        { label: 'empty id', value: '' },
        { label: 'malformed id', value: 'not-a-uuid' },
        { label: 'unknown id', value: '00000000-0000-4000-8000-000000000000' },
        { label: 'NUL id', value: '\u0000' },
        { label: 'number id', value: '9999999999999999999' },
        { label: '90 kB id', value: long },
      ];
    case 'Int':
      return [
        { label: 'max int', value: 2147483647 },
        { label: 'min int', value: -2147483648 },
        { label: 'negative', value: -1 },
        { label: '2^53', value: 2 ** 53 },
      ];
    case 'Float':
      return [
        { label: 'huge float', value: 1e308 },
        { label: 'negative float', value: -1e308 },
      ];
    case 'Boolean':
      return [{ label: 'string for boolean', value: 'true' }];
    case 'DateTime':
      return [
        { label: 'year 0000', value: '0000-01-01T00:00:00.000Z' },
        { label: 'year 275760', value: '+275760-09-13T00:00:00.000Z' },
        { label: '30 February', value: '2026-02-30T10:00:00Z' },
        { label: 'not a date', value: 'next Tuesday' },
        { label: 'year 1', value: '0001-01-01T00:00:00.000Z' },
        { label: 'year 9999', value: '9999-12-31T23:59:59.999Z' },
      ];
    case 'JSONObject':
      return [
        { label: 'NUL in JSON', value: { note: 'a\u0000b' } },
        { label: 'array for object', value: [1, 2] },
      ];
    default:
      return [{ label: `string for ${type.name}`, value: 'x' }];
  }
}

/** The leaves of an argument, depth first (input objects nest a few levels at most). */
export function leavesOf(arg: GraphQLArgument, fieldName: string): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (type: GraphQLInputType, path: LeafPath, holder: string, depth: number) => {
    const nonNull = isNonNullType(type);
    const inner = nonNull ? type.ofType : type;
    const list = isListType(inner);
    const named = getNamedType(type);
    if (isInputObjectType(named) && depth < 4) {
      if (list) leaves.push({ path, type: named, list, nonNull, holder });
      const at = list ? [...path, 0] : path;
      for (const field of Object.values(named.getFields()))
        walk(field.type, [...at, field.name], named.name, depth + 1);
      return;
    }
    if (isScalarType(named) || isEnumType(named)) leaves.push({ path, type: named, list, nonNull, holder });
  };
  walk(arg.type, [arg.name], fieldName, 0);
  return leaves;
}

/** `value` with the leaf at `path` replaced (the objects and lists on the way are copied). */
export function withLeaf(
  value: Record<string, unknown>,
  path: LeafPath,
  leaf: unknown,
): Record<string, unknown> {
  const set = (at: unknown, rest: LeafPath): unknown => {
    const [key, ...tail] = rest;
    if (key === undefined) return leaf;
    if (typeof key === 'number') {
      const list = Array.isArray(at) ? [...(at as unknown[])] : [];
      list[key] = set(list[key], tail);
      return list;
    }
    const object = { ...((at as Record<string, unknown> | undefined) ?? {}) };
    object[key] = set(object[key], tail);
    return object;
  };
  return set(value, path) as Record<string, unknown>;
}

/** The operation text for a root field with all its arguments as variables, selecting only `__typename`. */
export function operationFor(
  kind: 'query' | 'mutation' | 'subscription',
  field: GraphQLField<unknown, unknown>,
): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const scalar = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type));
  return `${kind}${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${scalar ? '' : ' { __typename }'} }`;
}

/** Ids named after a role rather than a table. */
const idRoles: Record<string, string> = {
  chair: 'User',
  secretary: 'User',
  committee: 'Unit',
  source: 'Meeting',
  editing: 'AgendaItem',
  reviewer: 'User',
  assignment: 'AppraisalAssignment',
  assignee: 'User',
};

/**
 * The entity an `ID` leaf names: `agendaItemId` an AgendaItem, `presenterUserId` a User, `committeeId` a
 * Unit; a bare `id` (or `parentId`, `afterId`…) the entity its input type or field is about
 * (`UpdateMeetingInput.id` a Meeting, `revokeApiToken(id)` an ApiToken).
 */
export function entityOf(name: string, holder: string, entities: readonly string[]): string | undefined {
  const base = name.replace(/Ids?$/, '');
  const capital = base.charAt(0).toUpperCase() + base.slice(1);
  const longest = (match: (entity: string) => boolean) =>
    entities.filter(match).sort((a, b) => b.length - a.length)[0];
  const byName = idRoles[base] ?? longest((entity) => capital.endsWith(entity));
  if (byName) return byName;
  const context = holder.charAt(0).toUpperCase() + holder.slice(1);
  return longest((entity) => context.includes(entity));
}

export interface Working {
  /** An id of `entity` the actor may use, for the leaf `name`. */
  id(entity: string | undefined, name: string): string;
  /** A fresh e-mail address (inviting the same one twice is refused). */
  email(): string;
  password: string;
}

const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000);

/** A working value for a leaf: the one every case but the leaf's own uses. */
export function workingValue(
  leaf: Leaf,
  name: string,
  working: Working,
  entities: readonly string[],
): unknown {
  const { type } = leaf;
  const one = (): unknown => {
    if (isEnumType(type)) return type.getValues()[0]!.value;
    switch (type.name) {
      case 'ID':
        return working.id(entityOf(name, leaf.holder, entities), name);
      case 'String':
        if (name === 'email') return working.email();
        if (/password/i.test(name)) return working.password;
        if (name === 'mediaType') return 'application/pdf';
        if (name === 'name' && leaf.holder.includes('Attach')) return 'minutes.pdf';
        if (name === 'after') return '0';
        return 'Fuzz';
      case 'Int':
        return name === 'first' || name === 'last' ? 10 : name.startsWith('duration') ? 30 : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return name !== 'isTemplate';
      case 'DateTime':
        return (
          name.startsWith('end') ? inDays(7, 2) : name.startsWith('due') ? inDays(30) : inDays(7)
        ).toISOString();
      case 'JSONObject':
        return {};
      default:
        return 'x';
    }
  };
  return leaf.list ? [one()] : one();
}

/**
 * The arguments of a field at working values: every leaf that must be given, and, around the leaf a case
 * is about (`target`), every leaf its own objects require (a participant entry's `role` beside its `userId`).
 */
export function workingArguments(
  field: GraphQLField<unknown, unknown>,
  working: Working,
  entities: readonly string[],
  target?: LeafPath,
): Record<string, unknown> {
  let args: Record<string, unknown> = {};
  for (const arg of field.args) {
    for (const leaf of leavesOf(arg, field.name)) {
      if (isInputObjectType(leaf.type)) continue;
      if (!required(arg, leaf.path, target ? sharedPrefix(leaf.path, target) : 0)) continue;
      const name = String(leaf.path.at(-1));
      args = withLeaf(args, leaf.path, workingValue(leaf, name, working, entities));
    }
  }
  return args;
}

/** How many leading steps two paths share. */
function sharedPrefix(a: LeafPath, b: LeafPath): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** Whether every step of the path after its first `from` is non-null (so the leaf must be given). */
export function required(arg: GraphQLArgument, path: LeafPath, from = 0): boolean {
  let type: GraphQLInputType = arg.type;
  for (let step = 1; step <= path.length; step += 1) {
    if (step > from && !isNonNullType(type)) return false;
    if (step === path.length) return true;
    const inner: GraphQLInputType = isNonNullType(type) ? type.ofType : type;
    const key = path[step]!;
    if (typeof key === 'number') {
      if (!isListType(inner)) return false;
      type = inner.ofType as GraphQLInputType;
      continue;
    }
    const named = getNamedType(inner);
    if (!isInputObjectType(named)) return false;
    type = named.getFields()[key]!.type;
  }
  return true;
}
