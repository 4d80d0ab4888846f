// Lists the meetings the token may read, soonest first, a page at a time.
//   QUORUM_URL=http://localhost:3000/graphql QUORUM_TOKEN=qt_… node --import tsx examples/list-meetings.ts
import { MeetingsDocument, QuorumClient } from '@quorum/sdk';

const quorum = new QuorumClient({ url: process.env.QUORUM_URL!, token: process.env.QUORUM_TOKEN! });
let after: string | null = null;
do {
  const { meetings } = await quorum.request(MeetingsDocument, { first: 50, after });
  for (const { node } of meetings.edges)
    console.log(`${node.startsAt}  ${node.status.padEnd(11)}  ${node.title} (${node.committee.name})`);
  after = meetings.pageInfo.hasNextPage ? meetings.pageInfo.endCursor : null;
} while (after);
