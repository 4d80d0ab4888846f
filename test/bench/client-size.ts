// The client's initial JavaScript against the 250 kB gzip budget of issue 9: what a browser must download
// before the first page can run. After `pnpm --filter @quorum/client build`, client/dist/index.html names the
// entry script and the chunks it preloads (`<link rel="modulepreload">`); each is gzipped (node:zlib at its default
// level, 6, as express's compression and most servers use) and the sizes are summed. The ratio is size ÷ budget: lower is better, under 1
// meets it. Chunks loaded later (a page's own code, on navigation) are listed but not counted.
//
//   pnpm --filter @quorum/test bench:client-size
//   CLIENT_BUILD=0 pnpm --filter @quorum/test bench:client-size      # measure the dist/ already built
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, reportResult } from './support.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const dist = path.join(repoRoot, 'client', 'dist');
const budgetKb = 250;
const build = process.env.CLIENT_BUILD !== '0';

if (build) {
  const started = performance.now();
  execFileSync('pnpm', ['--filter', '@quorum/client', 'build'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.error(`  … client built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];
const entries = [...html.matchAll(/<script\b[^>]*>/g)]
  .map(([tag]) => tag)
  .filter((tag) => attribute(tag, 'type') === 'module')
  .flatMap((tag) => attribute(tag, 'src') ?? []);
const preloads = [...html.matchAll(/<link\b[^>]*>/g)]
  .map(([tag]) => tag)
  .filter((tag) => attribute(tag, 'rel') === 'modulepreload')
  .flatMap((tag) => attribute(tag, 'href') ?? []);
if (entries.length === 0) throw new Error(`no entry script in ${path.join(dist, 'index.html')}`);

const kb = (bytes: number) => bytes / 1000;
const sizeOf = (href: string) => {
  const content = readFileSync(path.join(dist, href.replace(/^\//, '')));
  return { href, raw: content.length, gzip: gzipSync(content).length };
};
const initial = [...new Set([...entries, ...preloads])].map(sizeOf);
const later = readdirSync(path.join(dist, 'assets'))
  .filter((file) => file.endsWith('.js') && !initial.some((chunk) => chunk.href.endsWith(`/${file}`)))
  .map((file) => sizeOf(`/assets/${file}`));
const total = initial.reduce((sum, chunk) => sum + chunk.gzip, 0);
const totalRaw = initial.reduce((sum, chunk) => sum + chunk.raw, 0);

console.log(
  [
    `The client's initial JavaScript (entry and modulepreload chunks of client/dist/index.html), gzip at zlib's default level; kB = 1,000 bytes`,
    '| chunk | loaded | raw kB | gzip kB |',
    '| --- | --- | ---: | ---: |',
    ...initial.map((c) => `| ${c.href} | initially | ${kb(c.raw).toFixed(1)} | ${kb(c.gzip).toFixed(1)} |`),
    ...later.map((c) => `| ${c.href} | later | ${kb(c.raw).toFixed(1)} | ${kb(c.gzip).toFixed(1)} |`),
    `| **initial total** | | ${kb(totalRaw).toFixed(1)} | ${kb(total).toFixed(1)} |`,
    `Budget ${budgetKb} kB gzip: ${((kb(total) / budgetKb) * 100).toFixed(0)} % of it (ratio size ÷ budget, lower is better).`,
  ].join('\n'),
);
reportResult({
  bench: 'client-size',
  figures: [
    figure({
      name: "client's initial JavaScript, gzip",
      unit: 'kB',
      quorum: kb(total),
      baseline: budgetKb,
      baselineLabel: 'the 250 kB gzip budget',
      better: 'lower',
      target: { of: 'value', op: '<', value: budgetKb, text: '< 250 kB' },
      details: {
        rawKb: kb(totalRaw),
        chunks: initial.map((c) => ({ href: c.href, gzipKb: kb(c.gzip) })),
        laterKb: kb(later.reduce((sum, chunk) => sum + chunk.gzip, 0)),
      },
    }),
  ],
  settings: { built: build, gzipLevel: 6 },
});
