import type { MikroORM } from '@mikro-orm/core';
import type { Config } from '../config/config.js';
import { UnauthenticatedError } from '../errors.js';
import { authenticate, type Authenticated, bearerToken, lapsed } from './authenticate.js';
import { hashToken } from './tokens.js';
import type { Viewer } from './viewer.js';

/** Signed-in viewers kept at once; past it the oldest is forgotten (and loaded again when it returns). */
const capacity = 10_000;

/**
 * The viewers of this process by credential, shared by HTTP requests and live subscriptions: signing in
 * and loading the facts the policies decide on costs about eight queries, which every request and every
 * delivered event would otherwise pay.
 *
 * A cached viewer is kept until something that can change it is committed: the change feed calls
 * `invalidateOrganization` for every event of an access-changing type (memberships, participants, access
 * lists, deactivation, sessions, tokens…), whichever instance committed it, and the command that commits
 * one does so itself before it answers. Expiry by time is checked on every use.
 */
/** A credential's viewer as it is now: loaded when it must be, or at once when it is cached. */
export interface Credential {
  /** The viewer; UNAUTHENTICATED once the credential has ended. */
  current(): Promise<Viewer>;
  /** The viewer when the cache holds it valid with nothing to record, without waiting; else undefined. */
  cached(): Viewer | undefined;
}

export class ViewerCache {
  private readonly entries = new Map<string, { organizationId: string; authenticated: Authenticated }>();
  private readonly loading = new Map<string, Promise<Authenticated>>();
  /** Bumped by each invalidation: a load that began before one is used once, not kept. */
  private generation = 0;
  private readonly invalidationListeners = new Set<(organizationId: string) => void>();

  constructor(
    private readonly orm: MikroORM,
    private readonly config: Config,
  ) {}

  /** The viewer of an `Authorization` value: null when there is none, UNAUTHENTICATED when it is not valid. */
  async viewer(authorization: string | undefined): Promise<Viewer | null> {
    if (!authorization) return null;
    const token = bearerToken(authorization);
    return this.byToken(token, hashToken(token));
  }

  /**
   * One credential, for a stream that asks for its viewer at every event: the header is read and the token
   * hashed once, not per event. UNAUTHENTICATED when there is none or it has ended.
   */
  credential(authorization: string | undefined): Credential {
    if (!authorization) throw new UnauthenticatedError();
    const token = bearerToken(authorization);
    const key = hashToken(token);
    return {
      current: () => this.byToken(token, key),
      cached: () => {
        // What `current` would answer at once, with nothing to load or record; otherwise ask `current`.
        const now = new Date();
        const entry = this.entries.get(key);
        if (!entry || lapsed(entry.authenticated, now) || entry.authenticated.touchDue(now)) return undefined;
        return entry.authenticated.viewer;
      },
    };
  }

  private async byToken(token: string, key: string): Promise<Viewer> {
    const now = new Date();
    const cached = this.entries.get(key);
    if (cached && !lapsed(cached.authenticated, now)) {
      await cached.authenticated.touch(() => this.orm.em.fork(), now);
      return cached.authenticated.viewer;
    }
    this.entries.delete(key);
    // The subscriptions of one credential all ask at once after an invalidation: one load serves them.
    let loading = this.loading.get(key);
    if (!loading) {
      const generation = this.generation;
      loading = authenticate(this.orm.em.fork(), this.config, token).finally(() => this.loading.delete(key));
      this.loading.set(key, loading);
      void loading
        .then((authenticated) => {
          if (generation !== this.generation) return;
          if (this.entries.size >= capacity) this.entries.delete(this.entries.keys().next().value!);
          this.entries.set(key, { organizationId: authenticated.viewer.organizationId, authenticated });
        })
        .catch(() => undefined);
    }
    return (await loading).viewer;
  }

  /** Forgets every viewer of an organization: something their access depends on has changed. */
  invalidateOrganization(organizationId: string): void {
    this.generation += 1;
    this.loading.clear();
    for (const [key, entry] of this.entries)
      if (entry.organizationId === organizationId) this.entries.delete(key);
    for (const listener of this.invalidationListeners) listener(organizationId);
  }

  /**
   * Calls `listener` after each invalidation, for whoever holds connections open on what the viewers may do
   * (the co-editing server decides their access again); returns the way to stop.
   */
  onInvalidate(listener: (organizationId: string) => void): () => void {
    this.invalidationListeners.add(listener);
    return () => this.invalidationListeners.delete(listener);
  }
}
