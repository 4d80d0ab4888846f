import { Classification, notificationKindWords, SubjectType } from '@quorum/shared';
import { LockMode, type MikroORM } from '@mikro-orm/core';
import type { Transporter } from 'nodemailer';
import { Notification } from '../entities/index.js';
import { loadSubject, type Subject } from '../policies/subject.policy.js';
import type { NotificationMailer } from '../realtime/notification-hub.js';
import type { JobQueue } from './queue.js';

// E-mail of notifications (issue 13, item 2), when SMTP_URL is set. A command's commit hands the ids of the
// notifications whose users want them by e-mail; a job sends each once: in one transaction it locks the
// notification, sends, and marks `emailed_at`, so a retry, another instance or a second enqueue of the same
// ids sends nothing twice (a send that fails rolls the mark back, and the job is tried again).

/** The client's page of an event's object: its own, or its scope's (an agenda item's meeting, a round's proposal). */
export function objectPath(event: {
  subjectType: SubjectType;
  subjectId: string;
  scopeType: SubjectType;
  scopeId: string;
}): string {
  const pageOf = (type: SubjectType, id: string): string | null => {
    switch (type) {
      case SubjectType.MEETING:
        return `/meetings/${id}`;
      case SubjectType.PROPOSAL:
        return `/proposals/${id}`;
      case SubjectType.TASK:
        return `/tasks/${id}`;
      case SubjectType.PROGRAMME:
        return `/programme/${id}`;
      default:
        return null;
    }
  };
  return pageOf(event.subjectType, event.subjectId) ?? pageOf(event.scopeType, event.scopeId) ?? '/';
}

function titleOf(subject: Subject | null): string | null {
  if (!subject) return null;
  if ('title' in subject && typeof subject.title === 'string') return subject.title;
  return null;
}

export interface MailSettings {
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where links point: APP_URL, else the server's own origin (known once it listens). */
  appUrl: () => string;
}

export const mailQueue = 'notification-mail';

export class NotificationMailJob implements NotificationMailer {
  private transport: Transporter | undefined;
  private queued = false;
  private running = new Set<Promise<unknown>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly settings: MailSettings,
    /** Sends go through it on PostgreSQL; without it (PGlite), in this process. */
    private readonly queue: JobQueue,
  ) {}

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  async start(): Promise<void> {
    if (!this.settings.smtpUrl) return;
    const { createTransport } = await import('nodemailer');
    this.transport = createTransport(this.settings.smtpUrl);
    this.queued = await this.queue.work<{ ids: string[] }>(
      mailQueue,
      { policy: 'standard', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
      { pollingIntervalSeconds: 0.5, batchSize: 20 },
      async (jobs) => {
        for (const job of jobs) await this.send(job.data.ids);
      },
    );
  }

  /** After the commit: the job for these notifications (or, on the embedded database, the sends here). */
  enqueue(notificationIds: readonly string[]): void {
    if (!this.transport || notificationIds.length === 0) return;
    const ids = [...notificationIds];
    if (this.queued) return this.queue.send(mailQueue, { ids });
    const run = this.send(ids)
      .catch((error: unknown) => console.error('Notification mail: sending failed', error))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Sends each notification's e-mail unless it went already; throws (to be retried) when a send fails. */
  async send(ids: readonly string[]): Promise<number> {
    if (!this.transport) return 0;
    let sent = 0;
    for (const id of ids) {
      await this.orm.em.fork().transactional(async (em) => {
        // Locked alone (FOR UPDATE refuses an outer join), then its user and event.
        const notification = await em.findOne(
          Notification,
          { id, emailedAt: null },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!notification) return;
        await em.populate(notification, ['user', 'event']);
        const user = notification.user.getEntity();
        const event = notification.event.getEntity();
        if (!user.active) return;
        // A title goes by e-mail only from what every member may read; the rest says what and links to it.
        const title =
          event.classification === Classification.INTERNAL
            ? titleOf(await loadSubject(em, event.subjectType, event.subjectId))
            : null;
        const words = notificationKindWords[notification.kind];
        const link = new URL(objectPath(event), this.settings.appUrl()).toString();
        const about = title ? `: ${title}` : '';
        await this.transport!.sendMail({
          from: this.settings.mailFrom,
          to: user.email,
          subject: `[Quorum] ${words.vi}${about} / ${words.en}${about}`,
          text: [
            `Kính gửi ${user.fullName},`,
            '',
            `${words.vi}${about}.`,
            `Xem tại: ${link}`,
            '',
            '---',
            '',
            `Dear ${user.fullName},`,
            '',
            `${words.en}${about}.`,
            `Open: ${link}`,
            '',
            'Quorum. Bạn có thể tắt thư này trong trang Tài khoản / You can turn these e-mails off on your Account page.',
          ].join('\n'),
        });
        notification.emailedAt = new Date();
        sent += 1;
      });
    }
    return sent;
  }

  /** Waits for the sends under way (the tests', and shutdown's). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Waits for the sends under way here (the queue's stop waits for the queue's), then closes the transport. */
  async stop(): Promise<void> {
    this.queued = false;
    await this.idle();
    this.transport?.close();
    this.transport = undefined;
  }
}
