import { Migration } from '@mikro-orm/migrations';

export class Migration20261127200000 extends Migration {

  override async up(): Promise<void> {
    // Versions of a proposal's body: why each was taken, the Yjs state (to restore it) and the HTML beside the
    // text; the text and HTML are read one version at a time. Versions from before keep their text only.
    this.addSql(`alter table "document_version" add column "kind" text check ("kind" in ('MANUAL', 'STATUS_CHANGE', 'RESTORE_POINT')) not null default 'MANUAL', add column "html" text null, add column "state" bytea null;`);
    this.addSql(`create index "document_version_proposal_id_created_at_index" on "document_version" ("proposal_id", "created_at");`);

    // Files of a proposal: an attachment belongs to a meeting or to a proposal, never both.
    this.addSql(`alter table "attachment" alter column "meeting_id" drop not null;`);
    this.addSql(`alter table "attachment" add column "proposal_id" uuid null;`);
    this.addSql(`alter table "attachment" add constraint "attachment_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "attachment_proposal_id_index" on "attachment" ("proposal_id");`);
    this.addSql(`alter table "attachment" add constraint "attachment_owner_check" check (("meeting_id" is null) <> ("proposal_id" is null));`);
  }

  override async down(): Promise<void> {
    // Files of proposals cannot be kept where every file is a meeting's.
    this.addSql(`delete from "attachment" where "proposal_id" is not null;`);
    this.addSql(`alter table "attachment" drop constraint "attachment_owner_check";`);
    this.addSql(`drop index "attachment_proposal_id_index";`);
    this.addSql(`alter table "attachment" drop constraint "attachment_proposal_id_foreign";`);
    this.addSql(`alter table "attachment" drop column "proposal_id";`);
    this.addSql(`alter table "attachment" alter column "meeting_id" set not null;`);

    this.addSql(`drop index "document_version_proposal_id_created_at_index";`);
    this.addSql(`alter table "document_version" drop column "kind", drop column "html", drop column "state";`);
  }

}
