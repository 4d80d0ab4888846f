import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

const current = new AsyncLocalStorage<string>();
const acceptable = /^[\w.:-]{1,128}$/;

/** The id of the HTTP request being handled, for log lines written far from it (masked errors). */
export function currentRequestId(): string | undefined {
  return current.getStore();
}

/** Reuses a sane `X-Request-Id` from a proxy or makes one, and answers it in the same header. */
export const assignRequestId: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id');
  const id = given && acceptable.test(given) ? given : randomUUID();
  res.locals.requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
};

/**
 * Runs the rest of the chain with the request id in async-local storage. Mounted after the body parser:
 * stream callbacks do not carry the storage across.
 */
export const withRequestId: RequestHandler = (_req, res, next) => {
  current.run(String(res.locals.requestId ?? randomUUID()), next);
};
