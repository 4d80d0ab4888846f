import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { proposalDocumentName } from '../../src/collab/document-name.js';

/** One headless co-editor: a Yjs document kept in step with `/collab` by Hocuspocus's own provider. */
export interface CollabClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Refusals at connect (`authenticationFailed`), closes of the document by the server, stateless messages. */
  refusals: string[];
  closes: string[];
  stateless: string[];
  authenticated: Promise<void>;
  /** Resolves with the refusal's reason, if the server refuses. */
  refused: Promise<string>;
  destroy(): void;
}

/**
 * `ws` with an error listener of its own. The provider, to reconnect, closes a socket that is still connecting
 * after it has taken its own handlers off; `ws` then emits "closed before the connection was established" as an
 * error event, which with no listener is an uncaught exception of the test run. The provider's handlers, when
 * set, still hear every error.
 */
class ListenedWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}

/** A client of `proposal:<id>` over the real WebSocket endpoint, with a quick reconnect (the tests restart). */
export function collabClient(
  serverUrl: string,
  proposalId: string,
  token: string | null,
  doc: Y.Doc = new Y.Doc(),
  name = proposalDocumentName(proposalId),
): CollabClient {
  const socket = new HocuspocusProviderWebsocket({
    url: `${serverUrl.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: ListenedWebSocket,
    delay: 50,
    minDelay: 50,
    maxDelay: 400,
    factor: 1.5,
    initialDelay: 0,
    maxAttempts: 0,
  });
  const refusals: string[] = [];
  const closes: string[] = [];
  const stateless: string[] = [];
  let authenticated!: () => void;
  let refused!: (reason: string) => void;
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onAuthenticated: () => authenticated(),
    onAuthenticationFailed: ({ reason }) => {
      refusals.push(reason);
      refused(reason);
    },
    onClose: ({ event }) => {
      if (event.reason) closes.push(event.reason);
    },
    onStateless: ({ payload }) => stateless.push(payload),
  });
  const client: CollabClient = {
    doc,
    provider,
    socket,
    refusals,
    closes,
    stateless,
    authenticated: new Promise((resolve) => (authenticated = resolve)),
    refused: new Promise((resolve) => (refused = resolve)),
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
  provider.attach();
  return client;
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs` (a bound, not a figure). */
export async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The body's paragraphs as plain strings (what the tests write and read). */
export function paragraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((child) =>
              child instanceof Y.XmlText
                ? (child.toDelta() as { insert: unknown }[])
                    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
                    .join('')
                : '',
            )
            .join('')
        : '',
    );
}

/** Appends a paragraph with `text`, as the editor does (a `paragraph` element holding one Y.XmlText). */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const fragment = doc.getXmlFragment('default');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

export const sameState = (a: Y.Doc, b: Y.Doc) =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

const words = [
  'Nghị quyết',
  'đề án',
  'chuyển đổi số',
  'ngân sách',
  'năm 2030',
  'thẩm định',
  'Điều 1.',
  'và',
  '—',
];

/** A small seeded generator, so that a failing run can be replayed with COLLAB_SEED. */
export function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]) => items[int(items.length)]! };
}

export type Random = ReturnType<typeof generator>;

/** One random edit of the XML fragment the editor binds to, as TipTap's nodes and marks would make it. */
export function randomEdit(doc: Y.Doc, random: Random): void {
  const fragment = doc.getXmlFragment('default');
  doc.transact(() => {
    const blocks = fragment.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
    const roll = random.next();
    if (blocks.length === 0 || roll < 0.15) {
      const heading = random.next() < 0.2;
      const block = new Y.XmlElement(heading ? 'heading' : 'paragraph');
      // A number, as TipTap stores it (Yjs's typings say string).
      if (heading) block.setAttribute('level', (1 + random.int(3)) as unknown as string);
      block.insert(0, [new Y.XmlText(random.pick(words))]);
      fragment.insert(random.int(fragment.length + 1), [block]);
      return;
    }
    if (roll < 0.25 && blocks.length > 2) {
      fragment.delete(random.int(fragment.length), 1);
      return;
    }
    const block = random.pick(blocks);
    const text = block.get(0);
    if (!(text instanceof Y.XmlText)) {
      block.insert(0, [new Y.XmlText(random.pick(words))]);
      return;
    }
    if (roll < 0.65 || text.length === 0) {
      text.insert(random.int(text.length + 1), ` ${random.pick(words)}`);
    } else if (roll < 0.85) {
      const at = random.int(text.length);
      text.delete(at, 1 + random.int(Math.min(8, text.length - at)));
    } else {
      const at = random.int(text.length);
      text.format(at, 1 + random.int(text.length - at), random.next() < 0.5 ? { bold: {} } : { italic: {} });
    }
  });
}
