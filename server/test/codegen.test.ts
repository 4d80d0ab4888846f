// Operations are checked against the schema by GraphQL Code Generator (`pnpm codegen`, run with --check by
// `pnpm typecheck`, issue 15 item 1): an operation asking for a field the schema does not have fails there,
// before any TypeScript is compiled.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('codegen of operations', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quorum-codegen-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const run = async (operation: string) => {
    const documents = path.join(dir, `${Math.random().toString(36).slice(2)}.graphql`);
    await writeFile(documents, operation);
    return generate(
      {
        schema: path.join(root, 'schema/schema.graphql'),
        silent: true,
        generates: {
          [path.join(dir, 'out.ts')]: {
            documents,
            plugins: ['typescript-operations', 'typed-document-node'],
          },
        },
      },
      false,
    );
  };

  it('types an operation the schema answers', async () => {
    const [output] = await run('query Titles { meetings(first: 5) { edges { node { id title } } } }');
    expect(output!.content).toContain('export type TitlesQuery');
  });

  it('fails on a field the schema does not have', async () => {
    await expect(run('query Wrong { meetings { edges { node { id agendaTitle } } } }')).rejects.toThrow(
      /agendaTitle/,
    );
  });
});
