import { Migration } from '@mikro-orm/migrations';

export class Migration20261128031000 extends Migration {

  override async up(): Promise<void> {
    // Versions of a meeting's minutes beside those of proposals' bodies: a version belongs to a proposal or to
    // a meeting, never both (every existing version is a proposal's).
    this.addSql(`alter table "document_version" alter column "proposal_id" drop not null;`);
    this.addSql(`alter table "document_version" add column "meeting_id" uuid null;`);
    this.addSql(`alter table "document_version" add constraint "document_version_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "document_version_meeting_id_created_at_index" on "document_version" ("meeting_id", "created_at");`);
    this.addSql(`alter table "document_version" add constraint "document_version_owner_check" check (("proposal_id" is null) <> ("meeting_id" is null));`);
  }

  override async down(): Promise<void> {
    // Versions of minutes cannot be kept where every version is a proposal's.
    this.addSql(`delete from "document_version" where "meeting_id" is not null;`);
    this.addSql(`alter table "document_version" drop constraint "document_version_owner_check";`);
    this.addSql(`drop index "document_version_meeting_id_created_at_index";`);
    this.addSql(`alter table "document_version" drop constraint "document_version_meeting_id_foreign";`);
    this.addSql(`alter table "document_version" drop column "meeting_id";`);
    this.addSql(`alter table "document_version" alter column "proposal_id" set not null;`);
  }

}
