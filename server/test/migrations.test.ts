import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/config/orm.js';
import { migrationsList } from '../src/migrations/index.js';
import { createPostgresDatabase, usingPostgres } from './support/database.js';

async function tables(db: Database): Promise<string[]> {
  const rows: { table_name: string }[] = await db.orm.em
    .getConnection()
    .execute(
      "select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'mikro_orm_migrations' order by 1",
    );
  return rows.map((row) => row.table_name);
}

const expectedTables = [
  'agenda_item',
  'api_token',
  'appraisal',
  'appraisal_assignment',
  'appraisal_comment',
  'attachment',
  'document_version',
  'event',
  'login_attempt',
  'meeting',
  'meeting_access',
  'meeting_minutes',
  'membership',
  'notification',
  'notification_preference',
  'organization',
  'participant',
  'programme_item',
  'proposal',
  'proposal_access',
  'session',
  'task',
  'task_access',
  'task_coordinating_units',
  'task_reminder',
  'task_update',
  'unit',
  'user',
  'vote',
  'webhook',
  'webhook_attempt',
  'webhook_delivery',
  'work_programme',
];

async function roundTrip(db: Database): Promise<void> {
  expect(await tables(db)).toEqual(expectedTables);
  const migrator = db.orm.getMigrator();
  expect(await migrator.getPendingMigrations()).toEqual([]);
  await migrator.down({ to: 0 });
  expect(await tables(db)).toEqual([]);
  await migrator.up();
  expect(await tables(db)).toEqual(expectedTables);
  expect((await migrator.getExecutedMigrations()).map((m) => m.name)).toEqual(
    migrationsList.map((m) => m.name),
  );
}

describe('migrations', () => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  it('apply to an empty PGlite, and down then up round-trips', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    cleanup.push(() => db.close());
    await roundTrip(db);
  });

  it.skipIf(!usingPostgres)('apply to an empty PostgreSQL, and down then up round-trips', async () => {
    const fresh = await createPostgresDatabase();
    cleanup.push(() => fresh.drop());
    const db = await openDatabase({ databaseUrl: fresh.url, dataDir: 'memory://' });
    cleanup.push(() => db.close());
    await roundTrip(db);
  });
});
