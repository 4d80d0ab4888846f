// The schema's compatibility check (issue 15 item 5, `pnpm schema:check`): graphql-inspector's diff of two
// versions, where a breaking change fails unless it removes what the base had deprecated.
import { describe, expect, it } from 'vitest';
import { schemaChanges, unannounced } from '../src/schema-compat.js';

const base = `
  type Query { meeting(id: ID!): Meeting }
  type Meeting {
    id: ID!
    title: String!
    place: String @deprecated(reason: "Use location")
    location: String
  }
`;

describe('schema:check', () => {
  it('fails on a removed field', async () => {
    const next = base.replace('title: String!', '');
    const refused = unannounced(await schemaChanges(base, next));
    expect(refused.map((change) => change.message)).toEqual([
      "Field 'title' was removed from object type 'Meeting'",
    ]);
  });

  it('passes on an added field and an added type', async () => {
    const next = base
      .replace('location: String', 'location: String\n durationMinutes: Int')
      .concat('\ntype Vote { id: ID! }');
    const changes = await schemaChanges(base, next);
    expect(changes.length).toBeGreaterThan(0);
    expect(unannounced(changes)).toEqual([]);
  });

  it('passes on removing a field that was deprecated first', async () => {
    const next = base.replace(/place: String @deprecated\(reason: "Use location"\)/, '');
    const changes = await schemaChanges(base, next);
    expect(changes.map((change) => [change.level, change.announced])).toEqual([['BREAKING', true]]);
    expect(unannounced(changes)).toEqual([]);
  });

  it('fails on making an output field nullable and an argument required', async () => {
    const next = base
      .replace('title: String!', 'title: String')
      .replace('meeting(id: ID!)', 'meeting(id: ID!, at: String!)');
    expect(unannounced(await schemaChanges(base, next))).toHaveLength(2);
  });
});
