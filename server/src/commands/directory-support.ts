import { Classification, type EventType, SubjectType } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { Unit, type Event, type FieldChanges, type User } from '../entities/index.js';
import { lockInTransaction } from './meeting-support.js';

export interface DirectoryEventInput {
  type: EventType;
  /** The unit or the user that changed (for a membership, a session or a token: the user). */
  subject: Unit | User;
  /** The unit a user's change concerns (a membership), whose scope it is in; else the organization's. */
  unit?: Unit | undefined;
  changes?: FieldChanges;
  /** Credentials (sessions, tokens, passwords): kept in the audit trail, never streamed. */
  auditOnly?: boolean;
}

/**
 * Appends an event of the directory. Units, users and memberships are INTERNAL: every member of the
 * organization reads them, so their events and changes go to everyone who follows its feed.
 */
export async function appendDirectoryEvent(
  ctx: Pick<Context, 'feed'>,
  em: EntityManager,
  /** Who made the change; without `userId`, the server itself. */
  actor: { organizationId: string; userId?: string | undefined },
  input: DirectoryEventInput,
): Promise<Event> {
  const subject =
    input.subject instanceof Unit
      ? { type: SubjectType.UNIT, id: input.subject.id }
      : { type: SubjectType.USER, id: input.subject.id };
  const scopeUnit = input.unit ?? (input.subject instanceof Unit ? input.subject : undefined);
  const event = await ctx.feed.append(em, {
    organizationId: actor.organizationId,
    actorId: actor.userId,
    type: input.type,
    subject,
    scope: scopeUnit
      ? { type: SubjectType.UNIT, id: scopeUnit.id }
      : { type: SubjectType.ORGANIZATION, id: actor.organizationId },
    classification: Classification.INTERNAL,
    ...(input.changes ? { changes: input.changes } : {}),
  });
  // Set on the row rather than passed to `append`: it is written with the transaction's flush, like the rest.
  if (input.auditOnly) event.auditOnly = true;
  return event;
}

/** Serializes changes to an organization's tree of units, so that two moves cannot together make a cycle. */
export function lockUnits(em: EntityManager, organizationId: string): Promise<void> {
  return lockInTransaction(em, 'quorum.units', organizationId);
}
