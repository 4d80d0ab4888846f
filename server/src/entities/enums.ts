// Registers the shared enums with type-graphql once, so every entity and input can use them.
import { registerEnumType } from 'type-graphql';
import {
  AgendaItemStatus,
  ApiTokenScope,
  AppraisalStatus,
  Attendance,
  Classification,
  CommentStatus,
  MeetingKind,
  MeetingStatus,
  MembershipRole,
  ParticipantRole,
  ProgrammeItemStatus,
  ProposalKind,
  ProposalStatus,
  SubjectType,
  SystemRole,
  TaskPriority,
  TaskStatus,
  UnitKind,
  Verdict,
  VoteOutcome,
} from '@quorum/shared';

const enums = {
  AgendaItemStatus,
  ApiTokenScope,
  AppraisalStatus,
  Attendance,
  Classification,
  CommentStatus,
  MeetingKind,
  MeetingStatus,
  MembershipRole,
  ParticipantRole,
  ProgrammeItemStatus,
  ProposalKind,
  ProposalStatus,
  SubjectType,
  SystemRole,
  TaskPriority,
  TaskStatus,
  UnitKind,
  Verdict,
  VoteOutcome,
};
for (const [name, values] of Object.entries(enums)) registerEnumType(values, { name });

export * from '@quorum/shared';
