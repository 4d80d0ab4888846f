import { Migration } from '@mikro-orm/migrations';

export class Migration20261127174000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "appraisal" add column "note" text null, add column "shared_comments" boolean not null default true, add column "closed_at" timestamptz null;`);
    // Rounds closed before the column existed: their last change is when they closed.
    this.addSql(`update "appraisal" set "closed_at" = "updated_at" where "status" = 'CLOSED';`);
    this.addSql(`alter table "appraisal_comment" add column "answer" text null, add column "resolved_at" timestamptz null;`);
    this.addSql(`update "appraisal_comment" set "resolved_at" = "updated_at" where "status" = 'RESOLVED';`);
    this.addSql(`create index "appraisal_proposal_id_index" on "appraisal" ("proposal_id");`);
    this.addSql(`create index "appraisal_comment_appraisal_id_index" on "appraisal_comment" ("appraisal_id");`);

    // An object's history and a stream of one object read the trail by subject too.
    this.addSql(`create index "event_subject_type_subject_id_seq_index" on "event" ("subject_type", "subject_id", "seq");`);
    this.addSql(`alter table "event" drop constraint if exists "event_subject_type_check";`);
    this.addSql(`alter table "event" drop constraint if exists "event_scope_type_check";`);
    this.addSql(`alter table "event" add constraint "event_subject_type_check" check("subject_type" in ('ORGANIZATION', 'UNIT', 'USER', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK', 'APPRAISAL'));`);
    this.addSql(`alter table "event" add constraint "event_scope_type_check" check("scope_type" in ('ORGANIZATION', 'UNIT', 'USER', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK', 'APPRAISAL'));`);
  }

  override async down(): Promise<void> {
    // Events about appraisal rounds cannot be kept under the older constraint.
    this.addSql(`delete from "event" where "subject_type" = 'APPRAISAL' or "scope_type" = 'APPRAISAL';`);
    this.addSql(`alter table "event" drop constraint if exists "event_subject_type_check";`);
    this.addSql(`alter table "event" drop constraint if exists "event_scope_type_check";`);
    this.addSql(`alter table "event" add constraint "event_subject_type_check" check("subject_type" in ('ORGANIZATION', 'UNIT', 'USER', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK'));`);
    this.addSql(`alter table "event" add constraint "event_scope_type_check" check("scope_type" in ('ORGANIZATION', 'UNIT', 'USER', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK'));`);

    this.addSql(`drop index "event_subject_type_subject_id_seq_index";`);
    this.addSql(`drop index "appraisal_comment_appraisal_id_index";`);
    this.addSql(`drop index "appraisal_proposal_id_index";`);
    this.addSql(`alter table "appraisal_comment" drop column "answer", drop column "resolved_at";`);
    this.addSql(`alter table "appraisal" drop column "note", drop column "shared_comments", drop column "closed_at";`);
  }

}
