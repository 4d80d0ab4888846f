import { Migration } from '@mikro-orm/migrations';

export class Migration20261127190000 extends Migration {

  override async up(): Promise<void> {
    // Events about programme items (adopted with their proposal).
    this.addSql(`alter table "event" drop constraint if exists "event_subject_type_check";`);
    this.addSql(`alter table "event" drop constraint if exists "event_scope_type_check";`);
    this.addSql(`alter table "event" add constraint "event_subject_type_check" check("subject_type" in ('ORGANIZATION', 'UNIT', 'USER', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK', 'APPRAISAL', 'PROGRAMME_ITEM'));`);
    this.addSql(`alter table "event" add constraint "event_scope_type_check" check("scope_type" in ('ORGANIZATION', 'UNIT', 'USER', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK', 'APPRAISAL', 'PROGRAMME_ITEM'));`);
    this.addSql(`create index "programme_item_proposal_id_index" on "programme_item" ("proposal_id");`);

    // Who assigned a task; its due-date history in its updates; the tasks of a meeting.
    this.addSql(`alter table "task" add column "created_by_id" uuid null;`);
    this.addSql(`alter table "task" add constraint "task_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "task_source_meeting_id_index" on "task" ("source_meeting_id");`);
    this.addSql(`alter table "task_update" add column "due_at_before" timestamptz null, add column "due_at_after" timestamptz null;`);
    this.addSql(`create index "task_update_task_id_created_at_index" on "task_update" ("task_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "task_update_task_id_created_at_index";`);
    this.addSql(`alter table "task_update" drop column "due_at_before", drop column "due_at_after";`);
    this.addSql(`drop index "task_source_meeting_id_index";`);
    this.addSql(`alter table "task" drop constraint "task_created_by_id_foreign";`);
    this.addSql(`alter table "task" drop column "created_by_id";`);

    this.addSql(`drop index "programme_item_proposal_id_index";`);
    // Events about programme items cannot be kept under the older constraint.
    this.addSql(`delete from "event" where "subject_type" = 'PROGRAMME_ITEM' or "scope_type" = 'PROGRAMME_ITEM';`);
    this.addSql(`alter table "event" drop constraint if exists "event_subject_type_check";`);
    this.addSql(`alter table "event" drop constraint if exists "event_scope_type_check";`);
    this.addSql(`alter table "event" add constraint "event_subject_type_check" check("subject_type" in ('ORGANIZATION', 'UNIT', 'USER', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK', 'APPRAISAL'));`);
    this.addSql(`alter table "event" add constraint "event_scope_type_check" check("scope_type" in ('ORGANIZATION', 'UNIT', 'USER', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK', 'APPRAISAL'));`);
  }

}
