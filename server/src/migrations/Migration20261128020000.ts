import { Migration } from '@mikro-orm/migrations';

export class Migration20261128020000 extends Migration {

  override async up(): Promise<void> {
    // A meeting's minutes, co-edited over /collab: the Yjs state, with its text and HTML kept current.
    this.addSql(`create table "meeting_minutes" ("meeting_id" uuid not null, "state" bytea not null, "text" text not null default '', "html" text null, "updated_at" timestamptz not null, constraint "meeting_minutes_pkey" primary key ("meeting_id"));`);
    this.addSql(`alter table "meeting_minutes" add constraint "meeting_minutes_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "meeting_minutes" cascade;`);
  }

}
