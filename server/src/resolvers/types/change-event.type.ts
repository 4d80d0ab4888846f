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
  @Field(() => SubjectType)
  type!: SubjectType;

  @Field(() => ID, { nullable: true })
  id?: string;
}

@ObjectType({ simpleResolvers: true })
export class ChangeEvent {
  @Field(() => String, { description: 'Resume after this event with `after: cursor`.' })
  cursor!: string;

  @Field(() => String, {
    description:
      '`meeting.created`, `meeting.updated`, … (the list is `EventType` in @quorum/shared; new types may be added).',
  })
  type!: string;

  @Field(() => DateTime)
  occurredAt!: Date;

  @Field(() => User, { nullable: true })
  actor!: User | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The fields this event changed, `{ field: { before, after } }`, as they were when it happened. Null when ' +
      'the subject has since become less restricted than it was then (those values stay with its past readers).',
  })
  changes!: FieldChanges | null;

  @Field(() => EventSubject, { nullable: true })
  subject!: Subject | null;
}

@ObjectType({ simpleResolvers: true })
export class ChangeEventPage {
  @Field(() => [ChangeEvent])
  events!: ChangeEvent[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
