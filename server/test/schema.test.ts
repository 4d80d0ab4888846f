import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printSdl } from '../src/schema.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `pnpm schema:emit` after changing it)', async () => {
    const committed = await readFile(
      path.resolve(import.meta.dirname, '../../schema/schema.graphql'),
      'utf8',
    );
    expect(committed).toBe(await printSdl());
  });
});
