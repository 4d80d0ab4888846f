import { MeetingStatus, MembershipRole } from '@quorum/shared';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting, User } from '../src/entities/index.js';
import { buildUser } from './support/factories.js';
import {
  buildAgendaItems,
  buildMeetingIn,
  buildMeetingTenant,
  buildProposalWithAppraisal,
  type ItemSpec,
} from './support/meeting-factories.js';
import { noFeedPoll, startTestServer, type TestServer } from './support/server.js';

/** meeting → agenda items → proposals → appraisals → comments → authors, with derived fields on the way. */
const nestedQuery = `query Nested($id: ID!) {
  meeting(id: $id) {
    id title status quorum { reached } readiness { total ready }
    agenda {
      id number depth title totalDurationMinutes
      presenterUser { fullName } presenterUnit { name }
      readiness { ready } viewerCan { update }
      proposal {
        id title status
        appraisals { edges { node { id status comments { totalCount edges { node { id body author { fullName } } } } } } }
      }
    }
  }
}`;

const commentsPerAppraisal = 3;

describe('no N+1: the nested meeting query issues the same statements for 10 and for 200 agenda items', () => {
  let t: TestServer;
  let token: string;
  const meetings: Record<number, Meeting> = {};
  const statements: string[] = [];

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      token = tenant.office.token;
      // The two agendas differ only in size: one presenter for every item, and comments whose authors
      // rotate through the same seven people, so that both answers reference the same users.
      const presenter = (await buildUser(em, tenant.organization, { unit: tenant.department })).user;
      const authors: User[] = [];
      for (let i = 0; i < 7; i++) {
        authors.push(
          (await buildUser(em, tenant.organization, { unit: tenant.department, role: MembershipRole.MEMBER }))
            .user,
        );
      }
      let proposals = 0;
      const rotated = () => {
        const start = (proposals++ * commentsPerAppraisal) % authors.length;
        return [...authors.slice(start), ...authors.slice(0, start)];
      };
      for (const size of [10, 200]) {
        const meeting = await buildMeetingIn(em, tenant.organization, tenant.committee, {
          status: MeetingStatus.SCHEDULED,
          title: `${size} items`,
        });
        // Roots of 5 items each: one heading and four sub-items, every one with its own proposal.
        const specs: ItemSpec[] = [];
        for (let root = 0; root < size / 5; root++) {
          const item = async (title: string): Promise<ItemSpec> => ({
            title,
            durationMinutes: 10,
            presenterUser: presenter,
            presenterUnit: tenant.department,
            proposal: await buildProposalWithAppraisal(
              em,
              tenant.organization,
              tenant.department,
              presenter,
              {
                comments: commentsPerAppraisal,
                commentAuthors: rotated(),
              },
            ),
          });
          specs.push({
            ...(await item(`Phần ${root + 1}`)),
            children: await Promise.all([1, 2, 3, 4].map((j) => item(`Mục ${root + 1}.${j}`))),
          });
        }
        const items = await buildAgendaItems(em, meeting, specs);
        expect(items).toHaveLength(size);
        meetings[size] = meeting;
      }
      // The change feed's safety poll would read the event table in the middle of a count: off here.
    }, noFeedPoll);
    // Every statement the server sends to the database, through the ORM's query builder (knex).
    (t.db.orm.em as SqlEntityManager)
      .getConnection()
      .getKnex()
      .on('query', (query: { sql: string }) => statements.push(query.sql));
  });
  afterAll(() => t.close());

  async function run(size: number) {
    const result = await t.gql<{
      meeting: {
        agenda: { proposal: { appraisals: { edges: { node: { comments: { edges: unknown[] } } }[] } } }[];
      };
    }>(nestedQuery, { id: meetings[size]!.id }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.meeting;
  }

  async function count(size: number): Promise<{ count: number; sql: string[] }> {
    await run(size); // warm up: the session's sliding expiry may write once
    statements.length = 0;
    const meeting = await run(size);
    const sql = [...statements];
    // The answer really is the whole tree.
    expect(meeting.agenda).toHaveLength(size);
    for (const item of meeting.agenda) {
      expect(item.proposal.appraisals.edges[0]!.node.comments.edges).toHaveLength(commentsPerAppraisal);
    }
    return { count: sql.length, sql };
  }

  it('counts statements at 10 and at 200 agenda items, and they are equal', async () => {
    const small = await count(10);
    const large = await count(200);
    console.log(
      `nested meeting query (${t.db.kind}): ${small.count} SQL statements for 10 agenda items, ${large.count} for 200`,
    );
    if (small.count !== large.count) {
      console.log(`10 items:\n  ${small.sql.join('\n  ')}\n200 items:\n  ${large.sql.join('\n  ')}`);
    }
    expect(large.count).toBe(small.count);
  });
});
