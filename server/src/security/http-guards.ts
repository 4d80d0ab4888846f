import { ErrorCode } from '@quorum/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config/config.js';
import { requestLimits } from '../config/limits.js';
import { refusalBody, RefusalCode } from './refusal.js';
import { databaseOutage, sendUnavailable } from './unavailable.js';
import { logUnexpectedError } from './unexpected-error.js';

type Directives = Record<string, Iterable<string | ((req: IncomingMessage, res: ServerResponse) => string)>>;

// The built client loads its scripts, styles and chunks from its own origin, has no inline script or style
// attribute, and talks to `/graphql` over HTTP and WebSocket on the same host.
const clientDirectives: Directives = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: [
    "'self'",
    // Safari does not count ws: of the same host as 'self'.
    (req) => `ws://${req.headers.host ?? 'localhost'}`,
    (req) => `wss://${req.headers.host ?? 'localhost'}`,
  ],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
};

// JSON answers need no resources at all; the development landing page at GET /graphql loads Apollo's
// sandbox from its CDN, so the API gets this policy in production only.
const apiDirectives: Directives = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };

/**
 * helmet's headers on every answer (nosniff, frame denial, referrer policy, HSTS, cross-origin isolation
 * of resources), and a Content Security Policy that the built client runs under. No upgrade-insecure-
 * requests: Quorum is often served over plain HTTP inside an office network.
 */
export function securityHeaders(config: Config): RequestHandler {
  const base = helmet({ contentSecurityPolicy: false, xFrameOptions: { action: 'deny' } });
  const clientPolicy = helmet.contentSecurityPolicy({ useDefaults: false, directives: clientDirectives });
  const apiPolicy = helmet.contentSecurityPolicy({ useDefaults: false, directives: apiDirectives });
  const production = config.nodeEnv === 'production';
  return (req, res, next) => {
    base(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (req.path === '/graphql' || req.path.startsWith('/graphql/')) {
        return production ? apiPolicy(req, res, next) : next();
      }
      return clientPolicy(req, res, next);
    });
  };
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Refusals of the body parser answered as GraphQL errors with a code (Express would answer an HTML page):
 * 413 PAYLOAD_TOO_LARGE over the body limit, 400 BAD_REQUEST for a body that is not JSON.
 */
export const bodyParserErrors: ErrorRequestHandler = (error: BodyParserError, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (error.type === 'entity.too.large') {
    const kB = Math.round(requestLimits.maxBodyBytes / 1024);
    res
      .status(413)
      .json(refusalBody(RefusalCode.PAYLOAD_TOO_LARGE, `The request body is larger than ${kB} kB`));
    return undefined;
  }
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    const message =
      error.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON'
        : 'The request body cannot be read';
    res.status(error.status).json(refusalBody(RefusalCode.BAD_REQUEST, message));
    return undefined;
  }
  return next(error);
};

/**
 * The last handler: anything unexpected is logged with the request id and answered masked, as JSON; a
 * database outage is answered 503 SERVICE_UNAVAILABLE with Retry-After.
 */
export const unexpectedErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const requestId = String(res.locals.requestId ?? '-');
  const outage = databaseOutage(error);
  logUnexpectedError(requestId, error, outage);
  if (res.headersSent) return next(error);
  if (outage) return sendUnavailable(res);
  res.status(500).json({
    errors: [
      { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId } },
    ],
  });
  return undefined;
};
