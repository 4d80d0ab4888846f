// The web client sends its operations by hash (issue 15 item 6): against a server set to accept only known
// operations from browser sessions (PERSISTED_OPERATIONS=only), the office signs in and works in its meetings
// list and a meeting room; every HTTP operation carries its sha256, the known ones go without their text, and
// nothing is refused.
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, openPerson, type Person, signIn } from '../support/browser.js';
import { PAGE_TIMEOUT, useStage } from '../support/stage.js';

// Read by the server this file starts; put back for the next file in this process.
const before = process.env.PERSISTED_OPERATIONS;
process.env.PERSISTED_OPERATIONS = 'only';

interface Sent {
  operationName?: string;
  query?: string;
  extensions?: { persistedQuery?: { sha256Hash?: string } };
}

describe.skipIf(!browserAvailable)('operations sent by hash', () => {
  const stage = useStage();
  let office: Person;
  const sent: Sent[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    office = await openPerson(stage.browser, { width: 1280, height: 900 }, PAGE_TIMEOUT);
    office.page.on('request', (request: Request) => {
      if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
      sent.push(request.postDataJSON() as Sent);
    });
    office.page.on('response', async (response) => {
      if (!response.url().endsWith('/graphql')) return;
      const body = (await response.json().catch(() => null)) as {
        errors?: { extensions?: { code?: string } }[];
      } | null;
      for (const error of body?.errors ?? []) refused.push(String(error.extensions?.code));
    });
  }, 60_000);

  afterAll(() => {
    if (before === undefined) delete process.env.PERSISTED_OPERATIONS;
    else process.env.PERSISTED_OPERATIONS = before;
  });

  it('signs in and opens a meeting room with every operation known by its hash', async () => {
    await signIn(office, stage.server, 'office@quorum.test', { path: '/?status=SCHEDULED' });
    await office.page.getByTestId('meeting-row').first().getByTestId('meeting-title').click();
    await office.page.getByTestId('meeting-room').waitFor();
    await office.page.getByTestId('agenda-item').first().waitFor();

    expect(sent.length).toBeGreaterThan(2);
    expect(
      sent.every((body) => /^[0-9a-f]{64}$/.test(body.extensions?.persistedQuery?.sha256Hash ?? '')),
    ).toBe(true);
    // Known to the server from schema/operations: sent once, by hash alone.
    const hashOnly = sent.filter((body) => body.query === undefined);
    expect(hashOnly.map((body) => body.operationName)).toEqual(expect.arrayContaining(['Login']));
    expect(hashOnly.length).toBe(sent.length);
    expect(refused).toEqual([]);
    expect(office.pageErrors).toEqual([]);
  });
});
