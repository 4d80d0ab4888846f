// Used only by the MikroORM CLI (`pnpm --filter @quorum/server migration:create`), against a real PostgreSQL.
import 'reflect-metadata';
import { defineConfig } from '@mikro-orm/postgresql';
import { baseOptions } from './orm.js';

export default defineConfig({
  ...baseOptions,
  clientUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/quorum_dev',
});
