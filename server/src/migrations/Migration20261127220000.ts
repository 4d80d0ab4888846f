import { Migration } from '@mikro-orm/migrations';

export class Migration20261127220000 extends Migration {

  override async up(): Promise<void> {
    // Files of tasks' progress reports: of the task, and of the report once it is sent.
    this.addSql(`alter table "attachment" add column "task_id" uuid null, add column "task_update_id" uuid null;`);
    this.addSql(`alter table "attachment" add constraint "attachment_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attachment" add constraint "attachment_task_update_id_foreign" foreign key ("task_update_id") references "task_update" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "attachment_task_id_index" on "attachment" ("task_id");`);
    this.addSql(`create index "attachment_task_update_id_index" on "attachment" ("task_update_id");`);
    this.addSql(`alter table "attachment" drop constraint "attachment_owner_check";`);
    this.addSql(`alter table "attachment" add constraint "attachment_owner_check" check (num_nonnulls("meeting_id", "proposal_id", "task_id") = 1);`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "attachment" where "task_id" is not null;`);
    this.addSql(`alter table "attachment" drop constraint "attachment_owner_check";`);
    this.addSql(`alter table "attachment" add constraint "attachment_owner_check" check (("meeting_id" is null) <> ("proposal_id" is null));`);
    this.addSql(`alter table "attachment" drop constraint "attachment_task_update_id_foreign", drop constraint "attachment_task_id_foreign";`);
    this.addSql(`alter table "attachment" drop column "task_update_id", drop column "task_id";`);
  }

}
