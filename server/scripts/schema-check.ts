// `pnpm schema:check`: compares schema/schema.graphql with the base version and fails on a breaking change
// that was not announced by a deprecation (DESIGN, "API conventions"; CHANGELOG.md records the changes).
// The base is SCHEMA_BASE (a git revision) or, by default, where this branch left origin/main, or the
// previous commit when that is this very commit (CI on main checks each commit against the one before).
// Without a base in the history (a shallow clone), it says so and passes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { schemaChanges, unannounced } from '../src/schema-compat.js';

const root = path.resolve(import.meta.dirname, '../..');
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const tryGit = (...args: string[]) => {
  try {
    return git(...args);
  } catch {
    return null;
  }
};

function baseRevision(): string | null {
  if (process.env.SCHEMA_BASE) return process.env.SCHEMA_BASE;
  const head = tryGit('rev-parse', 'HEAD');
  const forkPoint = tryGit('merge-base', 'HEAD', 'origin/main') ?? tryGit('merge-base', 'HEAD', 'main');
  if (forkPoint && forkPoint !== head) return forkPoint;
  return tryGit('rev-parse', 'HEAD~1');
}

const base = baseRevision();
const baseSdl = base ? tryGit('show', `${base}:schema/schema.graphql`) : null;
if (!base || baseSdl === null) {
  console.log('schema:check: no base version of schema/schema.graphql in the history; nothing to compare');
  process.exit(0);
}
const nextSdl = readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8');
const changes = await schemaChanges(baseSdl, nextSdl);
console.log(`schema:check against ${base.slice(0, 12)}: ${changes.length} change(s)`);
for (const change of changes)
  console.log(`  ${change.announced ? 'REMOVED (deprecated first)' : change.level}: ${change.message}`);
const refused = unannounced(changes);
if (refused.length > 0) {
  console.error(
    `schema:check: ${refused.length} breaking change(s); deprecate first (@deprecated), remove in a later version`,
  );
  process.exit(1);
}
