import type PgBoss from 'pg-boss';

type QueueOptions = Omit<PgBoss.Queue, 'name'>;

/**
 * The one pg-boss of a server process, shared by its jobs (task reminders, notification e-mail). It starts on
 * the first queue asked for, on PostgreSQL only: the embedded database has one process, which does the work
 * itself. A queue that cannot start answers false, and its job then works in process too.
 */
export class JobQueue {
  private boss: Promise<PgBoss> | undefined;

  constructor(
    /** PostgreSQL's URL; undefined on the embedded database. */
    private readonly databaseUrl: string | undefined,
  ) {}

  /**
   * Creates the queue and works its jobs here (as every instance does: one of them takes each job). False
   * when there is no queue: on the embedded database, or when pg-boss did not start.
   */
  async work<T extends object>(
    name: string,
    options: QueueOptions,
    work: PgBoss.WorkOptions,
    handler: (jobs: PgBoss.Job<T>[]) => Promise<void>,
  ): Promise<boolean> {
    if (!this.databaseUrl) return false;
    try {
      const boss = await this.started(this.databaseUrl);
      await boss.createQueue(name, { name, ...options });
      await boss.work<T>(name, work, handler);
      return true;
    } catch (error) {
      console.error(`Job queue ${name}: did not start; its work runs in this process:`, error);
      return false;
    }
  }

  /** Enqueues a job on a queue `work` started; a failure is logged (the caller's state in the database stays). */
  send(name: string, data: object, options: PgBoss.SendOptions = {}): void {
    void this.boss
      ?.then((boss) => boss.send(name, data, options))
      .catch((error: unknown) => console.error(`Job queue ${name}: enqueue failed`, error));
  }

  /** Waits for the jobs under way, up to a few seconds, then stops. */
  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    await boss
      ?.then((started) => started.stop({ graceful: true, wait: true, timeout: 3_000 }))
      .catch(() => undefined);
  }

  private started(connectionString: string): Promise<PgBoss> {
    this.boss ??= (async () => {
      const { default: PgBossClass } = await import('pg-boss');
      const boss = new PgBossClass({
        connectionString,
        schema: 'pgboss',
        max: 2,
        application_name: 'quorum-jobs',
        // Jobs are enqueued by the application's own timers and commits; no cron.
        schedule: false,
      });
      boss.on('error', (error) => console.error('Job queue:', error));
      await boss.start();
      return boss;
    })();
    // A start that failed is tried again by the next queue.
    this.boss.catch(() => (this.boss = undefined));
    return this.boss;
  }
}
