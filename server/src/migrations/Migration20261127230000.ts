import { Migration } from '@mikro-orm/migrations';

const before = `'ORGANIZATION', 'UNIT', 'USER', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK', 'APPRAISAL', 'PROGRAMME_ITEM'`;
const after = `${before}, 'PROGRAMME'`;

export class Migration20261127230000 extends Migration {

  override async up(): Promise<void> {
    // Events about work programmes (the office edits them and their items).
    this.addSql(`alter table "event" drop constraint if exists "event_subject_type_check";`);
    this.addSql(`alter table "event" drop constraint if exists "event_scope_type_check";`);
    this.addSql(`alter table "event" add constraint "event_subject_type_check" check("subject_type" in (${after}));`);
    this.addSql(`alter table "event" add constraint "event_scope_type_check" check("scope_type" in (${after}));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "event" where "subject_type" = 'PROGRAMME' or "scope_type" = 'PROGRAMME';`);
    this.addSql(`alter table "event" drop constraint if exists "event_subject_type_check";`);
    this.addSql(`alter table "event" drop constraint if exists "event_scope_type_check";`);
    this.addSql(`alter table "event" add constraint "event_subject_type_check" check("subject_type" in (${before}));`);
    this.addSql(`alter table "event" add constraint "event_scope_type_check" check("scope_type" in (${before}));`);
  }

}
