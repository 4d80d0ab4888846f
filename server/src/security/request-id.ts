import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';

const acceptable = /^[\w.:-]{1,128}$/;

/** Reuses a sane `X-Request-Id` from a proxy or makes one, and answers it in the same header. */
export const assignRequestId: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id');
  const id = given && acceptable.test(given) ? given : randomUUID();
  res.locals.requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
};

/**
 * The request of each error Apollo met, for `formatError` (which Apollo calls with the error but not the
 * context) to log a masked error with its request id. Not async-local storage: that would put a hook on
 * every promise of every request (a nested read makes tens of thousands) to serve the rare failure.
 */
const requestOfError = new WeakMap<object, string>();

export function requestIdOf(error: unknown): string | undefined {
  return error instanceof Object ? requestOfError.get(error) : undefined;
}

/** Remembers the request id of the errors of each operation, before Apollo formats them. */
export function requestIdPlugin<T extends { requestId: string }>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) requestOfError.set(error, contextValue.requestId);
        },
      };
    },
  };
}
