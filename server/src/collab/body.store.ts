import { LockMode, type MikroORM, raw } from '@mikro-orm/core';
import * as Y from 'yjs';
import { Proposal } from '../entities/index.js';
import { bodyText, seedFromText } from './body-text.js';

type Render = (doc: Y.Doc) => string;

/** How long a store that failed (the database away) waits before it is tried again. */
const retryMs = 2_000;

/**
 * A proposal's body in the database: the Yjs state in `Proposal.body`, with its plain text (`bodyText`) and
 * HTML (`bodyHtml`) written in the same statement, so that search, diff and export read what the document
 * says. A store is no edit of the proposal's details: it leaves `version` (the details' optimistic lock) and
 * `updatedAt` alone, and appends no event (the body's changes travel over `/collab` itself).
 *
 * A store that fails is kept and tried again until it succeeds: Hocuspocus may unload the document in the
 * meantime, so the kept state is merged into the next load and the next store of the same body.
 */
export class BodyStore {
  private renderer: Promise<Render> | null = null;
  private readonly failed = new Map<string, Uint8Array>();
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly orm: MikroORM) {}

  /** Loads TipTap's serializer (a few hundred ms) on first use, not at start-up. */
  private render(): Promise<Render> {
    this.renderer ??= import('./body-html.js').then(({ bodyHtml }) => bodyHtml);
    return this.renderer;
  }

  /** Starts loading the serializer, so that the first store does not wait for it. */
  warm(): void {
    void this.render().catch(() => (this.renderer = null));
  }

  /** The stored state of the body, seeded from its text when it has none yet; null for a missing proposal. */
  async fetch(proposalId: string): Promise<Uint8Array | null> {
    const row = await this.orm.em
      .fork()
      .findOne(Proposal, { id: proposalId }, { fields: ['id', 'body', 'bodyText'] });
    if (!row) return null;
    const stored = row.body ? new Uint8Array(row.body) : row.bodyText ? seedFromText(row.bodyText) : null;
    const unsaved = this.failed.get(proposalId);
    if (!unsaved) return stored;
    return stored ? Y.mergeUpdates([stored, unsaved]) : unsaved;
  }

  /**
   * Writes the document's state, text and HTML as they are now. Never throws: a failure is retried.
   *
   * What is stored is merged in first (the row locked meanwhile): another instance serving the same body
   * stores its edits too, and neither overwrites the other's; what this instance lacked reaches its clients
   * as an update (applied without an origin, so Hocuspocus relays it and does not store it again).
   */
  async store(proposalId: string, doc: Y.Doc): Promise<void> {
    const unsaved = this.failed.get(proposalId);
    if (unsaved) Y.applyUpdate(doc, unsaved);
    if ((await this.persist(proposalId, doc)) && this.failed.get(proposalId) === unsaved)
      this.failed.delete(proposalId);
  }

  private async loadRenderer(): Promise<Render | null> {
    try {
      return await this.render();
    } catch (error) {
      this.renderer = null;
      console.error('collab: the HTML serializer did not load', errorName(error));
      return null;
    }
  }

  /** True when written; else the document's state is kept for a retry. */
  private async persist(proposalId: string, doc: Y.Doc): Promise<boolean> {
    const render = await this.loadRenderer();
    let state: Uint8Array | null = null;
    try {
      await this.orm.em.fork().transactional(async (em) => {
        const row = await em.findOne(
          Proposal,
          { id: proposalId },
          { fields: ['id', 'body'], lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!row) return;
        if (row.body) Y.applyUpdate(doc, new Uint8Array(row.body));
        // From here on nothing awaits until the write: state, text and HTML are of one moment.
        state = Y.encodeStateAsUpdate(doc);
        const text = bodyText(doc);
        const html = render ? renderOrText(render, doc, text) : null;
        await em.nativeUpdate(
          Proposal,
          { id: proposalId },
          {
            body: Buffer.from(state),
            bodyText: text,
            // Without a serializer (it failed to load, which is logged) the HTML keeps its last rendering.
            ...(html === null ? {} : { bodyHtml: html }),
            // Named, so that MikroORM does not add its `version = version + 1` to the update.
            version: raw('"version"'),
          },
        );
      });
      return true;
    } catch (error) {
      console.error(
        `collab: storing the body of proposal ${proposalId} failed; trying again`,
        errorName(error),
      );
      this.failed.set(proposalId, state ?? Y.encodeStateAsUpdate(doc));
      if (!this.retryTimer) {
        this.retryTimer = setTimeout(() => void this.retry(), retryMs);
        // Shutdown makes its own last attempt (`flush`); a pending retry does not keep the process alive.
        this.retryTimer.unref();
      }
      return false;
    }
  }

  private async retry(): Promise<void> {
    this.retryTimer = null;
    for (const [proposalId, state] of [...this.failed]) {
      // A store of the same body may have written (and merged) it meanwhile.
      if (this.failed.get(proposalId) !== state) continue;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      if ((await this.persist(proposalId, doc)) && this.failed.get(proposalId) === state)
        this.failed.delete(proposalId);
      doc.destroy();
    }
  }

  /** Tries what failed once more (at shutdown); true when nothing is left unsaved. */
  async flush(): Promise<boolean> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.failed.size > 0) await this.retry();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    return this.failed.size === 0;
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A node the schema does not know (from another editor version) still leaves readable HTML: its text. */
function renderOrText(render: Render, doc: Y.Doc, text: string): string {
  try {
    return render(doc);
  } catch (error) {
    console.error('collab: the body does not fit the editor schema; its HTML is its text', errorName(error));
    return text
      .split('\n')
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('');
  }
}

const errorName = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : error);
