import { ErrorCode } from '@quorum/shared';
import type { Request, RequestHandler } from 'express';
import type { ViewerCache } from '../auth/viewer-cache.js';
import type { Config } from '../config/config.js';
import { TokenBucket } from './flow-control.js';

/** How often idle clients are forgotten (a full bucket with nothing running is the same as none). */
const sweepIntervalMs = 60_000;
/** The longest a refusal is held before it is sent (see `rateLimited`). */
const refusalHoldMs = 1_000;

interface Client {
  bucket: TokenBucket;
  running: number;
}

/**
 * The HTTP requests of each client on this instance: a signed-in user across all their sessions and tokens,
 * or, before signing in, an address (an office behind one NAT shares one, so signed-in users are never
 * counted by address). Each may send `burst` at once then `perSecond`, and have `inFlight` running at once.
 */
export class RequestRate {
  private readonly clients = new Map<string, Client>();
  private lastSweep: number;

  constructor(
    private readonly limits: Config['requestRate'],
    private readonly now: () => number = () => performance.now(),
  ) {
    this.lastSweep = now();
  }

  /** A function to call when the request is over when it may run; else the seconds to wait. */
  admit(key: string): (() => void) | number {
    const now = this.now();
    this.sweep(now);
    let client = this.clients.get(key);
    if (!client) {
      client = { bucket: new TokenBucket(this.limits.burst, this.limits.perSecond, now), running: 0 };
      this.clients.set(key, client);
    }
    if (client.running >= this.limits.inFlight) return 1;
    if (!client.bucket.hasToken(now)) return Math.max(1, Math.ceil(client.bucket.secondsToNextToken()));
    client.bucket.take();
    client.running += 1;
    let over = false;
    return () => {
      if (over) return;
      over = true;
      client.running -= 1;
    };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < sweepIntervalMs) return;
    this.lastSweep = now;
    for (const [key, client] of this.clients)
      if (client.running === 0 && client.bucket.isFull(now)) this.clients.delete(key);
  }
}

/** Who a request counts against: the signed-in user, else the address (a refused credential included). */
async function clientOf(req: Request, viewers: ViewerCache): Promise<string> {
  const authorization = req.headers.authorization;
  if (authorization) {
    try {
      const viewer = await viewers.viewer(authorization);
      if (viewer) return `user:${viewer.userId}`;
    } catch {
      // Refused or not checkable now: the request itself will say so; it counts against its address.
    }
  }
  return `address:${req.ip ?? 'unknown'}`;
}

/**
 * The limit as Express middleware, before the body is read: past it, 429 with `Retry-After` and the GraphQL
 * error shape (RATE_LIMITED, `retryAfterSeconds`). The refusal is held for up to a second first, so that a
 * client that ignores `Retry-After` and asks again at once asks about once a second per connection, and
 * refusing it costs the other clients almost nothing.
 */
export function rateLimited(rate: RequestRate, viewers: ViewerCache): RequestHandler {
  return (req, res, next) => {
    clientOf(req, viewers).then((client) => {
      const admitted = rate.admit(client);
      if (typeof admitted === 'function') {
        res.once('close', admitted);
        return next();
      }
      const hold = setTimeout(
        () => {
          if (res.destroyed || res.headersSent) return;
          res
            .status(429)
            .set('Retry-After', String(admitted))
            .json({
              errors: [
                {
                  message: `Too many requests; try again in ${admitted} s`,
                  extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: admitted },
                },
              ],
            });
        },
        Math.min(admitted * 1_000, refusalHoldMs),
      );
      res.once('close', () => clearTimeout(hold));
      return undefined;
    }, next);
  };
}
