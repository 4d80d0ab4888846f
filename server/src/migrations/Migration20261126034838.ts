import { Migration } from '@mikro-orm/migrations';

export class Migration20261126034838 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "login_attempt" ("id" uuid not null, "email" text not null, "address" text not null, "attempted_at" timestamptz not null, constraint "login_attempt_pkey" primary key ("id"));`);
    this.addSql(`create index "login_attempt_address_attempted_at_index" on "login_attempt" ("address", "attempted_at");`);
    this.addSql(`create index "login_attempt_email_attempted_at_index" on "login_attempt" ("email", "attempted_at");`);

    this.addSql(`create table "proposal_access" ("proposal_id" uuid not null, "user_id" uuid not null, constraint "proposal_access_pkey" primary key ("proposal_id", "user_id"));`);

    this.addSql(`create table "meeting_access" ("meeting_id" uuid not null, "user_id" uuid not null, constraint "meeting_access_pkey" primary key ("meeting_id", "user_id"));`);

    this.addSql(`create table "task_access" ("task_id" uuid not null, "user_id" uuid not null, constraint "task_access_pkey" primary key ("task_id", "user_id"));`);

    this.addSql(`alter table "proposal_access" add constraint "proposal_access_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "proposal_access" add constraint "proposal_access_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "meeting_access" add constraint "meeting_access_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "meeting_access" add constraint "meeting_access_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "task_access" add constraint "task_access_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "task_access" add constraint "task_access_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "event" add column "audit_only" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_attempt" cascade;`);

    this.addSql(`drop table if exists "proposal_access" cascade;`);

    this.addSql(`drop table if exists "meeting_access" cascade;`);

    this.addSql(`drop table if exists "task_access" cascade;`);

    this.addSql(`alter table "event" drop column "audit_only";`);
  }

}
