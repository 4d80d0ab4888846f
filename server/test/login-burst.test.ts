import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords.js';
import { LoginAttempt, type Organization } from '../src/entities/index.js';
import { usingPostgres } from './support/database.js';
import { buildOrganization, buildUser } from './support/factories.js';
import { startInstance } from './support/instances.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

const loginMutation = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const password = 'mật-khẩu-đúng-của-tôi';

type Answer = 'token' | 'UNAUTHENTICATED' | 'RATE_LIMITED' | string;

/** One login over HTTP to the server at `url`, reduced to what it answered. */
async function login(url: string, email: string, pass: string): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: loginMutation, variables: { input: { email, password: pass } } }),
  });
  const body = (await response.json()) as GraphQLResponse<{ login: { token: string } }>;
  if (body.data?.login.token) return 'token';
  return String(body.errors?.[0]?.extensions?.code);
}

const tally = (answers: Answer[]) => {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[answer] = (counts[answer] ?? 0) + 1;
  return counts;
};

// Every request of a test comes from 127.0.0.1: one client address.
describe('login limits under a burst of parallel requests', () => {
  let t: TestServer;
  let org: Organization;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      org = (await buildOrganization(db.orm.em.fork())).organization;
    });
  });
  afterAll(() => t.close());
  beforeEach(() => t.db.orm.em.fork().nativeDelete(LoginAttempt, {}));

  const account = async () => {
    const em = t.db.orm.em.fork();
    const { user } = await buildUser(em, org, {});
    user.passwordHash = await hashPassword(password);
    await em.flush();
    return user.email;
  };
  const attempts = (where: { email?: string; succeeded?: boolean }) =>
    t.db.orm.em.fork().count(LoginAttempt, where);

  it('checks at most perAccount passwords of one account, and the right one after them gets no token', async () => {
    const { perAccount } = t.config.loginLimit;
    const email = await account();
    // 40 at once; the right password is the 35th.
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(t.url, email, i === 34 ? password : `sai-${i}`)),
    );
    expect(tally(answers)).toEqual({ UNAUTHENTICATED: perAccount, RATE_LIMITED: 40 - perAccount });
    // Each evaluated password left its attempt: exactly as many as were checked.
    expect(await attempts({ email })).toBe(perAccount);
    expect(await login(t.url, email, password)).toBe('RATE_LIMITED');
  });

  it('checks at most perAddress passwords from one address across accounts', async () => {
    const { perAddress } = t.config.loginLimit;
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, i) => login(t.url, `nguoi-${i}@quorum.test`, 'sai')),
    );
    expect(tally(answers)).toEqual({ UNAUTHENTICATED: perAddress, RATE_LIMITED: 150 - perAddress });
    expect(await attempts({})).toBe(perAddress);
    // Now even a real account with its right password is refused from this address.
    expect(await login(t.url, await account(), password)).toBe('RATE_LIMITED');
  });

  it('keeps the failures before a success: they stay recorded and still count', async () => {
    const { perAccount } = t.config.loginLimit;
    const email = await account();
    for (let i = 0; i < 3; i++) expect(await login(t.url, email, 'sai')).toBe('UNAUTHENTICATED');
    expect(await login(t.url, email, password)).toBe('token');
    expect(await attempts({ email, succeeded: false })).toBe(3);
    expect(await attempts({ email, succeeded: true })).toBe(1);
    // A success does not count against the limit, and does not wipe the failures before it.
    const answers = await Promise.all(
      Array.from({ length: perAccount }, (_, i) => login(t.url, email, `sai-${i}`)),
    );
    expect(tally(answers)).toEqual({ UNAUTHENTICATED: perAccount - 3, RATE_LIMITED: 3 });
    expect(await login(t.url, email, password)).toBe('RATE_LIMITED');
  });

  it.skipIf(!usingPostgres)(
    'holds the account limit for a burst split across two instances of one database',
    async () => {
      const { perAccount } = t.config.loginLimit;
      const other = await startInstance(t.db, 'NOTIFY');
      try {
        const email = await account();
        const answers = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            login(i % 2 ? other.server.url : t.url, email, i === 34 ? password : `sai-${i}`),
          ),
        );
        expect(tally(answers)).toEqual({ UNAUTHENTICATED: perAccount, RATE_LIMITED: 40 - perAccount });
        expect(await attempts({ email })).toBe(perAccount);
      } finally {
        await other.close();
      }
    },
  );
});
