import { AgendaItem } from './agenda-item.entity.js';
import { ApiToken } from './api-token.entity.js';
import { Attachment } from './attachment.entity.js';
import { AppraisalAssignment } from './appraisal-assignment.entity.js';
import { AppraisalComment } from './appraisal-comment.entity.js';
import { Appraisal } from './appraisal.entity.js';
import { BaseEntity, VersionedEntity } from './base.entity.js';
import { DocumentVersion } from './document-version.entity.js';
import { Event, type FieldChanges } from './event.entity.js';
import { LoginAttempt } from './login-attempt.entity.js';
import { Meeting } from './meeting.entity.js';
import { Membership } from './membership.entity.js';
import { Notification } from './notification.entity.js';
import { Organization } from './organization.entity.js';
import { Participant } from './participant.entity.js';
import { ProgrammeItem } from './programme-item.entity.js';
import { Proposal } from './proposal.entity.js';
import { Session } from './session.entity.js';
import { TaskUpdate } from './task-update.entity.js';
import { Task } from './task.entity.js';
import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';
import { Vote } from './vote.entity.js';
import { Webhook, WebhookAttempt, WebhookDelivery } from './webhook.entity.js';
import { WorkProgramme } from './work-programme.entity.js';

export {
  AgendaItem,
  ApiToken,
  Appraisal,
  Attachment,
  AppraisalAssignment,
  AppraisalComment,
  BaseEntity,
  DocumentVersion,
  Event,
  type FieldChanges,
  LoginAttempt,
  Meeting,
  Membership,
  Notification,
  Organization,
  Participant,
  ProgrammeItem,
  Proposal,
  Session,
  Task,
  TaskUpdate,
  Unit,
  User,
  VersionedEntity,
  Vote,
  Webhook,
  WebhookAttempt,
  WebhookDelivery,
  WorkProgramme,
};

/** Every entity class, for MikroORM's discovery. */
export const entities = [
  BaseEntity,
  VersionedEntity,
  Organization,
  Unit,
  User,
  Membership,
  WorkProgramme,
  ProgrammeItem,
  Meeting,
  Participant,
  AgendaItem,
  Vote,
  Attachment,
  Proposal,
  DocumentVersion,
  Appraisal,
  AppraisalAssignment,
  AppraisalComment,
  Task,
  TaskUpdate,
  Event,
  Notification,
  ApiToken,
  Session,
  LoginAttempt,
  Webhook,
  WebhookDelivery,
  WebhookAttempt,
];
