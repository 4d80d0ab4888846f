/**
 * A co-edited document after a year of edits (issue 14 part 6, "Lock-free scale"): a proposal body of the
 * editor's shape (TipTap's 'default' XmlFragment of paragraphs, as server/src/collab/body-text.ts reads and
 * seeds it) built by EDITS Yjs updates (100,000), each one edit as the editor makes it: Vietnamese text typed
 * a character at a time, diacritics as a Vietnamese keyboard makes them (the base letter, then each mark
 * replacing it: e → ẹ → ệ, d → đ), typos taken back with a backspace, words deleted, paragraphs split, the cursor moving to
 * earlier paragraphs, and the editing spread over sessions of different Yjs clients (a page opened again).
 *
 * What Quorum keeps of it is the whole state, `Y.encodeStateAsUpdate(doc)`, as BodyStore writes it
 * (server/src/collab/body.store.ts); the baseline, measured in the same run, is what an append-only log of
 * the updates would keep and replay. Figures:
 *   - stored size: the state's bytes against the EDITS updates concatenated;
 *   - load: applying the state to a fresh Y.Doc against applying the EDITS updates one by one;
 *   - store: one BodyStore.store of the document (row locked, merged, text and HTML rendered, written) on a
 *     fresh PostgreSQL database, against a bare `pg` update writing the same state, text and HTML;
 *   - fetch: one BodyStore.fetch of it against a bare `pg` select of the same bytes.
 * Rounds alternate which side goes first; each side's figure is its median round, after one warm-up round.
 * Both loads must give the document's text, and the stored row must hold it (checked); nothing is asserted on
 * time.
 *
 *   flock /tmp/quorum-bench.lock flock /tmp/quorum-test.lock pnpm --filter @quorum/test bench:collab-document
 *   EDITS=20000 DOCUMENT_ROUNDS=3 pnpm --filter @quorum/test bench:collab-document    # a quick run
 *
 * Options (environment): EDITS (100000), DOCUMENT_ROUNDS (5 counted rounds, plus the warm-up), SESSION_EDITS
 * (2000: edits per editing session, each a new Yjs client), DATABASE_URL (the PostgreSQL on which the fresh
 * database is made; default postgresql://postgres@127.0.0.1:5432/postgres).
 */
import { deepStrictEqual } from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as Y from 'yjs';
import { bodyFragment, bodyText } from '../../server/src/collab/body-text.js';
import {
  envNumber,
  figure,
  reportResult,
  seedDirectory,
  withBenchStack,
  type BenchFigure,
} from './support.js';
import { typeEdits } from './typing.js';

const editCount = envNumber('EDITS', 100_000);
const rounds = envNumber('DOCUMENT_ROUNDS', 5);
const sessionEdits = Math.max(1, envNumber('SESSION_EDITS', 2000));
const repoRoot = path.resolve(import.meta.dirname, '../..');

const log = (line: string) => console.error(`  … ${line}`);

// --- Measuring ------------------------------------------------------------------------------------------------

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** `rounds` counted rounds after a warm-up, the order alternating; each side's milliseconds per round. */
async function alternating(
  quorum: () => unknown,
  baseline: () => unknown,
): Promise<{ quorum: number[]; baseline: number[] }> {
  const out = { quorum: [] as number[], baseline: [] as number[] };
  for (let round = 0; round <= rounds; round++) {
    const order = round % 2 === 0 ? (['quorum', 'baseline'] as const) : (['baseline', 'quorum'] as const);
    for (const side of order) {
      const ms = await time(side === 'quorum' ? quorum : baseline);
      if (round > 0) out[side].push(ms);
    }
  }
  return out;
}

