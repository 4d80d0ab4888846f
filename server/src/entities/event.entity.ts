import type { EventType } from '@quorum/shared';
import {
  BigIntType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  type Opt,
  type Ref,
} from '@mikro-orm/core';
import { Classification, SubjectType } from './enums.js';
import { Organization } from './organization.entity.js';
import { User } from './user.entity.js';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * The change feed and the audit trail in one append-only table. Every write appends its Events in the
 * same transaction; `seq` orders them and is the cursor subscribers resume from.
 */
@Entity()
@Index({ properties: ['organization', 'seq'] })
@Index({ properties: ['scopeType', 'scopeId', 'seq'] })
@Index({ properties: ['subjectType', 'subjectId', 'seq'] })
export class Event {
  // Read as a string: a JavaScript number cannot hold every bigint.
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  seq!: Opt<string>;

  @ManyToOne(() => Organization, { ref: true })
  organization!: Ref<Organization>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  actor?: Ref<User>;

  /** One of the shared `EventType`s: `meeting.created`, `agendaItem.moved`, … */
  @Property({ type: 'text' })
  type!: EventType;

  @Enum({ items: () => SubjectType, type: 'text' })
  subjectType!: SubjectType;

  @Property({ type: 'uuid' })
  subjectId!: string;

  /** The meeting, proposal, task or unit the subject belongs to (itself for top-level objects). */
  @Enum({ items: () => SubjectType, type: 'text' })
  scopeType!: SubjectType;

  @Property({ type: 'uuid' })
  scopeId!: string;

  @Enum({ items: () => Classification, type: 'text' })
  classification!: Classification;

  @Property({ type: 'json' })
  changes: Opt<FieldChanges> = {};

  @Property({ type: 'datetime' })
  occurredAt: Opt<Date> = new Date();

  /** Audit records (a read of a CONFIDENTIAL object) are kept here but never streamed to subscribers. */
  @Property({ type: 'boolean' })
  auditOnly: Opt<boolean> = false;
}
