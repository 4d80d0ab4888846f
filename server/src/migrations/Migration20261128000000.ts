import { Migration } from '@mikro-orm/migrations';

/** What each table searches: its title (phrase and prefix matches, trigram index) and all its text (words). */
const searched: { table: string; title?: string; text: string[] }[] = [
  { table: 'meeting', title: 'title', text: ['title', 'location'] },
  { table: 'agenda_item', title: 'title', text: ['title', 'description'] },
  { table: 'proposal', title: 'title', text: ['reference_number', 'title', 'summary', 'body_text'] },
  { table: 'appraisal_comment', text: ['body'] },
  { table: 'task', title: 'title', text: ['title', 'description'] },
];

/** The folded form searched: lower case, without Vietnamese (or any) diacritics, đ as d. */
const folded = (sql: string) => `immutable_unaccent(lower(${sql}))`;

/** The generated columns' SQL (the entities declare the same expressions). */
function searchTitleSql(column: string): string {
  return `(${folded(`"${column}"`)}) stored`;
}

function searchTextSql(columns: string[]): string {
  const text = columns.map((column) => `coalesce("${column}", '')`).join(` || ' ' || `);
  return `(to_tsvector('simple'::regconfig, ${folded(text)})) stored`;
}

export class Migration20261128000000 extends Migration {

  override async up(): Promise<void> {
    // Search insensitive to diacritics: unaccent folds "Tờ trình" to "To trinh" (and đ to d); its own function
    // is STABLE (it reads a dictionary found through search_path), so generated columns and indexes call it
    // through an IMMUTABLE wrapper naming the dictionary by schema.
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `create or replace function immutable_unaccent(text) returns text language sql immutable parallel safe strict ` +
        `as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;`,
    );
    for (const { table, title, text } of searched) {
      if (title) {
        this.addSql(
          `alter table "${table}" add column "search_title" text generated always as ${searchTitleSql(title)};`,
        );
        this.addSql(
          `create index "${table}_search_title_index" on "${table}" using gin ("search_title" gin_trgm_ops);`,
        );
      }
      this.addSql(
        `alter table "${table}" add column "search_text" tsvector generated always as ${searchTextSql(text)};`,
      );
      this.addSql(`create index "${table}_search_text_index" on "${table}" using gin ("search_text");`);
    }
  }

  override async down(): Promise<void> {
    for (const { table, title } of searched) {
      this.addSql(`alter table "${table}" drop column "search_text";`);
      if (title) this.addSql(`alter table "${table}" drop column "search_title";`);
    }
    this.addSql(`drop function if exists immutable_unaccent(text);`);
    this.addSql(`drop extension if exists pg_trgm;`);
    this.addSql(`drop extension if exists unaccent;`);
  }

}
