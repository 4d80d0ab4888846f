import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authenticate } from './auth/authenticate.js';
import type { Viewer } from './auth/viewer.js';
import type { Config } from './config/config.js';
import type { Database } from './config/orm.js';
import type { Context } from './context.js';
import { formatError } from './format-error.js';
import { ChangeFeed } from './realtime/change-feed.js';
import { LiveConnections } from './realtime/connections.js';
import { getSchema } from './schema.js';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  feed: ChangeFeed;
  /** Stops accepting, closes sockets and in-flight requests; the database is the caller's to close. */
  stop(): Promise<void>;
}

type WsExtra = { viewer: Viewer | null; authorization: string | undefined };

/** One HTTP server: GraphQL over HTTP and WebSocket at `/graphql`, `/health`, and the built client at `/`. */
export async function startServer(config: Config, db: Database): Promise<RunningServer> {
  const schema = await getSchema();
  const feed = new ChangeFeed(db.orm);
  const connections = new LiveConnections();
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);

  const contextFor = async (
    authorization: string | undefined,
    requestId: string,
    address: string | undefined,
  ): Promise<Context> => {
    const em = db.orm.em.fork();
    const viewer = await authenticate(em, config, authorization);
    return { em, viewer, feed, connections, config, requestId, authorization, address: address ?? 'unknown' };
  };

  const wsServer = new WebSocketServer({ noServer: true });
  const wsCleanup = useServer<Record<string, unknown>, WsExtra>(
    {
      schema,
      onConnect: async (ctx) => {
        const raw = ctx.connectionParams?.authorization;
        const authorization = typeof raw === 'string' ? raw : undefined;
        try {
          (ctx.extra as WsExtra).authorization = authorization;
          const viewer = await authenticate(db.orm.em.fork(), config, authorization);
          (ctx.extra as WsExtra).viewer = viewer;
          if (viewer) {
            const socket = ctx.extra.socket;
            socket.once(
              'close',
              connections.add(viewer.userId, (code, reason) => socket.close(code, reason)),
            );
          }
          return true;
        } catch {
          return false;
        }
      },
      context: async (ctx) =>
        contextFor(
          (ctx.extra as WsExtra).authorization,
          randomUUID(),
          ctx.extra.request.socket.remoteAddress,
        ),
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors) return result;
        const requestId = (args.contextValue as Context | undefined)?.requestId;
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, requestId)) };
      },
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((e) => {
          const formatted = formatError(e.toJSON(), e);
          return new GraphQLError(formatted.message, { extensions: formatted.extensions ?? {} });
        }),
    },
    wsServer,
  );
  httpServer.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (ws) => wsServer.emit('connection', ws, request));
  });

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.nodeEnv !== 'production',
    // main.ts owns shutdown: it stops the server, then closes the database.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatError(formatted, error),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(config.nodeEnv === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    try {
      await db.orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ok', database: db.kind });
    } catch {
      res.status(503).json({ status: 'unavailable', database: db.kind });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        contextFor(req.headers.authorization, String(req.headers['x-request-id'] ?? randomUUID()), req.ip),
    }),
  );

  const indexHtml = path.join(config.clientDir, 'index.html');
  if (existsSync(indexHtml)) {
    app.use(express.static(config.clientDir, { index: false, maxAge: '1h' }));
    // The client routes in the browser: every other GET answers the app shell.
    app.get(/^\/(?!graphql|health).*/, (_req, res) => res.sendFile(indexHtml, { maxAge: 0 }));
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text')
        .send('Quorum API is running. The client is not built: run `pnpm start` from the repository root.');
    });
  }

  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  const { port } = httpServer.address() as AddressInfo;

  return {
    url: `http://localhost:${port}`,
    port,
    httpServer,
    feed,
    async stop() {
      for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
      await wsCleanup.dispose();
      await apollo.stop();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
