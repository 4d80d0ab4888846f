import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { ViewerCache } from './auth/viewer-cache.js';
import { CollabServer } from './collab/collab-server.js';
import type { Viewer } from './auth/viewer.js';
import type { Config } from './config/config.js';
import { requestLimits } from './config/limits.js';
import type { Database } from './config/orm.js';
import { listenRefusal } from './config/preflight.js';
import type { Context } from './context.js';
import { docsRouter } from './docs/docs.router.js';
import { exportRouter } from './exports/export.router.js';
import { uploadRouter } from './uploads/upload.router.js';
import { formatError } from './format-error.js';
import { WebhookService } from './webhooks/webhook-service.js';
import { NotificationMailJob } from './jobs/notification-mail.js';
import { JobQueue } from './jobs/queue.js';
import { TaskReminderJob } from './jobs/task-reminders.js';
import { ChangeFeed } from './realtime/change-feed.js';
import { LiveConnections } from './realtime/connections.js';
import { NotificationHub } from './realtime/notification-hub.js';
import { PresenceRegistry } from './realtime/presence.js';
import { Rows } from './read/rows.js';
import { sharedSubscriptions } from './realtime/shared-execution.js';
import { inProcessWakeups, postgresWakeups, redisWakeups } from './realtime/wakeups.js';
import { bodyParserErrors, securityHeaders, unexpectedErrors } from './security/http-guards.js';
import { queryLimitRules, variableCostPlugin } from './security/query-limits.js';
import { assignRequestId, requestIdPlugin } from './security/request-id.js';
import {
  isDatabaseUnavailable,
  rethrowUnavailable,
  serviceUnavailablePlugin,
  unavailableRefusal,
} from './security/unavailable.js';
import { webSocketGuard } from './security/websocket-guard.js';
import { BoundedSendWebSocket, OperationRate } from './security/flow-control.js';
import { getSchema } from './schema.js';
import { OperationManifest } from './persisted/operation-manifest.js';
import {
  persistedOperationsPlugin,
  persistedQueriesOption,
  resolvePersistedOperation,
} from './persisted/persisted-operations.js';
import { rateLimited, RequestRate } from './security/request-rate.js';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  feed: ChangeFeed;
  viewers: ViewerCache;
  presence: PresenceRegistry;
  /** Co-editing under `/collab` (Hocuspocus). */
  collab: CollabServer;
  /** Reminders and escalation of tasks, run every `config.taskReminderIntervalMs`. */
  taskReminders: TaskReminderJob;
  /** Who is told of new notifications, on this instance and the others. */
  notifications: NotificationHub;
  /** Notifications by e-mail (when SMTP_URL is set). */
  notificationMail: NotificationMailJob;
  /** Integrators' webhooks: dispatch of new events, signed deliveries, retries. */
  webhooks: WebhookService;
  /** Stops accepting, closes sockets and in-flight requests; the database is the caller's to close. */
  stop(): Promise<void>;
}

type WsExtra = { viewer: Viewer | null; authorization: string | undefined; connectionId: string };

export interface ServerOptions {
  /** How long a presence entry outlives its last heartbeat (tests shorten it). */
  presenceTtlMs?: number;
  /** How often co-editing re-reads the proposals of open documents for changes of access (tests shorten it). */
  collabRecheckMs?: number;
}

