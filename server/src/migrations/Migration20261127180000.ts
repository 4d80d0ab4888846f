import { Migration } from '@mikro-orm/migrations';

export class Migration20261127180000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "proposal" add column "body_html" text null;`);
    // Bodies that are text only so far: one paragraph per line, as co-editing will open them.
    this.addSql(`update "proposal" set "body_html" = '<p>' || replace(replace(replace(replace("body_text", '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), E'\\n', '</p><p>') || '</p>' where "body" is null and "body_text" <> '';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "proposal" drop column "body_html";`);
  }

}
