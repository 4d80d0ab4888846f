// When `/collab` acknowledges an edit (issue 14 part 5, `StoredAcks`): once it is stored, so that the editor's
// "saved" means in the database; while its store fails the edit stays unacknowledged, and it is acknowledged
// when a store succeeds again, with no further edit.
import { ProposalKind } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import type { Database } from '../src/config/orm.js';
import { Proposal } from '../src/entities/index.js';
import { appendParagraph, collabClient, until, type CollabClient } from './support/collab.js';
import { createTestDatabase } from './support/database.js';
import { buildMeetingTenant } from './support/meeting-factories.js';
import { machineSpeed } from './support/server.js';

describe('acknowledgements of edits on /collab', () => {
  let db: Database;
  let server: RunningServer;
  let proposalId: string;
  let token: string;
  const clients: CollabClient[] = [];

  const sql = (statement: string) => db.orm.em.fork().getConnection().execute(statement, [], 'run');
  const bodyText = async () =>
    (await db.orm.em.fork().findOneOrFail(Proposal, proposalId, { fields: ['bodyText'] })).bodyText;

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    const tenant = await buildMeetingTenant(em);
    const proposal = em.create(Proposal, {
      organization: tenant.organization,
      title: 'Đề án lưu trước khi báo đã lưu',
      kind: ProposalKind.PROPOSAL,
      leadUnit: tenant.department,
      owner: tenant.member.user,
    });
    await em.flush();
    proposalId = proposal.id;
    token = tenant.member.token;
    server = await startServer(
      loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'test', ...machineSpeed }),
      db,
    );
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    await db?.close();
  });

  it('acknowledges an edit once stored, not while its store fails, and once a store succeeds again', async () => {
    const client = collabClient(server.url, proposalId, token);
    clients.push(client);
    await client.authenticated;
    await until(() => client.provider.synced, 'the first sync');

    appendParagraph(client.doc, 'Đoạn đã lưu');
    await until(() => !client.provider.hasUnsyncedChanges, 'the acknowledgement');
    // Stored by the time it is acknowledged: no flush, no wait.
    expect(await bodyText()).toBe('Đoạn đã lưu');

    // Stores fail for a while: the column the text goes to is away.
    await sql('alter table proposal rename column body_text to body_text_away');
    try {
      appendParagraph(client.doc, 'Đoạn chưa lưu');
      // Longer than the longest debounce: a store ran, and failed.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(client.provider.hasUnsyncedChanges).toBe(true);
    } finally {
      await sql('alter table proposal rename column body_text_away to body_text');
    }
    await until(
      () => !client.provider.hasUnsyncedChanges,
      'the acknowledgement after a store succeeded',
      10_000,
    );
    expect(await bodyText()).toBe('Đoạn đã lưu\nĐoạn chưa lưu');
  });
});