/** One HTTP server: GraphQL over HTTP and WebSocket at `/graphql`, `/health`, and the built client at `/`. */
export async function startServer(
  config: Config,
  db: Database,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const schema = await getSchema();
  const viewers = new ViewerCache(db.orm, config);
  // The instances of a deployment wake each other through Redis when there is one, else through PostgreSQL;
  // the embedded database has only this process.
  const databaseUrl = db.kind === 'postgres' ? db.orm.config.get('clientUrl') : undefined;
  const wakeups = config.redisUrl
    ? redisWakeups(config.redisUrl, config.feedPollMs)
    : databaseUrl
      ? postgresWakeups(databaseUrl, config.feedPollMs)
      : inProcessWakeups;
  const connections = new LiveConnections();
  const feed = new ChangeFeed(db.orm, viewers, wakeups, connections);
  // Presence travels on the wake-ups' channel; registered before the feed starts listening to it.
  const presence = new PresenceRegistry(wakeups, options.presenceTtlMs);
  // So do notifications: the writer tells the users' sockets after its commit.
  const notifications = new NotificationHub(db.orm, viewers, wakeups);
  let origin = `http://localhost:${config.port}`;
  // The jobs share one pg-boss on PostgreSQL; on the embedded database they work in process.
  const jobs = new JobQueue(databaseUrl);
  const notificationMail = new NotificationMailJob(
    db.orm,
    { smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, appUrl: () => config.appUrl ?? origin },
    jobs,
  );
  notifications.start(notificationMail);
  await feed.start();
  presence.start();
  const taskReminders = new TaskReminderJob(
    db.orm,
    feed,
    config.taskReminderDays,
    config.taskReminderIntervalMs,
    jobs,
    notifications,
  );
  const webhooks = new WebhookService(db.orm, config.webhooks, jobs, { feed, notifications });
  const stopWebhookWakeups = feed.onNewEvents((types) => webhooks.wake(types));
  const app = express();
  app.disable('x-powered-by');
  app.use(assignRequestId, securityHeaders(config));
  const httpServer = createServer(app);
  const collab = new CollabServer(db.orm, viewers, {
    recheckMs: options.collabRecheckMs,
    redisUrl: config.redisUrl,
    commits: { feed, notifications },
  });

  const contextFor = async (
    authorization: string | undefined,
    requestId: string,
    address: string | undefined,
    connectionId: string | null = null,
  ): Promise<Context> => {
    const viewer = await viewers.viewer(authorization).catch((error) => rethrowUnavailable(error, requestId));
    const em = db.orm.em.fork();
    return {
      em,
      rows: new Rows(em),
      audited: new Set(),
      viewer,
      viewers,
      feed,
      connections,
      presence,
      notifications,
      webhooks,
      collab,
      connectionId,
      config,
      requestId,
      authorization,
      address: address ?? 'unknown',
    };
  };

  const production = config.nodeEnv === 'production';
  // Read once at start: the operations of this build, sent by hash (README, "Persisted operations").
  const manifest = OperationManifest.fromDirectory();
  // A frame over maxPayload closes the socket (1009) unparsed; a smaller one over the body limit is refused by
  // the guard with a code, like an oversized HTTP body. Every socket's send buffer is bounded (flow control).
  const wsServer = new WebSocketServer({
    noServer: true,
    maxPayload: requestLimits.maxWebSocketFrameBytes,
    WebSocket: BoundedSendWebSocket,
  });
  const guard = webSocketGuard({ schema, production });
  const operationRate = new OperationRate({ ...requestLimits, ...config.operationRate });
  const wsRequestId = (ctx: { extra: unknown }, id: string) => `${(ctx.extra as WsExtra).connectionId}:${id}`;
  const wsCleanup = useServer<Record<string, unknown>, WsExtra>(
    {
      schema,
      connectionInitWaitTimeout: requestLimits.connectionInitTimeoutMs,
      subscribe: sharedSubscriptions(),
      onConnect: async (ctx) => {
        const raw = ctx.connectionParams?.authorization;
        const authorization = typeof raw === 'string' ? raw : undefined;
        const connectionId = randomUUID();
        (ctx.extra as WsExtra).connectionId = connectionId;
        // What this socket announced goes with it, at once rather than after the TTL.
        ctx.extra.socket.once('close', () => presence.dropClient(connectionId));
        try {
          (ctx.extra as WsExtra).authorization = authorization;
          const viewer = await viewers.viewer(authorization);
          (ctx.extra as WsExtra).viewer = viewer;
          if (viewer) {
            const socket = ctx.extra.socket;
            socket.once(
              'close',
              connections.add(viewer.userId, (code, reason) => socket.close(code, reason)),
            );
          }
          return true;
        } catch (error) {
          // The token cannot be checked while the database is away: "try again later", which clients retry,
          // rather than the 4403 that tells Quorum's client the session is over (graphql-ws's own close
          // after `false` is then a no-op on the closing socket).
          if (isDatabaseUnavailable(error)) ctx.extra.socket.close(1013, 'Service unavailable; try again');
          return false;
        }
      },
      // graphql-ws validates with the specified rules only: the guard applies the HTTP limits, and counts
      // this operation among those running on the socket. The rate goes first: it is the cheapest refusal.
      // The viewer is loaded (from the cache, as a rule) before the context is: an error in the context
      // would close the socket with 4500, which graphql-ws clients do not retry, where a database outage
      // must refuse this one operation with SERVICE_UNAVAILABLE.
      onSubscribe: async (ctx, _id, payload) => {
        const refusal =
          operationRate.admit(
            ctx.extra.socket,
            (ctx.extra as WsExtra).viewer?.userId ?? `address:${ctx.extra.request.socket.remoteAddress}`,
          ) ?? (await unavailableRefusal(() => viewers.viewer((ctx.extra as WsExtra).authorization)));
        if (refusal) return refusal;
        const operation = resolvePersistedOperation(
          manifest,
          config.persistedOperations,
          payload,
          (ctx.extra as WsExtra).viewer,
        );
        return Array.isArray(operation) ? operation : guard(operation, Object.keys(ctx.subscriptions).length);
      },
      context: async (ctx, id) => ({
        ...(await contextFor(
          (ctx.extra as WsExtra).authorization,
          wsRequestId(ctx, id),
          ctx.extra.request.socket.remoteAddress,
          (ctx.extra as WsExtra).connectionId,
        )),
        // The message graphql-ws would write for this result, written once its payload is serialized, and only
        // while the operation is running (a `complete` from the client removes it).
        sendNext: (payloadJson: string) => {
          const socket = ctx.extra.socket;
          if (id in ctx.subscriptions && socket.readyState === socket.OPEN)
            socket.send(`{"id":${JSON.stringify(id)},"type":"next","payload":${payloadJson}}`);
        },
      }),
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors) return result;
        const requestId = (args.contextValue as Context | undefined)?.requestId;
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, requestId)) };
      },
      onError: (ctx, id, _payload, errors) =>
        errors.map((e) => {
          const formatted = formatError(e.toJSON(), e, wsRequestId(ctx, id));
          return new GraphQLError(formatted.message, { extensions: formatted.extensions ?? {} });
        }),
    },
    wsServer,
  );
  httpServer.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/collab') {
      collab.handleUpgrade(request, socket, head);
      return;
    }
    if (pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (ws) => wsServer.emit('connection', ws, request));
  });

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    // Field suggestions ("Did you mean …") tell a stranger the schema: off in production, as introspection.
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    persistedQueries: persistedQueriesOption(manifest, config.persistedOperations),
    parseOptions: { maxTokens: requestLimits.maxTokens },
    validationRules: queryLimitRules(),
    // main.ts owns shutdown: it stops the server, then closes the database.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatError(formatted, error),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Its per-field hook would wrap every resolver of every answer; no cache reads its hints.
      ApolloServerPluginCacheControlDisabled(),
      variableCostPlugin<Context>(),
      serviceUnavailablePlugin<Context>(),
      requestIdPlugin<Context>(),
      persistedOperationsPlugin<Context>(manifest, config.persistedOperations),
      // The explorer at GET /graphql, outside production only: Apollo Sandbox, which the browser loads from
      // Apollo's CDN (README, "Documentation and explorer").
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
    ],
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    try {
      await db.orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ok', database: db.kind, collab: { relay: collab.relayKind } });
    } catch {
      res.status(503).json({ status: 'unavailable', database: db.kind, collab: { relay: collab.relayKind } });
    }
  });

  // Each client's HTTP requests, before a body is read: the API's routes, not the client's files.
  const requestRate = new RequestRate(config.requestRate);
  app.use(
    ['/graphql', '/uploads', '/meetings', '/calendar', '/appraisals', '/reports'],
    rateLimited(requestRate, viewers),
  );

  app.use(
    '/graphql',
    express.json({ limit: requestLimits.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        contextFor(req.headers.authorization, String(res.locals.requestId ?? randomUUID()), req.ip),
    }),
    bodyParserErrors,
  );

  app.use(exportRouter(db, viewers));
  app.use(uploadRouter(contextFor));
  // Before the client's fallback below, which would answer the app shell.
  app.use(docsRouter(schema, config));

  const indexHtml = path.join(config.clientDir, 'index.html');
  const clientBuilt = existsSync(indexHtml);
  if (clientBuilt) app.use(express.static(config.clientDir, { index: false, maxAge: '1h' }));
  // The client routes in the browser: every other GET answers the app shell (our headers included, where
  // Express's own 404 page would set its own).
  app.get(/^\/(?!graphql|health).*/, (req, res) => {
    if (clientBuilt) return res.sendFile(indexHtml, { maxAge: 0 });
    return res
      .status(req.path === '/' ? 200 : 404)
      .type('text')
      .send('Quorum API is running. The client is not built: run `pnpm start` from the repository root.');
  });

  app.use(unexpectedErrors);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error) => reject(listenRefusal(config.port, error) ?? error));
    httpServer.listen(config.port, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  origin = `http://localhost:${port}`;
  await notificationMail.start();
  await taskReminders.start();
  await webhooks.start();

  return {
    url: `http://localhost:${port}`,
    port,
    httpServer,
    feed,
    viewers,
    presence,
    collab,
    taskReminders,
    notifications,
    notificationMail,
    webhooks,
    async stop() {
      stopWebhookWakeups();
      await webhooks.stop();
      await taskReminders.stop();
      await notificationMail.stop();
      await jobs.stop();
      // First, while the database is open: co-edited bodies with changes not yet stored are stored now.
      await collab.stop();
      for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
      await wsCleanup.dispose();
      await apollo.stop();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      // Before the feed closes the channel, so that the other instances hear this one's clients leave.
      presence.stop();
      notifications.stop();
      await feed.stop();
    },
  };
}
