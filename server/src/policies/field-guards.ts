import {
  ApiTokenScope,
  Classification,
  EventType,
  isStorableText,
  isUuid,
  SubjectType,
} from '@quorum/shared';
import {
  defaultFieldResolver,
  getNamedType,
  GraphQLID,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { Context } from '../context.js';
import { Event, Meeting, Proposal, Task } from '../entities/index.js';
import { BadInputError, ForbiddenError } from '../errors.js';

// The schema-wide guards, each put on exactly the fields it concerns when the schema is built, so that the
// thousands of plain fields of a nested read run no middleware at all (a global middleware is a chain of
// promises on every field of every object).

type Resolver = GraphQLFieldResolver<unknown, Context, Record<string, unknown>>;

function wrap(field: GraphQLField<unknown, Context>, guard: (resolve: Resolver) => Resolver): void {
  field.resolve = guard((field.resolve ?? defaultFieldResolver) as Resolver);
}

/** No mutation runs for a credential without the WRITE scope (a read-only API token), whatever it is. */
const writeScope =
  (resolve: Resolver): Resolver =>
  (root, args, context, info) => {
    if (context.viewer && !context.viewer.scopes.has(ApiTokenScope.WRITE)) {
      throw new ForbiddenError('This token may only read');
    }
    return resolve(root, args, context, info);
  };

/** The `ID` arguments of a root field (not lists, not inside input objects: those carry `@IsUUID`). */
function idArguments(args: readonly GraphQLArgument[]): readonly GraphQLArgument[] {
  return args.filter((arg) => {
    const type = isNonNullType(arg.type) ? arg.type.ofType : arg.type;
    return !isListType(type) && getNamedType(type) === GraphQLID;
  });
}

/**
 * A malformed id in a root field's `ID` argument never reaches the database (where it fails as a server
 * error): a query answers null, as for an id that does not exist; a mutation answers BAD_USER_INPUT.
 */
const wellFormedIds =
  (ids: readonly GraphQLArgument[], answerNull: boolean) =>
  (resolve: Resolver): Resolver =>
  (root, args, context, info) => {
    for (const arg of ids) {
      const value: unknown = args[arg.name];
      if (value === undefined || value === null || isUuid(value)) continue;
      if (answerNull) return null;
      throw new BadInputError(arg.name, `"${arg.name}" is not a valid id`);
    }
    return resolve(root, args, context, info);
  };

/** The path of the first string in `value` that PostgreSQL cannot store, or null. */
function unstorable(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = unstorable(inner, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/**
 * Text no column can hold never reaches the database (where it fails as a server error, and the change feed's
 * JSON would refuse it too): BAD_USER_INPUT naming the field as input validation does (`title`,
 * `participants.0.role`; the argument's own name for a root argument).
 */
const storableText =
  (resolve: Resolver): Resolver =>
  (root, args, context, info) => {
    for (const [name, value] of Object.entries(args)) {
      // An input object's fields are named from the object, as class-validator names them.
      const inputObject = value !== null && typeof value === 'object' && !Array.isArray(value);
      const field = unstorable(value, inputObject ? '' : name);
      if (field) throw new BadInputError(field, `"${field}" contains a character that cannot be stored`);
    }
    return resolve(root, args, context, info);
  };

interface Audit {
  type: SubjectType;
  event: EventType;
}
const audits = new Map<string, Audit>([
  [Meeting.name, { type: SubjectType.MEETING, event: EventType.MEETING_READ }],
  [Proposal.name, { type: SubjectType.PROPOSAL, event: EventType.PROPOSAL_READ }],
  [Task.name, { type: SubjectType.TASK, event: EventType.TASK_READ }],
]);

interface Subject {
  id: string;
  classification: Classification;
}

/**
 * Records one audit-only Event per CONFIDENTIAL subject in the value, once per operation; null if none.
 * `audit` is the field's type; a field of a union type (an event's subject) names it by the object's class.
 */
function auditReads(context: Context, value: unknown, audit: Audit | undefined): Promise<void> | null {
  const viewer = context.viewer;
  if (!viewer) return null;
  const found: [Subject, Audit][] = [];
  for (const subject of Array.isArray(value) ? value : [value]) {
    if (!(subject instanceof Object)) continue;
    const kind = audit ?? audits.get(subject.constructor.name);
    if (!kind || (subject as Subject).classification !== Classification.CONFIDENTIAL) continue;
    if (context.audited.has((subject as Subject).id)) continue;
    context.audited.add((subject as Subject).id);
    found.push([subject as Subject, kind]);
  }
  if (found.length === 0) return null;
  const em = context.em.fork();
  for (const [subject, audit] of found) {
    em.create(Event, {
      organization: viewer.organizationId,
      actor: viewer.userId,
      type: audit.event,
      subjectType: audit.type,
      subjectId: subject.id,
      scopeType: audit.type,
      scopeId: subject.id,
      classification: Classification.CONFIDENTIAL,
      auditOnly: true,
    });
  }
  return em.flush();
}

/**
 * Records the reads of CONFIDENTIAL meetings, proposals and tasks that a field answers in a shape of its own
 * (a search result's title and snippet are read from the object without answering it), as the guard below
 * records those answered as objects; once per operation each.
 */
export function auditConfidentialReads(
  context: Context,
  subjects: readonly (Subject & { entity: typeof Meeting | typeof Proposal | typeof Task })[],
): Promise<void> | null {
  const recorded = [Meeting, Proposal, Task].flatMap((entity) => {
    const done = auditReads(
      context,
      subjects.filter((subject) => subject.entity === entity),
      audits.get(entity.name),
    );
    return done ? [done] : [];
  });
  return recorded.length > 0 ? Promise.all(recorded).then(() => undefined) : null;
}

/**
 * Every CONFIDENTIAL meeting, proposal or task a viewer receives, through any root query or nested field,
 * is recorded once per request in the audit trail (an audit-only Event: kept, never streamed). The answer
 * waits for the record; a field whose value is not confidential stays synchronous.
 */
const confidentialReadAudit =
  (audit: Audit | undefined) =>
  (resolve: Resolver): Resolver =>
  (root, args, context, info) => {
    const result: unknown = resolve(root, args, context, info);
    if (result instanceof Promise) {
      return result.then((value: unknown) => {
        const recorded = auditReads(context, value, audit);
        return recorded ? recorded.then(() => value) : value;
      });
    }
    const recorded = auditReads(context, result, audit);
    return recorded ? recorded.then(() => result) : result;
  };

/** Whether a field can answer a meeting, proposal or task (directly, in a list, or through a union). */
function answersSubject(schema: GraphQLSchema, field: GraphQLField<unknown, Context>): boolean {
  const type = getNamedType(field.type);
  if (audits.has(type.name)) return true;
  return isAbstractType(type) && schema.getPossibleTypes(type).some((t) => audits.has(t.name));
}

/** Puts the guards on the fields they concern; called once on the built schema. */
export function guardFields(schema: GraphQLSchema): GraphQLSchema {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  for (const field of roots.flatMap((root) => Object.values(root?.getFields() ?? {}))) {
    if (field.args.length === 0) continue;
    // Innermost, so that a query's lookup of a malformed id still answers null first.
    wrap(field, storableText);
    if (field.subscribe) field.subscribe = storableText(field.subscribe as Resolver);
  }
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    const ids = idArguments(field.args);
    if (ids.length > 0) wrap(field, wellFormedIds(ids, false));
    wrap(field, writeScope);
  }
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const ids = idArguments(field.args);
    if (ids.length > 0) wrap(field, wellFormedIds(ids, !isNonNullType(field.type)));
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (answersSubject(schema, field))
        wrap(field, confidentialReadAudit(audits.get(getNamedType(field.type).name)));
    }
  }
  return schema;
}
