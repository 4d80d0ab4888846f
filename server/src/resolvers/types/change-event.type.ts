import { SubjectType } from '@quorum/shared';
import { GraphQLJSONObject } from 'graphql-scalars';
import { createUnionType, Field, ID, InputType, ObjectType } from 'type-graphql';
import {
  AgendaItem,
  Appraisal,
  Meeting,
  Organization,
  ProgrammeItem,
  WorkProgramme,
  Proposal,
  Task,
  Unit,
  User,
  type FieldChanges,
} from '../../entities/index.js';
import type { Subject } from '../../policies/subject.policy.js';
import { PageInfo } from './connection.js';
import { DateTime } from '../../scalars/date-time.js';

export const EventSubject = createUnionType({
  name: 'EventSubject',
  description: 'The changed object, as the same type queries return, so client caches update themselves.',
  types: () =>
    [
      Organization,
      Unit,
      User,
      Meeting,
      AgendaItem,
      Proposal,
      Task,
      Appraisal,
      WorkProgramme,
      ProgrammeItem,
    ] as const,
  resolveType: (value) => {
    for (const type of [
      Organization,
      Unit,
      User,
      Meeting,
      AgendaItem,
      Proposal,
      Task,
      Appraisal,
      WorkProgramme,
      ProgrammeItem,
    ]) {
      if (value instanceof type) return type;
    }
    return undefined;
  },
});

@InputType({
  description:
    'What to follow: one object (MEETING, PROPOSAL, TASK, UNIT, USER, APPRAISAL, PROGRAMME, PROGRAMME_ITEM with its id) or the whole ORGANIZATION.',
})
export class EventScopeInput {
  @Field(() => SubjectType, {
    description: 'The kind of object followed, or ORGANIZATION for everything the viewer may see.',
  })
  type!: SubjectType;

  @Field(() => ID, { nullable: true, description: 'The object followed; none for ORGANIZATION.' })
  id?: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'One change from the change feed (and audit trail): who changed what, when, each changed field before and after, and the object as it is now.',
})
export class ChangeEvent {
  @Field(() => String, { description: 'Resume after this event with `after: cursor`.' })
  cursor!: string;

  @Field(() => String, {
    description:
      '`meeting.created`, `meeting.updated`, … (the list is `EventType` in @quorum/shared; new types may be added).',
  })
  type!: string;

  @Field(() => DateTime, { description: 'When the change was committed.' })
  occurredAt!: Date;

  @Field(() => User, {
    nullable: true,
    description: 'Who made the change; null for a change made by the system (a scheduled job).',
  })
  actor!: User | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The fields this event changed, `{ field: { before, after } }`, as they were when it happened. Null when ' +
      'the subject has since become less restricted than it was then (those values stay with its past readers).',
  })
  changes!: FieldChanges | null;

  @Field(() => EventSubject, {
    nullable: true,
    description:
      'The changed object as it is now, with the type queries return; the feed sends only events whose object the viewer may read now. Null when it no longer exists (a removed agenda item, in the history of its meeting).',
  })
  subject!: Subject | null;
}

@ObjectType({ simpleResolvers: true, description: 'A page of change events.' })
export class ChangeEventPage {
  @Field(() => [ChangeEvent], { description: "The events of this page, in the list's order." })
  events!: ChangeEvent[];

  @Field(() => PageInfo, { description: 'Whether more follow; pass `endCursor` as `after` to read on.' })
  pageInfo!: PageInfo;
}
