import { Migration } from '@mikro-orm/migrations';

export class Migration20261127143140 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "login_attempt" add column "succeeded" boolean not null default false;`);

    this.addSql(`alter table "api_token" add column "review_requested_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_token" drop column "review_requested_at";`);

    this.addSql(`alter table "login_attempt" drop column "succeeded";`);
  }

}
