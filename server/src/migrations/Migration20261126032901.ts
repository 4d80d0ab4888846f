import { Migration } from '@mikro-orm/migrations';

export class Migration20261126032901 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "organization" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "slug" text not null, "locale" text not null default 'vi', "time_zone" text not null default 'Asia/Ho_Chi_Minh', constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`alter table "organization" add constraint "organization_slug_unique" unique ("slug");`);

    this.addSql(`create table "unit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "name" text not null, "short_name" text null, "kind" text check ("kind" in ('COMMITTEE', 'DEPARTMENT', 'OFFICE')) not null, "parent_id" uuid null, constraint "unit_pkey" primary key ("id"));`);
    this.addSql(`create index "unit_organization_id_kind_index" on "unit" ("organization_id", "kind");`);

    this.addSql(`create table "user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "email" text not null, "password_hash" text not null, "full_name" text not null, "job_title" text null, "locale" text not null default 'vi', "system_role" text check ("system_role" in ('ADMIN', 'MEMBER')) not null default 'MEMBER', "active" boolean not null default true, constraint "user_pkey" primary key ("id"));`);
    this.addSql(`alter table "user" add constraint "user_organization_id_email_unique" unique ("organization_id", "email");`);

    this.addSql(`create table "session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "token_hash" text not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "proposal" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "organization_id" uuid not null, "reference_number" text null, "title" text not null, "summary" text null, "kind" text check ("kind" in ('PROPOSAL', 'REPORT', 'RESOLUTION_DRAFT', 'PROGRAMME', 'OTHER')) not null, "lead_unit_id" uuid not null, "owner_id" uuid not null, "classification" text check ("classification" in ('INTERNAL', 'RESTRICTED', 'CONFIDENTIAL')) not null default 'INTERNAL', "status" text check ("status" in ('DRAFTING', 'IN_APPRAISAL', 'APPRAISED', 'SUBMITTED', 'SCHEDULED', 'ADOPTED', 'RETURNED', 'REJECTED', 'WITHDRAWN')) not null default 'DRAFTING', "return_reason" text null, "body" bytea null, "body_text" text not null default '', "submitted_at" timestamptz null, constraint "proposal_pkey" primary key ("id"));`);
    this.addSql(`create index "proposal_organization_id_status_index" on "proposal" ("organization_id", "status");`);

    this.addSql(`create table "membership" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "unit_id" uuid not null, "role" text check ("role" in ('HEAD', 'DEPUTY', 'MEMBER', 'STAFF')) not null, constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`alter table "membership" add constraint "membership_user_id_unit_id_unique" unique ("user_id", "unit_id");`);

    this.addSql(`create table "meeting" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "organization_id" uuid not null, "committee_id" uuid not null, "title" text not null, "kind" text check ("kind" in ('REGULAR', 'EXTRAORDINARY', 'BRIEFING')) not null, "status" text check ("status" in ('DRAFT', 'SCHEDULED', 'IN_PROGRESS', 'CLOSED', 'CANCELLED')) not null default 'DRAFT', "starts_at" timestamptz not null, "ends_at" timestamptz null, "location" text null, "classification" text check ("classification" in ('INTERNAL', 'RESTRICTED', 'CONFIDENTIAL')) not null default 'INTERNAL', "chair_id" uuid null, "secretary_id" uuid null, constraint "meeting_pkey" primary key ("id"));`);
    this.addSql(`create index "meeting_organization_id_starts_at_index" on "meeting" ("organization_id", "starts_at");`);

    this.addSql(`create table "participant" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "meeting_id" uuid not null, "user_id" uuid not null, "role" text check ("role" in ('CHAIR', 'MEMBER', 'INVITEE', 'SECRETARY')) not null, "attendance" text check ("attendance" in ('UNKNOWN', 'PRESENT', 'ABSENT', 'EXCUSED')) not null default 'UNKNOWN', "materials_read_at" timestamptz null, constraint "participant_pkey" primary key ("id"));`);
    this.addSql(`alter table "participant" add constraint "participant_meeting_id_user_id_unique" unique ("meeting_id", "user_id");`);

    this.addSql(`create table "event" ("seq" bigserial primary key, "organization_id" uuid not null, "actor_id" uuid null, "type" text not null, "subject_type" text check ("subject_type" in ('ORGANIZATION', 'UNIT', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK')) not null, "subject_id" uuid not null, "scope_type" text check ("scope_type" in ('ORGANIZATION', 'UNIT', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK')) not null, "scope_id" uuid not null, "classification" text check ("classification" in ('INTERNAL', 'RESTRICTED', 'CONFIDENTIAL')) not null, "changes" jsonb not null, "occurred_at" timestamptz not null);`);
    this.addSql(`create index "event_scope_type_scope_id_seq_index" on "event" ("scope_type", "scope_id", "seq");`);
    this.addSql(`create index "event_organization_id_seq_index" on "event" ("organization_id", "seq");`);

    this.addSql(`create table "notification" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "event_seq" bigint not null, "read_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_user_id_read_at_index" on "notification" ("user_id", "read_at");`);

    this.addSql(`create table "document_version" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "proposal_id" uuid not null, "label" text not null, "author_id" uuid not null, "content" text not null, constraint "document_version_pkey" primary key ("id"));`);

    this.addSql(`create table "appraisal" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "proposal_id" uuid not null, "requested_by_id" uuid not null, "due_at" timestamptz not null, "status" text check ("status" in ('OPEN', 'CLOSED')) not null default 'OPEN', constraint "appraisal_pkey" primary key ("id"));`);

    this.addSql(`create table "appraisal_comment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "appraisal_id" uuid not null, "author_id" uuid not null, "unit_id" uuid not null, "body" text not null, "anchor_quote" text null, "anchor_position" text null, "parent_id" uuid null, "status" text check ("status" in ('OPEN', 'RESOLVED')) not null default 'OPEN', "resolved_by_id" uuid null, constraint "appraisal_comment_pkey" primary key ("id"));`);

    this.addSql(`create table "appraisal_assignment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "appraisal_id" uuid not null, "unit_id" uuid not null, "reviewer_id" uuid null, "verdict" text check ("verdict" in ('PENDING', 'AGREE', 'AGREE_WITH_CHANGES', 'DISAGREE')) not null default 'PENDING', "summary" text null, "submitted_at" timestamptz null, constraint "appraisal_assignment_pkey" primary key ("id"));`);
    this.addSql(`alter table "appraisal_assignment" add constraint "appraisal_assignment_appraisal_id_unit_id_unique" unique ("appraisal_id", "unit_id");`);

    this.addSql(`create table "api_token" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "owner_id" uuid not null, "scopes" jsonb not null, "token_hash" text not null, "expires_at" timestamptz null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "agenda_item" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "meeting_id" uuid not null, "parent_id" uuid null, "position" text not null, "title" text not null, "description" text null, "duration_minutes" int null, "presenter_user_id" uuid null, "presenter_unit_id" uuid null, "proposal_id" uuid null, "status" text check ("status" in ('PENDING', 'IN_DISCUSSION', 'CONCLUDED', 'DEFERRED', 'WITHDRAWN')) not null default 'PENDING', "conclusion" text null, constraint "agenda_item_pkey" primary key ("id"));`);
    this.addSql(`create index "agenda_item_meeting_id_parent_id_position_index" on "agenda_item" ("meeting_id", "parent_id", "position");`);

    this.addSql(`create table "vote" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "agenda_item_id" uuid not null, "votes_for" int not null default 0, "votes_against" int not null default 0, "abstentions" int not null default 0, "outcome" text check ("outcome" in ('ADOPTED', 'REJECTED', 'DEFERRED')) not null, constraint "vote_pkey" primary key ("id"));`);
    this.addSql(`alter table "vote" add constraint "vote_agenda_item_id_unique" unique ("agenda_item_id");`);

    this.addSql(`create table "work_programme" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "unit_id" uuid not null, "year" int not null, "title" text not null, constraint "work_programme_pkey" primary key ("id"));`);
    this.addSql(`alter table "work_programme" add constraint "work_programme_unit_id_year_unique" unique ("unit_id", "year");`);

    this.addSql(`create table "programme_item" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "programme_id" uuid not null, "title" text not null, "kind" text check ("kind" in ('PROPOSAL', 'REPORT', 'RESOLUTION_DRAFT', 'PROGRAMME', 'OTHER')) not null, "planned_month" smallint not null, "lead_unit_id" uuid not null, "status" text check ("status" in ('PLANNED', 'IN_PREPARATION', 'SUBMITTED', 'ADOPTED', 'POSTPONED', 'DROPPED')) not null default 'PLANNED', "proposal_id" uuid null, "meeting_id" uuid null, constraint "programme_item_pkey" primary key ("id"));`);

    this.addSql(`create table "task" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "organization_id" uuid not null, "title" text not null, "description" text null, "source_meeting_id" uuid null, "source_agenda_item_id" uuid null, "source_proposal_id" uuid null, "source_programme_item_id" uuid null, "assignee_unit_id" uuid not null, "assignee_id" uuid null, "due_at" timestamptz not null, "priority" text check ("priority" in ('LOW', 'NORMAL', 'HIGH', 'URGENT')) not null default 'NORMAL', "status" text check ("status" in ('TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED')) not null default 'TODO', "progress" smallint not null default 0, "classification" text check ("classification" in ('INTERNAL', 'RESTRICTED', 'CONFIDENTIAL')) not null default 'INTERNAL', "completed_at" timestamptz null, constraint "task_pkey" primary key ("id"));`);
    this.addSql(`create index "task_organization_id_status_due_at_index" on "task" ("organization_id", "status", "due_at");`);

    this.addSql(`create table "task_update" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "task_id" uuid not null, "author_id" uuid not null, "body" text not null, "progress" smallint null, "status_from" text check ("status_from" in ('TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED')) null, "status_to" text check ("status_to" in ('TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED')) null, constraint "task_update_pkey" primary key ("id"));`);

    this.addSql(`create table "task_coordinating_units" ("task_id" uuid not null, "unit_id" uuid not null, constraint "task_coordinating_units_pkey" primary key ("task_id", "unit_id"));`);

    this.addSql(`alter table "unit" add constraint "unit_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "unit" add constraint "unit_parent_id_foreign" foreign key ("parent_id") references "unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "user" add constraint "user_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "proposal" add constraint "proposal_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "proposal" add constraint "proposal_lead_unit_id_foreign" foreign key ("lead_unit_id") references "unit" ("id") on update cascade;`);
    this.addSql(`alter table "proposal" add constraint "proposal_owner_id_foreign" foreign key ("owner_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);

    this.addSql(`alter table "meeting" add constraint "meeting_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "meeting" add constraint "meeting_committee_id_foreign" foreign key ("committee_id") references "unit" ("id") on update cascade;`);
    this.addSql(`alter table "meeting" add constraint "meeting_chair_id_foreign" foreign key ("chair_id") references "user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "meeting" add constraint "meeting_secretary_id_foreign" foreign key ("secretary_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "participant" add constraint "participant_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "participant" add constraint "participant_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "event" add constraint "event_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "event" add constraint "event_actor_id_foreign" foreign key ("actor_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "notification" add constraint "notification_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notification" add constraint "notification_event_seq_foreign" foreign key ("event_seq") references "event" ("seq") on update cascade;`);

    this.addSql(`alter table "document_version" add constraint "document_version_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "document_version" add constraint "document_version_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "appraisal" add constraint "appraisal_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appraisal" add constraint "appraisal_requested_by_id_foreign" foreign key ("requested_by_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "appraisal_comment" add constraint "appraisal_comment_appraisal_id_foreign" foreign key ("appraisal_id") references "appraisal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appraisal_comment" add constraint "appraisal_comment_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade;`);
    this.addSql(`alter table "appraisal_comment" add constraint "appraisal_comment_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);
    this.addSql(`alter table "appraisal_comment" add constraint "appraisal_comment_parent_id_foreign" foreign key ("parent_id") references "appraisal_comment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appraisal_comment" add constraint "appraisal_comment_resolved_by_id_foreign" foreign key ("resolved_by_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "appraisal_assignment" add constraint "appraisal_assignment_appraisal_id_foreign" foreign key ("appraisal_id") references "appraisal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appraisal_assignment" add constraint "appraisal_assignment_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);
    this.addSql(`alter table "appraisal_assignment" add constraint "appraisal_assignment_reviewer_id_foreign" foreign key ("reviewer_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "api_token" add constraint "api_token_owner_id_foreign" foreign key ("owner_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "agenda_item" add constraint "agenda_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_parent_id_foreign" foreign key ("parent_id") references "agenda_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_presenter_user_id_foreign" foreign key ("presenter_user_id") references "user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_presenter_unit_id_foreign" foreign key ("presenter_unit_id") references "unit" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "vote" add constraint "vote_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "work_programme" add constraint "work_programme_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "work_programme" add constraint "work_programme_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);

    this.addSql(`alter table "programme_item" add constraint "programme_item_programme_id_foreign" foreign key ("programme_id") references "work_programme" ("id") on update cascade;`);
    this.addSql(`alter table "programme_item" add constraint "programme_item_lead_unit_id_foreign" foreign key ("lead_unit_id") references "unit" ("id") on update cascade;`);
    this.addSql(`alter table "programme_item" add constraint "programme_item_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "programme_item" add constraint "programme_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "task" add constraint "task_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "task" add constraint "task_source_meeting_id_foreign" foreign key ("source_meeting_id") references "meeting" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "task" add constraint "task_source_agenda_item_id_foreign" foreign key ("source_agenda_item_id") references "agenda_item" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "task" add constraint "task_source_proposal_id_foreign" foreign key ("source_proposal_id") references "proposal" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "task" add constraint "task_source_programme_item_id_foreign" foreign key ("source_programme_item_id") references "programme_item" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "task" add constraint "task_assignee_unit_id_foreign" foreign key ("assignee_unit_id") references "unit" ("id") on update cascade;`);
    this.addSql(`alter table "task" add constraint "task_assignee_id_foreign" foreign key ("assignee_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "task_update" add constraint "task_update_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "task_update" add constraint "task_update_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "task_coordinating_units" add constraint "task_coordinating_units_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "task_coordinating_units" add constraint "task_coordinating_units_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "unit" drop constraint "unit_organization_id_foreign";`);

    this.addSql(`alter table "user" drop constraint "user_organization_id_foreign";`);

    this.addSql(`alter table "proposal" drop constraint "proposal_organization_id_foreign";`);

    this.addSql(`alter table "meeting" drop constraint "meeting_organization_id_foreign";`);

    this.addSql(`alter table "event" drop constraint "event_organization_id_foreign";`);

    this.addSql(`alter table "work_programme" drop constraint "work_programme_organization_id_foreign";`);

    this.addSql(`alter table "task" drop constraint "task_organization_id_foreign";`);

    this.addSql(`alter table "unit" drop constraint "unit_parent_id_foreign";`);

    this.addSql(`alter table "proposal" drop constraint "proposal_lead_unit_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_unit_id_foreign";`);

    this.addSql(`alter table "meeting" drop constraint "meeting_committee_id_foreign";`);

    this.addSql(`alter table "appraisal_comment" drop constraint "appraisal_comment_unit_id_foreign";`);

    this.addSql(`alter table "appraisal_assignment" drop constraint "appraisal_assignment_unit_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_presenter_unit_id_foreign";`);

    this.addSql(`alter table "work_programme" drop constraint "work_programme_unit_id_foreign";`);

    this.addSql(`alter table "programme_item" drop constraint "programme_item_lead_unit_id_foreign";`);

    this.addSql(`alter table "task" drop constraint "task_assignee_unit_id_foreign";`);

    this.addSql(`alter table "task_coordinating_units" drop constraint "task_coordinating_units_unit_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);

    this.addSql(`alter table "proposal" drop constraint "proposal_owner_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_user_id_foreign";`);

    this.addSql(`alter table "meeting" drop constraint "meeting_chair_id_foreign";`);

    this.addSql(`alter table "meeting" drop constraint "meeting_secretary_id_foreign";`);

    this.addSql(`alter table "participant" drop constraint "participant_user_id_foreign";`);

    this.addSql(`alter table "event" drop constraint "event_actor_id_foreign";`);

    this.addSql(`alter table "notification" drop constraint "notification_user_id_foreign";`);

    this.addSql(`alter table "document_version" drop constraint "document_version_author_id_foreign";`);

    this.addSql(`alter table "appraisal" drop constraint "appraisal_requested_by_id_foreign";`);

    this.addSql(`alter table "appraisal_comment" drop constraint "appraisal_comment_author_id_foreign";`);

    this.addSql(`alter table "appraisal_comment" drop constraint "appraisal_comment_resolved_by_id_foreign";`);

    this.addSql(`alter table "appraisal_assignment" drop constraint "appraisal_assignment_reviewer_id_foreign";`);

    this.addSql(`alter table "api_token" drop constraint "api_token_owner_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_presenter_user_id_foreign";`);

    this.addSql(`alter table "task" drop constraint "task_assignee_id_foreign";`);

    this.addSql(`alter table "task_update" drop constraint "task_update_author_id_foreign";`);

    this.addSql(`alter table "document_version" drop constraint "document_version_proposal_id_foreign";`);

    this.addSql(`alter table "appraisal" drop constraint "appraisal_proposal_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_proposal_id_foreign";`);

    this.addSql(`alter table "programme_item" drop constraint "programme_item_proposal_id_foreign";`);

    this.addSql(`alter table "task" drop constraint "task_source_proposal_id_foreign";`);

    this.addSql(`alter table "participant" drop constraint "participant_meeting_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_meeting_id_foreign";`);

    this.addSql(`alter table "programme_item" drop constraint "programme_item_meeting_id_foreign";`);

    this.addSql(`alter table "task" drop constraint "task_source_meeting_id_foreign";`);

    this.addSql(`alter table "notification" drop constraint "notification_event_seq_foreign";`);

    this.addSql(`alter table "appraisal_comment" drop constraint "appraisal_comment_appraisal_id_foreign";`);

    this.addSql(`alter table "appraisal_assignment" drop constraint "appraisal_assignment_appraisal_id_foreign";`);

    this.addSql(`alter table "appraisal_comment" drop constraint "appraisal_comment_parent_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_parent_id_foreign";`);

    this.addSql(`alter table "vote" drop constraint "vote_agenda_item_id_foreign";`);

    this.addSql(`alter table "task" drop constraint "task_source_agenda_item_id_foreign";`);

    this.addSql(`alter table "programme_item" drop constraint "programme_item_programme_id_foreign";`);

    this.addSql(`alter table "task" drop constraint "task_source_programme_item_id_foreign";`);

    this.addSql(`alter table "task_update" drop constraint "task_update_task_id_foreign";`);

    this.addSql(`alter table "task_coordinating_units" drop constraint "task_coordinating_units_task_id_foreign";`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "unit" cascade;`);

    this.addSql(`drop table if exists "user" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "proposal" cascade;`);

    this.addSql(`drop table if exists "membership" cascade;`);

    this.addSql(`drop table if exists "meeting" cascade;`);

    this.addSql(`drop table if exists "participant" cascade;`);

    this.addSql(`drop table if exists "event" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "document_version" cascade;`);

    this.addSql(`drop table if exists "appraisal" cascade;`);

    this.addSql(`drop table if exists "appraisal_comment" cascade;`);

    this.addSql(`drop table if exists "appraisal_assignment" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);

    this.addSql(`drop table if exists "agenda_item" cascade;`);

    this.addSql(`drop table if exists "vote" cascade;`);

    this.addSql(`drop table if exists "work_programme" cascade;`);

    this.addSql(`drop table if exists "programme_item" cascade;`);

    this.addSql(`drop table if exists "task" cascade;`);

    this.addSql(`drop table if exists "task_update" cascade;`);

    this.addSql(`drop table if exists "task_coordinating_units" cascade;`);
  }

}
