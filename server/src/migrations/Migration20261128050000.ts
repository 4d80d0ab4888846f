import { Migration } from '@mikro-orm/migrations';

export class Migration20261128050000 extends Migration {

  override async up(): Promise<void> {
    // Webhooks: integrators' endpoints, each event's delivery to them, and every HTTP attempt of a delivery.
    this.addSql(`create table "webhook" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "owner_id" uuid not null, "api_token_id" uuid not null, "url" text not null, "event_types" jsonb not null, "scope_type" text check ("scope_type" in ('ORGANIZATION', 'UNIT', 'USER', 'MEETING', 'AGENDA_ITEM', 'PROPOSAL', 'TASK', 'APPRAISAL', 'PROGRAMME', 'PROGRAMME_ITEM')) not null, "scope_id" uuid null, "secret" text not null, "cursor" bigint not null, "lease_until" timestamptz null, "disabled_at" timestamptz null, "disabled_reason" text null, constraint "webhook_pkey" primary key ("id"));`);
    this.addSql(`alter table "webhook" add constraint "webhook_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook" add constraint "webhook_owner_id_foreign" foreign key ("owner_id") references "user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook" add constraint "webhook_api_token_id_foreign" foreign key ("api_token_id") references "api_token" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "webhook_organization_id_index" on "webhook" ("organization_id");`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "webhook_id" uuid not null, "event_seq" bigint not null, "event_type" text not null, "status" text check ("status" in ('PENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', "attempt_count" int not null default 0, "next_attempt_at" timestamptz not null, "delivered_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_webhook_id_foreign" foreign key ("webhook_id") references "webhook" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_webhook_id_event_seq_unique" unique ("webhook_id", "event_seq");`);
    this.addSql(`create index "webhook_delivery_webhook_id_status_event_seq_index" on "webhook_delivery" ("webhook_id", "status", "event_seq");`);

    this.addSql(`create table "webhook_attempt" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "delivery_id" uuid not null, "response_status" int null, "error" text null, "duration_ms" int not null, constraint "webhook_attempt_pkey" primary key ("id"));`);
    this.addSql(`alter table "webhook_attempt" add constraint "webhook_attempt_delivery_id_foreign" foreign key ("delivery_id") references "webhook_delivery" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "webhook_attempt_delivery_id_created_at_index" on "webhook_attempt" ("delivery_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_attempt" cascade;`);
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
    this.addSql(`drop table if exists "webhook" cascade;`);
  }

}
