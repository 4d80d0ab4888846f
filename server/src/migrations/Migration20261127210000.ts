import { Migration } from '@mikro-orm/migrations';

export class Migration20261127210000 extends Migration {

  override async up(): Promise<void> {
    // What the reminder job sent: one row per task, kind and due date, so a run never sends twice and an
    // extension of the due date arms the reminders again.
    this.addSql(`create table "task_reminder" ("task_id" uuid not null, "kind" text not null, "due_at" timestamptz not null, "sent_at" timestamptz not null, constraint "task_reminder_pkey" primary key ("task_id", "kind", "due_at"));`);
    this.addSql(`alter table "task_reminder" add constraint "task_reminder_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "task_reminder" cascade;`);
  }

}
