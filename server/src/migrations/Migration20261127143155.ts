import { Migration } from '@mikro-orm/migrations';

export class Migration20261127143155 extends Migration {

  override async up(): Promise<void> {
    // Files stored before uploads were hashed get their hash from their bytes.
    this.addSql(`alter table "attachment" add column "sha256" text null;`);
    this.addSql(`update "attachment" set "sha256" = encode(sha256("content"), 'hex');`);
    this.addSql(`alter table "attachment" alter column "sha256" set not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "attachment" drop column "sha256";`);
  }

}
