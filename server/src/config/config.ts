import { existsSync } from 'node:fs';
import path from 'node:path';
import { type PersistedOperationsMode, persistedOperationsModes } from '../persisted/persisted-operations.js';
import { perUserFactor, requestLimits, type RequestLimits } from './limits.js';

/** Everything Quorum reads from the environment, validated in one place (documented in `.env.example`). */
export interface Config {
  port: number;
  /** A real PostgreSQL; when absent the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  /** How often each instance reads the event table without a wake-up (a lost NOTIFY or Redis message). */
  feedPollMs: number;
  demoPassword: string;
  nodeEnv: 'development' | 'production' | 'test';
  /** The built client served at `/`. */
  clientDir: string;
  sessionIdleHours: number;
  sessionMaxDays: number;
  /** Open sessions per user; a login beyond it ends the user's least recently used ones. */
  sessionsPerUser: number;
  /** Wrong passwords checked per account and per client address within the window, then RATE_LIMITED. */
  loginLimit: { perAccount: number; perAddress: number; windowMinutes: number };
  /**
   * HTTP requests per client (a signed-in user, else an address): `burst` at once then `perSecond`, and
   * `inFlight` running at once; past it RATE_LIMITED (429). WebSocket operations have their own (`operationRate`).
   */
  requestRate: { burst: number; perSecond: number; inFlight: number };
  /**
   * Operations started over WebSocket: `burst` at once then `perSecond` on one socket, three times those for
   * one user across their sockets; past it RATE_LIMITED (limits.ts has the defaults).
   */
  operationRate: Pick<
    RequestLimits,
    | 'operationBurstPerSocket'
    | 'operationsPerSecondPerSocket'
    | 'operationBurstPerUser'
    | 'operationsPerSecondPerUser'
  >;
  /** Days before a task's due day (in the organization's time zone) on which its reminders go, largest first. */
  taskReminderDays: number[];
  /** How often the reminder job runs (reminders and escalations of tasks); 0 turns it off (the tests' default). */
  taskReminderIntervalMs: number;
  /** Notifications by e-mail go through this SMTP server (smtp:// or smtps://); none are sent without it. */
  smtpUrl: string | undefined;
  /** The sender of those e-mails. */
  mailFrom: string;
  /** Where e-mailed links point (the client's origin); the server's own origin when unset. */
  appUrl: string | undefined;
  /**
   * Webhooks: the host names and addresses an administrator allows as endpoints although they are private,
   * loopback or link-local (refused otherwise); the first retry's delay (each next one doubles, up to an hour);
   * and how long a delivery is retried before its endpoint is disabled.
   */
  webhooks: { allowedHosts: ReadonlySet<string>; firstRetryMs: number; retryWindowMs: number };
  /**
   * Operations sent by hash (the manifest of schema/operations): `off`, `allow` (the default), or `only`, where
   * a browser session may run the known operations only and API tokens keep the whole API.
   */
  persistedOperations: PersistedOperationsMode;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

function operationRate(env: NodeJS.ProcessEnv): Config['operationRate'] {
  const burst = integer(env, 'WS_RATE_LIMIT_BURST', requestLimits.operationBurstPerSocket, 1, 1_000_000);
  const perSecond = integer(
    env,
    'WS_RATE_LIMIT_PER_SECOND',
    requestLimits.operationsPerSecondPerSocket,
    1,
    1_000_000,
  );
  return {
    operationBurstPerSocket: burst,
    operationsPerSecondPerSocket: perSecond,
    operationBurstPerUser: burst * perUserFactor,
    operationsPerSecondPerUser: perSecond * perUserFactor,
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!values.includes(raw as T)) throw new ConfigError(name, `must be ${values.join(', ')} (got "${raw}")`);
  return raw as T;
}

function dayList(env: NodeJS.ProcessEnv, name: string, fallback: number[]): number[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const days = raw.split(',').map((part) => part.trim());
  if (days.some((day) => !/^\d+$/.test(day) || Number(day) < 1 || Number(day) > 365)) {
    throw new ConfigError(name, `must be days from 1 to 365 separated by commas, such as 3,1 (got "${raw}")`);
  }
  return [...new Set(days.map(Number))].sort((a, b) => b - a);
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL such as ${protocols[0]}//host:port/… (got "${raw}")`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
  }
  return raw;
}

/**
 * Puts the variables of a `.env` file (the repository's, or the one `ENV_FILE` names) into `process.env`,
 * when the file exists. A variable already set, even to "", keeps its value: the real environment wins.
 * Returns the file read, if any.
 */
export function readEnvFile(): string | undefined {
  const named = process.env.ENV_FILE;
  const file = path.resolve(repoRoot, named || '.env');
  if (!existsSync(file)) {
    if (named) throw new ConfigError('ENV_FILE', `names a file that does not exist (${file})`);
    return undefined;
  }
  process.loadEnvFile(file);
  return file;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'production' && nodeEnv !== 'test') {
    throw new ConfigError('NODE_ENV', `must be development, production or test (got "${nodeEnv}")`);
  }
  const demoPassword = env.DEMO_PASSWORD ?? 'quorum-demo';
  if (demoPassword.length < 8) throw new ConfigError('DEMO_PASSWORD', 'must be at least 8 characters long');
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: path.resolve(repoRoot, env.DATA_DIR || '.data'),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    feedPollMs: integer(env, 'FEED_POLL_MS', 2_000, 100, 3_600_000),
    demoPassword,
    nodeEnv,
    clientDir: path.resolve(repoRoot, env.CLIENT_DIR || 'client/dist'),
    sessionIdleHours: integer(env, 'SESSION_IDLE_HOURS', 12, 1, 24 * 365),
    sessionMaxDays: integer(env, 'SESSION_MAX_DAYS', 30, 1, 365),
    sessionsPerUser: integer(env, 'SESSIONS_PER_USER', 20, 1, 1000),
    // An office behind one NAT shares an address, so the per-address limit is looser.
    loginLimit: { perAccount: 10, perAddress: 30, windowMinutes: 15 },
    requestRate: {
      burst: integer(env, 'RATE_LIMIT_BURST', 100, 1, 1_000_000),
      perSecond: integer(env, 'RATE_LIMIT_PER_SECOND', 20, 1, 1_000_000),
      inFlight: integer(env, 'RATE_LIMIT_IN_FLIGHT', 16, 1, 1_000_000),
    },
    operationRate: operationRate(env),
    taskReminderDays: dayList(env, 'TASK_REMINDER_DAYS', [3, 1]),
    taskReminderIntervalMs: integer(
      env,
      'TASK_REMINDER_INTERVAL_MS',
      nodeEnv === 'test' ? 0 : 300_000,
      0,
      86_400_000,
    ),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM || 'Quorum <quorum@localhost>',
    appUrl: url(env, 'APP_URL', ['http:', 'https:']),
    webhooks: {
      allowedHosts: new Set(
        (env.WEBHOOK_ALLOWED_HOSTS ?? '')
          .split(',')
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean),
      ),
      firstRetryMs: integer(env, 'WEBHOOK_FIRST_RETRY_MS', 5_000, 10, 3_600_000),
      retryWindowMs: integer(env, 'WEBHOOK_RETRY_WINDOW_MS', 86_400_000, 100, 30 * 86_400_000),
    },
    persistedOperations: oneOf(env, 'PERSISTED_OPERATIONS', persistedOperationsModes, 'allow'),
  };
}
