import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Classification } from '@quorum/shared';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Attachment, Meeting, Participant } from '../src/entities/index.js';
import { seedIfEmpty } from '../src/seeders/seed.js';
import { entityOf, leavesOf, operationFor, workingArguments, type Working } from './support/fuzz.js';
import { startTestServer, type TestServer } from './support/server.js';

// Issue 10 item 5: a command that starts from an object inside a meeting (an agenda item, a participant, an
// attachment) must answer for one in a meeting the viewer may not see exactly as for one that does not exist,
// and never name the meeting. Every such mutation of the schema is tried, as a drafter who is not on the
// confidential meeting's access list.

const password = 'hidden meeting password';
const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
/** The objects that live inside a meeting. */
const children = ['AgendaItem', 'Participant', 'Attachment'];

let t: TestServer;
let token = '';
let hidden: Meeting;
const inside = new Map<string, string>();

describe('a refusal never names a meeting the viewer may not see', () => {
  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      await seedIfEmpty(db.orm, password);
    });
    const em = t.db.orm.em.fork();
    hidden = await em.findOneOrFail(
      Meeting,
      { agendaItems: { $ne: null }, participants: { $ne: null } },
      { populate: ['agendaItems', 'participants', 'accessList'] },
    );
    hidden.classification = Classification.CONFIDENTIAL;
    hidden.accessList.removeAll();
    await em.flush();
    inside.set('AgendaItem', hidden.agendaItems[0]!.id);
    inside.set('Participant', hidden.participants[0]!.id);
    const attachment = await em.findOne(Attachment, { meeting: hidden });
    if (attachment) inside.set('Attachment', attachment.id);
    // Not a participant of it either: the drafter cannot see it at all.
    await em.nativeDelete(Participant, { meeting: hidden, user: { email: 'tochuc@quorum.test' } });
    t.accessChanged(hidden.organization.id);
    const login = await t.gql<{ login: { token: string } }>(
      `mutation($input: LoginInput!) { login(input: $input) { token } }`,
      { input: { email: 'tochuc@quorum.test', password } },
    );
    token = login.data!.login.token;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('answers NOT_FOUND naming the object, the same for one in a hidden meeting as for one that does not exist', async () => {
    const entities = Object.values(t.db.orm.getMetadata().getAll()).map((meta) => meta.className);
    const tried: string[] = [];
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      // The mutations that start from an object inside a meeting (not from the meeting, which the caller names).
      const named = field.args
        .flatMap((arg) => leavesOf(arg, field.name))
        .filter((leaf) => leaf.type.name === 'ID')
        .map((leaf) => entityOf(String(leaf.path.at(-1)), leaf.holder, entities));
      const child = named.find((entity) => entity && children.includes(entity) && inside.has(entity));
      if (!child || named.some((entity) => !entity || entity === 'Meeting')) continue;
      const answer = async (id: string) => {
        const working: Working = {
          id: (entity) => (entity === child ? id : hidden.id),
          email: () => 'nobody@quorum.test',
          password,
        };
        const variables = workingArguments(field, working, entities);
        // The version is not what is refused here; any number does.
        const input = variables.input as Record<string, unknown> | undefined;
        if (input && 'expectedVersion' in input) input.expectedVersion = 1;
        const response = await t.gql(operationFor('mutation', field), variables, token);
        return response.errors?.[0];
      };
      const unknown = randomUUID();
      const [real, missing] = [await answer(inside.get(child)!), await answer(unknown)];
      tried.push(field.name);
      expect(real?.extensions?.code, field.name).toBe('NOT_FOUND');
      expect(real?.message, field.name).not.toContain(hidden.id);
      expect(real?.message.replace(inside.get(child)!, '<id>'), field.name).toBe(
        missing?.message.replace(unknown, '<id>'),
      );
    }
    console.log(`hidden meeting: ${tried.length} mutations tried: ${tried.join(', ')}`);
    expect(tried.length).toBeGreaterThanOrEqual(8);
  });
});
