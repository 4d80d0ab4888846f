import { ApiTokenScope, Classification, EventType, SubjectType } from '@quorum/shared';
import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../context.js';
import { Event, Meeting, Proposal, Task } from '../entities/index.js';
import { ForbiddenError } from '../errors.js';

/** No mutation runs for a credential without the WRITE scope (a read-only API token), whatever it is. */
export const writeScopeGuard: MiddlewareFn<Context> = ({ context, info }, next) => {
  if (
    info.parentType.name === 'Mutation' &&
    context.viewer &&
    !context.viewer.scopes.has(ApiTokenScope.WRITE)
  ) {
    throw new ForbiddenError('This token may only read');
  }
  return next();
};

const audited = new WeakMap<Context, Set<string>>();

const audits = new Map<unknown, { type: SubjectType; event: EventType }>([
  [Meeting, { type: SubjectType.MEETING, event: EventType.MEETING_READ }],
  [Proposal, { type: SubjectType.PROPOSAL, event: EventType.PROPOSAL_READ }],
  [Task, { type: SubjectType.TASK, event: EventType.TASK_READ }],
]);

/**
 * Every CONFIDENTIAL object a viewer receives, through any root query or nested field, is recorded once
 * per request in the audit trail (an audit-only Event: kept, never streamed).
 */
export const confidentialReadAudit: MiddlewareFn<Context> = async ({ context }, next) => {
  const result: unknown = await next();
  const audit = result instanceof Object ? audits.get(result.constructor) : undefined;
  if (!audit || !context.viewer) return result;
  const subject = result as Meeting | Proposal | Task;
  if (subject.classification !== Classification.CONFIDENTIAL) return result;
  let seen = audited.get(context);
  if (!seen) audited.set(context, (seen = new Set()));
  if (seen.has(subject.id)) return result;
  seen.add(subject.id);
  const em = context.em.fork();
  em.create(Event, {
    organization: context.viewer.organizationId,
    actor: context.viewer.userId,
    type: audit.event,
    subjectType: audit.type,
    subjectId: subject.id,
    scopeType: audit.type,
    scopeId: subject.id,
    classification: Classification.CONFIDENTIAL,
    auditOnly: true,
  });
  await em.flush();
  return result;
};
