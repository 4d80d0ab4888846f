// Co-editing across instances (issue 11 item 2): two server instances on one PostgreSQL relay a body's edits
// through Redis (Hocuspocus's Redis extension), so the clients of one body on different instances see each
// other's edits live, not when their instance next stores the body; through random concurrent edits and an
// outage of one instance's Redis connections, both replicas, both instances and the stored state end the same.
import { MembershipRole, ProposalKind } from '@quorum/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyText } from '../src/collab/body-text.js';
import { proposalDocumentName } from '../src/collab/document-name.js';
import type { RedisRelay } from '../src/collab/redis-relay.js';
import type { Database } from '../src/config/orm.js';
import { Proposal } from '../src/entities/index.js';
import {
  appendParagraph,
  collabClient,
  generator,
  paragraphs,
  randomEdit,
  sameState,
  until,
  type CollabClient,
} from './support/collab.js';
import { createTestDatabase, usingPostgres } from './support/database.js';
import { buildUser } from './support/factories.js';
import { type Instance, redisReachable, redisUrl, startInstance } from './support/instances.js';
import { buildMeetingTenant } from './support/meeting-factories.js';

const steps = 600;
const latencySamples = 10;
/** Edits made by instance one's client while its Redis connections are down. */
const outageEdits = 20;

/** When a paragraph reading `text` first appears in `doc` (its update events, not a poll). */
function arrival(doc: Y.Doc, text: string): Promise<number> {
  return new Promise((resolve) => {
    const check = () => {
      if (!paragraphs(doc).includes(text)) return;
      doc.off('update', check);
      resolve(performance.now());
    };
    doc.on('update', check);
    check();
  });
}

/** Cuts the relay's two Redis connections (by their address, so that no other test's is touched). */
async function cutRedis(relay: RedisRelay): Promise<void> {
  const admin = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    for (const redis of [relay.pub, relay.sub] as Redis[])
      await admin.client('KILL', 'ADDR', `127.0.0.1:${redis.stream.localPort}`);
  } finally {
    admin.disconnect();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe.skipIf(!usingPostgres)('co-editing across instances through Redis', () => {
  let db: Database;
  let proposalId: string;
  const tokens: string[] = [];
  const instances: Instance[] = [];
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    const tenant = await buildMeetingTenant(em);
    const other = await buildUser(em, tenant.organization, {
      unit: tenant.department,
      role: MembershipRole.MEMBER,
    });
    tokens.push(tenant.member.token, other.token);
    const proposal = em.create(Proposal, {
      organization: tenant.organization,
      title: 'Đề án soạn trên hai máy chủ',
      kind: ProposalKind.PROPOSAL,
      leadUnit: tenant.department,
      owner: tenant.member.user,
    });
    await em.flush();
    proposalId = proposal.id;
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const instance of instances) await instance.close();
    await db?.close();
  });

  it('relays edits live, and both replicas, both instances and the stored state end byte-identical', async (t) => {
    if (!(await redisReachable())) t.skip(`no Redis at ${redisUrl}`);
    for (let i = 0; i < 2; i++) instances.push(await startInstance(db, 'Redis'));
    const [a, b] = instances as [Instance, Instance];
    const one = collabClient(a.server.url, proposalId, tokens[0]!);
    const two = collabClient(b.server.url, proposalId, tokens[1]!);
    clients.push(one, two);
    await Promise.all([one.authenticated, two.authenticated]);
    await until(() => one.provider.synced && two.provider.synced, 'both first syncs');

    // One way, then the other: the receiving instance stores nothing meanwhile (its client does not edit, and
    // the sender's pending store is run before the other way begins), so only the relay can bring the edit.
    const latencies: number[] = [];
    for (const [from, to, sender] of [
      [one, two, a],
      [two, one, b],
    ] as const) {
      for (let i = 0; i < latencySamples / 2; i++) {
        const text = `Đoạn ${latencies.length + 1} gửi qua Redis`;
        const arrived = arrival(to.doc, text);
        const sent = performance.now();
        appendParagraph(from.doc, text);
        latencies.push((await arrived) - sent);
      }
      await sender.server.collab.flush();
    }

    const seed = Number(process.env.COLLAB_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = generator(seed);
    for (let step = 0; step < steps; step++) {
      randomEdit(random.next() < 0.5 ? one.doc : two.doc, random);
      if (random.next() < 0.2) await new Promise((resolve) => setTimeout(resolve, random.int(6)));
      else await new Promise((resolve) => setImmediate(resolve));
    }

    // Instance one loses its Redis connections (they come back by themselves) and its client edits on: what
    // it could not publish reaches instance two when the relay is back (no store brings it: instance two's
    // client does not edit, and what instance one stores, instance two does not read).
    const relay = a.server.collab.relay!;
    await cutRedis(relay);
    await until(() => relay.pub.status !== 'ready', 'the relay to notice');
    for (let i = 0; i < outageEdits; i++) randomEdit(one.doc, random);
    const editsEnded = performance.now();

    const name = proposalDocumentName(proposalId);
    const held = (instance: Instance) => instance.server.collab.hocuspocus.documents.get(name);
    await until(
      () =>
        [one, two].every((c) => c.provider.synced && !c.provider.hasUnsyncedChanges) &&
        !!held(a) &&
        !!held(b) &&
        sameState(one.doc, two.doc) &&
        sameState(one.doc, held(a)!) &&
        sameState(one.doc, held(b)!),
      'both replicas and both instances to converge',
      30_000,
    );
    const convergedMs = performance.now() - editsEnded;
    expect(relay.pub.status).toBe('ready');

    await Promise.all([a.server.collab.flush(), b.server.collab.flush()]);
    const row = await db.orm.em.fork().findOneOrFail(Proposal, proposalId, { fields: ['body', 'bodyText'] });
    const stored = new Y.Doc();
    Y.applyUpdate(stored, row.body!);
    const storedUpdate = Buffer.from(Y.encodeStateAsUpdate(stored));
    for (const replica of [one.doc, two.doc, held(a)!, held(b)!])
      expect(Buffer.from(Y.encodeStateAsUpdate(replica)).equals(storedUpdate)).toBe(true);
    expect(row.bodyText).toBe(bodyText(stored));

    console.log(
      `collab across instances: an edit reached the client of the other instance in ${median(latencies).toFixed(1)} ms ` +
        `(median of ${latencies.length}, max ${Math.max(...latencies).toFixed(1)} ms); ${steps} random edits on ` +
        `two instances through Redis, then ${outageEdits} on instance one while its Redis connections were cut; ` +
        `both replicas, ` +
        `both instances and the stored state byte-identical (${storedUpdate.length} bytes) ` +
        `${Math.round(convergedMs)} ms after the last edit (seed ${seed})`,
    );
  });
});
