// @quorum/sdk: a typed client for Quorum's GraphQL API. See README.md.
export {
  QuorumClient,
  QuorumError,
  type QuorumClientOptions,
  type Follow,
  type FollowOptions,
} from './client.js';
export * from './generated/graphql.js';
