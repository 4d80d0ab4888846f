import { ErrorCode } from '@quorum/shared';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { Viewer } from '../auth/viewer.js';
import type { OperationManifest } from './operation-manifest.js';
import { sha256 } from './operation-manifest.js';

/**
 * `PERSISTED_OPERATIONS`: `off` refuses operations sent by hash (PERSISTED_QUERY_NOT_SUPPORTED); `allow`, the
 * default, runs the known operations by hash and any operation sent as text; `only` also refuses any operation
 * that is not a known one unless an API token sent it, so that a stolen browser session cannot be used to run
 * documents Quorum's client never sends, while integrators keep the whole API.
 */
export type PersistedOperationsMode = 'off' | 'allow' | 'only';

export const persistedOperationsModes: readonly PersistedOperationsMode[] = ['off', 'allow', 'only'];

/** Apollo Server's `persistedQueries` option: the manifest is the cache, read-only (nothing is registered). */
export function persistedQueriesOption(manifest: OperationManifest, mode: PersistedOperationsMode) {
  if (mode === 'off') return false as const;
  return {
    ttl: null,
    cache: {
      // Apollo prefixes the keys of its APQ cache with `apq:`.
      get: async (key: string) => manifest.lookup(key.replace(/^apq:/, '')),
      // A client that sends an unknown hash, then the text, runs the text as any other; it is not
      // remembered, so the manifest stays what the repository says and no client can fill the memory.
      set: async () => undefined,
      delete: async () => true,
    },
  };
}

/** Whether `only` lets this viewer send what it likes: API tokens do; sessions and anonymous requests do not. */
const fullAccess = (mode: PersistedOperationsMode, viewer: Viewer | null) =>
  mode !== 'only' || viewer?.credential.kind === 'apiToken';

function unknownOperation(): GraphQLError {
  return new GraphQLError(
    'This server accepts only the operations of Quorum’s own client from a browser session; use an API token for other operations',
    { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } },
  );
}

/**
 * Over HTTP, `only` refuses an unknown document once Apollo has parsed and validated it: the first hook whose
 * refusal Apollo answers as such (one thrown earlier is answered 500). Validation telling what the schema
 * lacks gives nothing away: the schema is published at /docs.
 */
export function persistedOperationsPlugin<TContext extends { viewer: Viewer | null }>(
  manifest: OperationManifest,
  mode: PersistedOperationsMode,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (fullAccess(mode, contextValue.viewer)) return undefined;
      return {
        async didResolveOperation({ source }) {
          if (!manifest.knows(source)) throw unknownOperation();
        },
      };
    },
  };
}

/**
 * The same over graphql-ws, which knows no persisted queries: an operation sent by hash gets its text from
 * the manifest (answers as Apollo does over HTTP), and `only` refuses an unknown one. Answers the payload to
 * run, or the errors that refuse it.
 */
export function resolvePersistedOperation(
  manifest: OperationManifest,
  mode: PersistedOperationsMode,
  payload: SubscribePayload,
  viewer: Viewer | null,
): SubscribePayload | GraphQLError[] {
  const persisted = payload.extensions?.persistedQuery as
    | { version?: unknown; sha256Hash?: unknown }
    | undefined;
  let query = payload.query;
  if (persisted) {
    if (mode === 'off') {
      return [coded('PERSISTED_QUERY_NOT_SUPPORTED', 'PersistedQueryNotSupported')];
    }
    if (persisted.version !== 1 || typeof persisted.sha256Hash !== 'string') {
      return [coded('BAD_REQUEST', 'Unsupported persisted query version')];
    }
    if (query) {
      if (sha256(query) !== persisted.sha256Hash)
        return [coded('BAD_REQUEST', 'provided sha does not match query')];
    } else {
      const known = manifest.lookup(persisted.sha256Hash);
      if (!known) return [coded('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound')];
      query = known;
    }
  }
  if (!fullAccess(mode, viewer) && !manifest.knows(query)) return [unknownOperationOverWebSocket()];
  return query === payload.query ? payload : { ...payload, query };
}

// Apollo Server's own codes and messages for the same refusals over HTTP.
const coded = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

function unknownOperationOverWebSocket(): GraphQLError {
  const error = unknownOperation();
  return new GraphQLError(error.message, { extensions: { code: ErrorCode.FORBIDDEN } });
}
