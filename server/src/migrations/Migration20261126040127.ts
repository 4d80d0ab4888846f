import { Migration } from '@mikro-orm/migrations';

export class Migration20261126040127 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "attachment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "meeting_id" uuid not null, "agenda_item_id" uuid null, "name" text not null, "media_type" text not null, "size" int not null, "content" bytea not null, "uploaded_by_id" uuid not null, constraint "attachment_pkey" primary key ("id"));`);
    this.addSql(`create index "attachment_meeting_id_agenda_item_id_index" on "attachment" ("meeting_id", "agenda_item_id");`);

    this.addSql(`alter table "attachment" add constraint "attachment_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attachment" add constraint "attachment_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attachment" add constraint "attachment_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "meeting" add column "is_template" boolean not null default false;`);

    this.addSql(`alter table "agenda_item" add column "presenter_confirmed_at" timestamptz null, add column "presenter_confirmed_by_id" uuid null, add column "materials_required" boolean not null default true;`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_presenter_confirmed_by_id_foreign" foreign key ("presenter_confirmed_by_id") references "user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "attachment" cascade;`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_presenter_confirmed_by_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop column "presenter_confirmed_at", drop column "presenter_confirmed_by_id", drop column "materials_required";`);

    this.addSql(`alter table "meeting" drop column "is_template";`);
  }

}