const grouped = (n: number) => Math.round(n).toLocaleString('en-US');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(value >= 100 ? 0 : 2)} ms`;

async function main(): Promise<void> {
  const commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: repoRoot })
    .toString()
    .trim();
  log(`building the document through ${grouped(editCount)} edits`);
  const built = performance.now();
  const { updates, doc, counts } = typeEdits(editCount, { seed: 14, sessionEdits });
  const buildMs = performance.now() - built;
  const text = bodyText(doc);
  // What Quorum stores (BodyStore.persist): the whole state.
  const state = Y.encodeStateAsUpdate(doc);
  const logBytes = updates.reduce((sum, update) => sum + update.byteLength, 0);

  log('loading it: the stored state against the updates one by one');
  const loadState = () => {
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, state);
    return fresh;
  };
  const replayLog = () => {
    const fresh = new Y.Doc();
    for (const update of updates) Y.applyUpdate(fresh, update);
    return fresh;
  };
  // Both give the document (its text), or the comparison means nothing.
  for (const load of [loadState, replayLog]) {
    const loaded = load();
    deepStrictEqual(bodyText(loaded), text);
    loaded.destroy();
  }
  const load = await alternating(
    () => loadState().destroy(),
    () => replayLog().destroy(),
  );

  log('storing and fetching it through BodyStore on a fresh PostgreSQL database');
  const database = await withBenchStack('quorum_collab_doc', async ({ database, db, pool }) => {
    const [{ BodyStore }, { Proposal }, { ProposalKind }] = await Promise.all([
      import('../../server/src/collab/body.store.js'),
      import('../../server/src/entities/index.js'),
      import('../../server/src/entities/enums.js'),
    ]);
    const em = db.orm.em.fork();
    const directory = await seedDirectory(em);
    const unit = directory.departments[0]!;
    const owner = directory.user('Nguyễn Thị Hồng', unit);
    const proposal = (title: string) =>
      em.create(Proposal, {
        organization: directory.organization,
        title,
        kind: ProposalKind.PROPOSAL,
        leadUnit: unit,
        owner,
      });
    const warm = proposal('Đề án khởi động');
    const measured = proposal('Đề án chuyển đổi số, một năm chỉnh sửa');
    const bare = proposal('Đề án cho phép đo trực tiếp');
    await em.flush();
    const store = new BodyStore(db.orm);
    // The serializer's first load (TipTap, a few hundred ms) and the JIT, on another body.
    const small = new Y.Doc();
    Y.applyUpdate(small, updates[0]!);
    await store.store({ kind: 'proposal', id: warm.id }, small);
    const document = { kind: 'proposal', id: measured.id } as const;
    // As Hocuspocus holds it: a document loaded from the stored state (the rounds store it again and again,
    // each merging what the row holds, as every store after the first does).
    const served = loadState();
    await store.store(document, served);
    const [row] = (
      await pool.query<{ body: Buffer; body_text: string; body_html: string | null }>(
        'select body, body_text, body_html from proposal where id = $1',
        [measured.id],
      )
    ).rows;
    // Stored whole and rendered, or the store failed (it logs and retries rather than throw).
    if (!row?.body_html) throw new Error('BodyStore did not store the document');
    deepStrictEqual(row.body_text, text);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, new Uint8Array(row.body));
    deepStrictEqual(bodyText(stored), text);
    stored.destroy();

    const storeTimes = await alternating(
      () => store.store(document, served),
      () =>
        pool.query('update proposal set body = $1, body_text = $2, body_html = $3 where id = $4', [
          row.body,
          row.body_text,
          row.body_html,
          bare.id,
        ]),
    );
    const fetched = await store.fetch(document);
    deepStrictEqual(fetched?.byteLength, row.body.byteLength);
    const fetchTimes = await alternating(
      () => store.fetch(document),
      () => pool.query('select body from proposal where id = $1', [bare.id]),
    );
    served.destroy();
    return {
      host: database.host,
      name: database.name,
      storedBytes: row.body.byteLength,
      htmlChars: row.body_html.length,
      store: storeTimes,
      fetch: fetchTimes,
    };
  });

  const paragraphCount = doc.getXmlFragment(bodyFragment).length;
  const details = {
    edits: editCount,
    ...counts,
    paragraphs: paragraphCount,
    characters: text.length,
    htmlCharacters: database.htmlChars,
    buildSeconds: Number((buildMs / 1000).toFixed(1)),
  };
  const figures: BenchFigure[] = [
    figure({
      name: `stored size of a body after ${grouped(editCount)} edits`,
      unit: 'bytes',
      quorum: state.byteLength,
      baseline: logBytes,
      baselineLabel: `the ${grouped(editCount)} updates concatenated, as an append-only log keeps them`,
      better: 'lower',
      details,
    }),
    figure({
      name: `load of a body after ${grouped(editCount)} edits into a fresh Y.Doc`,
      unit: 'ms',
      quorum: median(load.quorum),
      baseline: median(load.baseline),
      baselineLabel: `the ${grouped(editCount)} updates applied one by one`,
      better: 'lower',
      details: { rounds: load },
    }),
    figure({
      name: `one BodyStore.store of that body (lock, merge, encode, text, HTML, write)`,
      unit: 'ms',
      quorum: median(database.store.quorum),
      baseline: median(database.store.baseline),
      baselineLabel: 'bare pg update of the same state, text and HTML',
      better: 'lower',
      details: { rounds: database.store },
    }),
    figure({
      name: 'one BodyStore.fetch of that body',
      unit: 'ms',
      quorum: median(database.fetch.quorum),
      baseline: median(database.fetch.baseline),
      baselineLabel: 'bare pg select of the same bytes',
      better: 'lower',
      details: { rounds: database.fetch },
    }),
  ];
  const ratio = (f: BenchFigure) => `${f.ratio.toFixed(f.ratio < 0.01 ? 4 : 2)}×`;
  const [size, loaded, stored, fetched] = figures as [BenchFigure, BenchFigure, BenchFigure, BenchFigure];
  const lines = [
    `A proposal body after ${grouped(editCount)} edits, Quorum ${commit}: ${grouped(text.length)} characters in ${grouped(paragraphCount)} paragraphs,`,
    `typed character by character in Vietnamese (${grouped(counts.typed)} keystrokes, ${grouped(counts.diacriticReplacements)} diacritic replacements, ${grouped(counts.backspaces)} backspaces,`,
    `${grouped(counts.wordDeletions)} word deletions, ${grouped(counts.paragraphBreaks)} paragraph breaks, ${grouped(counts.cursorMoves)} cursor moves) over ${counts.sessions} editing sessions (Yjs clients); built in ${(buildMs / 1000).toFixed(1)} s.`,
    `Times: median of ${rounds} rounds after a warm-up, order alternating. PostgreSQL ${database.host} (fresh database ${database.name}, dropped afterwards).`,
    '',
    '| figure | Quorum | baseline | ratio Quorum ÷ baseline |',
    '| --- | ---: | ---: | ---: |',
    `| stored size | ${kb(size.quorum)} (the whole state, as BodyStore stores it) | ${kb(size.baseline)} (${size.baselineLabel}) | ${ratio(size)} |`,
    `| load into a fresh Y.Doc | ${ms(loaded.quorum)} (apply the stored state) | ${ms(loaded.baseline)} (${loaded.baselineLabel}) | ${ratio(loaded)} |`,
    `| store (BodyStore.store: lock, merge, encode, text, HTML, write) | ${ms(stored.quorum)} | ${ms(stored.baseline)} (${stored.baselineLabel}) | ${ratio(stored)} |`,
    `| load from the database (BodyStore.fetch) | ${ms(fetched.quorum)} | ${ms(fetched.baseline)} (${fetched.baselineLabel}) | ${ratio(fetched)} |`,
    '',
    `The stored row: ${kb(database.storedBytes)} of state, ${grouped(text.length)} characters of text, ${grouped(database.htmlChars)} of HTML.`,
  ];
  console.log(lines.join('\n'));
  reportResult({
    bench: 'collab-document',
    figures,
    settings: { edits: editCount, rounds, sessionEdits, commit },
  });
}

await main();
