import { Migration } from '@mikro-orm/migrations';

export class Migration20261127090018 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "event" drop constraint if exists "event_subject_type_check";`);
    this.addSql(`alter table "event" drop constraint if exists "event_scope_type_check";`);

    this.addSql(`alter table "event" add constraint "event_subject_type_check" check("subject_type" in ('ORGANIZATION', 'UNIT', 'USER', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK'));`);
    this.addSql(`alter table "event" add constraint "event_scope_type_check" check("scope_type" in ('ORGANIZATION', 'UNIT', 'USER', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK'));`);
  }

  override async down(): Promise<void> {
    // Events about users cannot be kept under the older constraint.
    this.addSql(`delete from "event" where "subject_type" = 'USER' or "scope_type" = 'USER';`);
    this.addSql(`alter table "event" drop constraint if exists "event_subject_type_check";`);
    this.addSql(`alter table "event" drop constraint if exists "event_scope_type_check";`);

    this.addSql(`alter table "event" add constraint "event_subject_type_check" check("subject_type" in ('ORGANIZATION', 'UNIT', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK'));`);
    this.addSql(`alter table "event" add constraint "event_scope_type_check" check("scope_type" in ('ORGANIZATION', 'UNIT', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK'));`);
  }

}
