// Vietnamese typed character by character, as the editor sends it (issue 14 part 5 and 6): the trace that the
// co-editing benchmarks replay (collab-document.ts builds a year's document from it, collab-relay.ts relays
// ten typists' traces, collab-writes.ts types it at a human pace).
import * as Y from 'yjs';
import { bodyFragment } from '../../server/src/collab/body-text.js';

/** Deterministic randomness (mulberry32), so that every run builds the same document. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What is typed, over and over: the prose of a proposal, with every kind of Vietnamese diacritic. */
export const corpus = [
  'Căn cứ Nghị quyết số 26-NQ/TW của Ban Chấp hành Trung ương về tiếp tục đổi mới, sắp xếp tổ chức bộ máy.',
  'Ban Thường vụ đề nghị các đồng chí ủy viên nghiên cứu kỹ dự thảo, góp ý bằng văn bản trước phiên họp.',
  'Thực hiện chuyển đổi số trong công tác văn phòng, giảm tối đa hồ sơ giấy, bảo đảm an toàn thông tin.',
  'Đến năm 2030, một trăm phần trăm văn bản được ký số; người đứng đầu chịu trách nhiệm trước tập thể.',
  'Ủy ban Kiểm tra giám sát việc thực hiện, định kỳ sáu tháng báo cáo kết quả; những vướng mắc phát sinh kịp thời xử lý.',
].join(' ');

/** A letter's keystrokes as the text each leaves: "ệ" → ["e", "ẹ", "ệ"], "đ" → ["d", "đ"]. */
export function keystrokes(char: string): string[] {
  if (char === 'đ' || char === 'Đ') return [char === 'đ' ? 'd' : 'D', char];
  const [base = char, ...marks] = char.normalize('NFD');
  const steps = [base];
  // One mark at a time, in Unicode's canonical order (NFD): each a replacement of the letter before the cursor.
  for (let i = 1; i <= marks.length; i++) steps.push((base + marks.slice(0, i).join('')).normalize('NFC'));
  return steps;
}

export interface EditCounts {
  typed: number;
  diacriticReplacements: number;
  backspaces: number;
  wordDeletions: number;
  paragraphBreaks: number;
  cursorMoves: number;
  sessions: number;
}

export interface TypingOptions {
  /** The seed of the choices (typos, deletions, breaks, cursor moves): one trace per seed. */
  seed: number;
  /** Edits per editing session: then the page is opened again, a new Yjs client on the state (none: one). */
  sessionEdits?: number;
  /** The Yjs client id of the (first) session, so that a replayed trace is the same bytes. */
  clientId?: number;
  /** Where in the corpus typing begins, so that several typists do not type the same words. */
  corpusOffset?: number;
}

/**
 * `count` edits, each its own Yjs transaction and update (as y-prosemirror applies a keystroke), on a new
 * document of the editor's shape (its first update makes the paragraph typing begins in); returns the updates
 * in order and the document they make. Several typists' traces, each made this way, apply together (one
 * document, a paragraph each to begin with), as several people typing in one document at once.
 */
export function typeEdits(
  count: number,
  options: TypingOptions,
): { updates: Uint8Array[]; doc: Y.Doc; counts: EditCounts } {
  const next = random(options.seed);
  const sessionEdits = options.sessionEdits ?? Number.POSITIVE_INFINITY;
  const updates: Uint8Array[] = [];
  const counts: EditCounts = {
    typed: 0,
    diacriticReplacements: 0,
    backspaces: 0,
    wordDeletions: 0,
    paragraphBreaks: 0,
    cursorMoves: 0,
    sessions: 1,
  };
  let doc = new Y.Doc();
  if (options.clientId !== undefined) doc.clientID = options.clientId;
  const record = (update: Uint8Array) => updates.push(update);
  doc.on('update', record);
  const paragraphs = () => doc.getXmlFragment(bodyFragment);
  const textOf = (index: number) => (paragraphs().get(index) as Y.XmlElement).get(0) as Y.XmlText;
  const newParagraph = (text: string) => {
    const element = new Y.XmlElement('paragraph');
    element.insert(0, [new Y.XmlText(text)]);
    return element;
  };
  doc.transact(() => paragraphs().insert(0, [newParagraph('')]));
  let paragraph = 0;
  let offset = 0;
  let position = options.corpusOffset ?? 0;
  const edit = (change: (text: Y.XmlText) => void) => doc.transact(() => change(textOf(paragraph)));

  while (updates.length < count) {
    // A new session now and then: the page opened again, a new Yjs client on the stored state.
    if (updates.length >= counts.sessions * sessionEdits) {
      const reopened = new Y.Doc();
      Y.applyUpdate(reopened, Y.encodeStateAsUpdate(doc));
      doc.off('update', record);
      doc.destroy();
      doc = reopened;
      doc.on('update', record);
      counts.sessions++;
    }
    const char = corpus[position % corpus.length]!;
    position++;
    const roll = next();
    if (roll < 0.03 && /\p{L}/u.test(char)) {
      // A typo taken back.
      edit((text) => text.insert(offset, 'x'));
      edit((text) => text.delete(offset, 1));
      counts.typed++;
      counts.backspaces++;
    }
    if (char === ' ' && roll > 0.996 && offset > 0) {
      // The last word deleted at once (Ctrl+Backspace), then typing goes on.
      const before = textOf(paragraph).toString().slice(0, offset);
      const start = before.trimEnd().lastIndexOf(' ') + 1;
      edit((text) => text.delete(start, offset - start));
      offset = start;
      counts.wordDeletions++;
    }
    if (char === ' ' && roll > 0.7 && /[.;]$/.test(textOf(paragraph).toString().slice(0, offset))) {
      // Enter after a sentence: the paragraph splits at the cursor, its tail moving to a new one.
      doc.transact(() => {
        const text = textOf(paragraph);
        const tail = text.toString().slice(offset);
        if (tail) text.delete(offset, tail.length);
        paragraphs().insert(paragraph + 1, [newParagraph(tail)]);
      });
      paragraph++;
      offset = 0;
      counts.paragraphBreaks++;
      continue;
    }
    if (char === ' ' && roll < 0.002 && paragraphs().length > 1) {
      // The cursor moves to a word of an earlier paragraph, and typing goes on there.
      paragraph = Math.floor(next() * paragraphs().length);
      const words = textOf(paragraph).toString().split(' ');
      offset = words.slice(0, Math.floor(next() * words.length)).join(' ').length;
      counts.cursorMoves++;
    }
    const steps = keystrokes(char);
    edit((text) => text.insert(offset, steps[0]!));
    counts.typed++;
    for (const step of steps.slice(1)) {
      edit((text) => {
        text.delete(offset, 1);
        text.insert(offset, step);
      });
      counts.diacriticReplacements++;
    }
    offset += steps[0]!.length;
  }
  doc.off('update', record);
  // The loop's last character may have taken more than one edit: exactly `count` are kept, and the document
  // is what they make.
  updates.length = count;
  const exact = new Y.Doc();
  for (const update of updates) Y.applyUpdate(exact, update);
  doc.destroy();
  return { updates, doc: exact, counts };
}
