import { Migration } from '@mikro-orm/migrations';

export class Migration20261128040000 extends Migration {

  override async up(): Promise<void> {
    // An agenda item's description and conclusion, co-edited over /collab: the Yjs state of each (the text
    // stays in `description` and `conclusion`).
    this.addSql(`alter table "agenda_item" add column "description_state" bytea null, add column "conclusion_state" bytea null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "agenda_item" drop column "description_state", drop column "conclusion_state";`);
  }

}
