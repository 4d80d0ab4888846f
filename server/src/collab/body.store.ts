import { type EntityManager, LockMode, type MikroORM, raw } from '@mikro-orm/core';
import * as Y from 'yjs';
import { Proposal } from '../entities/index.js';
import { bodyText, seedFromText } from './body-text.js';
import { type CollabDocument, type CollabKind, documentName, parseDocumentName } from './document-name.js';
import { minutesTable } from './minutes.js';
import { agendaNoteTable } from './agenda-notes.js';
import { type CommitListeners, runWrite } from '../commands/run-command.js';
import type { ChangeFeed } from '../realtime/change-feed.js';

type Render = (doc: Y.Doc) => string;

/** What a store writes: the state, and its text and HTML of the same moment (HTML null: keep the last). */
export interface StoredBody {
  state: Uint8Array;
  text: string;
  html: string | null;
}

/** Where one kind of co-edited document lives: its table and columns. */
export interface BodyTable {
  /** The stored state, a seed when nothing is stored yet, or null when the subject does not exist. */
  load(em: EntityManager, id: string): Promise<Uint8Array | null>;
  /** In a transaction: locks the row and reads its stored state (null: none yet); undefined when missing. */
  lock(em: EntityManager, id: string): Promise<{ state: Uint8Array | null } | undefined>;
  /** Writes the state with its text and HTML; a table whose text is an item's details appends its event. */
  write(em: EntityManager, id: string, body: StoredBody, writer: StoreWriter): Promise<void>;
}

/** Whose edits a store carries (null: the server's own), and the change feed its events go to. */
export interface StoreWriter {
  actorId: string | null;
  feed: ChangeFeed | null;
}

/** A proposal's body: `Proposal.body`, `bodyText`, `bodyHtml`; a body with text only opens as that text. */
export const proposalTable: BodyTable = {
  async load(em, id) {
    const row = await em.findOne(Proposal, { id }, { fields: ['id', 'body', 'bodyText'] });
    if (!row) return null;
    return row.body ? new Uint8Array(row.body) : row.bodyText ? seedFromText(row.bodyText) : null;
  },
  async lock(em, id) {
    const row = await em.findOne(
      Proposal,
      { id },
      { fields: ['id', 'body'], lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    return row ? { state: row.body ? new Uint8Array(row.body) : null } : undefined;
  },
  async write(em, id, { state, text, html }) {
    await em.nativeUpdate(
      Proposal,
      { id },
      {
        body: Buffer.from(state),
        bodyText: text,
        // Without a serializer (it failed to load, which is logged) the HTML keeps its last rendering.
        ...(html === null ? {} : { bodyHtml: html }),
        // Named, so that MikroORM does not add its `version = version + 1` to the update.
        version: raw('"version"'),
      },
    );
  },
};

const tables: Record<CollabKind, BodyTable> = {
  proposal: proposalTable,
  minutes: minutesTable,
  description: agendaNoteTable('description'),
  conclusion: agendaNoteTable('conclusion'),
};

/** How long a store that failed (the database away) waits before it is tried again. */
const retryMs = 2_000;

/**
 * A co-edited document in the database, by kind (`BodyTable`): a proposal's body (the Yjs state in
 * `Proposal.body`, with its plain text `bodyText` and HTML `bodyHtml`) or a meeting's minutes (the
 * `meeting_minutes` row), state, text and HTML written in the same statement, so that search, diff and export
 * read what the document says. A store of a body is no edit of the proposal's details: it leaves `version`
 * (the details' optimistic lock) and `updatedAt` alone, and appends no event (the changes travel over
 * `/collab` itself).
 *
 * A store that fails is kept and tried again until it succeeds: Hocuspocus may unload the document in the
 * meantime, so the kept state is merged into the next load and the next store of the same body.
 */
export class BodyStore {
  private renderer: Promise<Render> | null = null;
  /** Unsaved states by document name. */
  private readonly failed = new Map<string, Uint8Array>();
  private retryTimer: NodeJS.Timeout | null = null;

  /**
   * `commits`: who hears of a store's commit (the change feed, for the events of agenda notes); without it (a
   * benchmark of the store alone) stores append no events.
   */
  constructor(
    private readonly orm: MikroORM,
    private readonly commits?: CommitListeners,
  ) {}

  /** Loads TipTap's serializer (a few hundred ms) on first use, not at start-up. */
  private render(): Promise<Render> {
    this.renderer ??= import('./body-html.js').then(({ bodyHtml }) => bodyHtml);
    return this.renderer;
  }

  /** Starts loading the serializer, so that the first store does not wait for it. */
  warm(): void {
    void this.render().catch(() => (this.renderer = null));
  }

  /** The stored state of the document, seeded when it has none yet; null for a missing subject. */
  async fetch(document: CollabDocument): Promise<Uint8Array | null> {
    const stored = await tables[document.kind].load(this.orm.em.fork(), document.id);
    const unsaved = this.failed.get(documentName(document));
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
  async store(document: CollabDocument, doc: Y.Doc, actorId: string | null = null): Promise<void> {
    const name = documentName(document);
    const unsaved = this.failed.get(name);
    if (unsaved) Y.applyUpdate(doc, unsaved);
    if ((await this.persist(document, doc, actorId)) && this.failed.get(name) === unsaved)
      this.failed.delete(name);
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
  private async persist(document: CollabDocument, doc: Y.Doc, actorId: string | null): Promise<boolean> {
    const render = await this.loadRenderer();
    const table = tables[document.kind];
    let state: Uint8Array | null = null;
    const em = this.orm.em.fork();
    const writer: StoreWriter = { actorId, feed: this.commits?.feed ?? null };
    try {
      const work = async (em: EntityManager) => {
        const row = await table.lock(em, document.id);
        if (!row) return;
        if (row.state) Y.applyUpdate(doc, row.state);
        // From here on nothing awaits until the write: state, text and HTML are of one moment.
        state = Y.encodeStateAsUpdate(doc);
        const text = bodyText(doc);
        const html = render ? renderOrText(render, doc, text) : null;
        await table.write(em, document.id, { state, text, html }, writer);
      };
      await (this.commits ? runWrite(em, this.commits, work) : em.transactional(work));
      return true;
    } catch (error) {
      console.error(`collab: storing ${documentName(document)} failed; trying again`, errorName(error));
      this.failed.set(documentName(document), state ?? Y.encodeStateAsUpdate(doc));
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
    for (const [name, state] of [...this.failed]) {
      // A store of the same document may have written (and merged) it meanwhile.
      if (this.failed.get(name) !== state) continue;
      const document = parseDocumentName(name);
      if (!document) continue;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      if ((await this.persist(document, doc, null)) && this.failed.get(name) === state)
        this.failed.delete(name);
      doc.destroy();
    }
  }

  /** Whether the last store of the document failed: its state is kept for a retry, not in the database. */
  unsaved(name: string): boolean {
    return this.failed.has(name);
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
