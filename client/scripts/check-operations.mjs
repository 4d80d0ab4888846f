// Validates every gql`…` document in client/src against schema/schema.graphql, the same
// validation the server runs, so an operation the schema lacks fails here and not at run time.
// Run: pnpm --filter @quorum/client check:operations
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate, visit } from 'graphql';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = buildSchema(readFileSync(path.join(here, '../../schema/schema.graphql'), 'utf8'));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const sources = [];
for (const file of files(path.join(here, '../src'))) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/gql`((?:\\`|[^`])*)`/g)) {
    // Interpolated fragments are validated with the document that uses them below.
    sources.push({ file, body: match[1].replace(/\\`/g, '`').replace(/\$\{[^}]*\}/g, '') });
  }
}

const fragments = new Map();
const operations = [];
for (const { file, body } of sources) {
  const doc = parse(body);
  for (const definition of doc.definitions) {
    if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition);
    else operations.push({ file, definition });
  }
}

function spreads(node, found = new Set()) {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      if (found.has(name)) return;
      found.add(name);
      const fragment = fragments.get(name);
      if (fragment) spreads(fragment, found);
    },
  });
  return found;
}

let failed = 0;
for (const { file, definition } of operations) {
  const needed = [...spreads(definition)].map((name) => fragments.get(name)).filter(Boolean);
  const errors = validate(schema, { kind: 'Document', definitions: [definition, ...needed] });
  const name = definition.name?.value ?? '(anonymous)';
  if (errors.length > 0) {
    failed += 1;
    console.error(`✗ ${name} (${path.relative(process.cwd(), file)})`);
    for (const error of errors) console.error(`    ${error.message}`);
  } else {
    console.log(`✓ ${name}`);
  }
}
console.log(`${operations.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
