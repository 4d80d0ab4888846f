import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from './auth/viewer.js';
import type { ViewerCache } from './auth/viewer-cache.js';
import type { CollabServer } from './collab/collab-server.js';
import type { Config } from './config/config.js';
import type { ChangeFeed, DirectSink } from './realtime/change-feed.js';
import type { LiveConnections } from './realtime/connections.js';
import type { NotificationHub } from './realtime/notification-hub.js';
import type { PresenceRegistry } from './realtime/presence.js';
import type { Rows } from './read/rows.js';
import type { WebhookService } from './webhooks/webhook-service.js';

/** Per operation: a forked EntityManager for commands, the read path's rows, and the viewer. */
export type Context = {
  em: EntityManager;
  /** What the operation reads, in batches, untracked (one per execution: see shared-execution.ts). */
  rows: Rows;
  /** Ids of the confidential objects whose reading this operation has recorded (see field-guards.ts). */
  audited: Set<string>;
  viewer: Viewer | null;
  /** Signed-in viewers of this process, by credential (see ViewerCache). */
  viewers: ViewerCache;
  feed: ChangeFeed;
  connections: LiveConnections;
  presence: PresenceRegistry;
  /** Whose notifications changed, told after commit to their sockets on every instance. */
  notifications: NotificationHub;
  /** Integrators' webhooks: a redelivery asks them to send now. */
  webhooks: Pick<WebhookService, 'wake' | 'schedule'>;
  /** Co-editing on this instance: what open bodies hold now, and the changes commands make to them. */
  collab?: Pick<CollabServer, 'liveState' | 'applyUpdate'>;
  /** The WebSocket this operation came on (its close ends what it announced); null over HTTP. */
  connectionId: string | null;
  config: Config;
  requestId: string;
  /** The raw credential, so long-lived subscriptions can re-check it. */
  authorization: string | undefined;
  /** The client's network address (for rate limiting). */
  address: string;
  /**
   * Over WebSocket, for a subscription: writes one `next` message of this operation whose payload is already
   * serialized, so that subscribers sharing an execution share its bytes too (see shared-execution.ts).
   */
  sendNext?: (payloadJson: string) => void;
  /** Set by shared-execution.ts for the `events` subscription it runs: where the feed may write directly. */
  liveSink?: DirectSink;
};
