import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Response, Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import MarkdownIt from 'markdown-it';
import type { Config } from '../config/config.js';
import { errorCodeExplanations, type Language } from './error-codes.js';
import { escapeHtml } from './html.js';
import { limitRows } from './limits-table.js';
import { renderReference } from './reference.js';

/** The guide's sources (`guide.vi.md`, `guide.en.md`) and the pages' style sheet. */
export const docsDir = path.resolve(import.meta.dirname, '../../../docs');

const words = {
  vi: {
    title: 'Tài liệu API Quorum',
    guide: 'Hướng dẫn',
    reference: 'Tham chiếu API',
    explorer: 'Trình khám phá API',
    other: 'English',
    skip: 'Bỏ qua, tới nội dung',
    contents: 'Mục lục',
    sections: 'Các trang tài liệu',
    code: 'Mã',
    meaning: 'Ý nghĩa',
    action: 'Nên làm gì',
    limit: 'Giới hạn',
    value: 'Giá trị trên máy chủ này',
    over: 'Khi vượt quá',
    referenceNote:
      'Tham chiếu này được tạo từ lược đồ GraphQL của chính máy chủ đang chạy, nên luôn khớp với nó. Các mô tả trong lược đồ chỉ có bằng tiếng Anh.',
  },
  en: {
    title: 'Quorum API documentation',
    guide: 'Guide',
    reference: 'API reference',
    explorer: 'API explorer',
    other: 'Tiếng Việt',
    skip: 'Skip to content',
    contents: 'Contents',
    sections: 'Documentation pages',
    code: 'Code',
    meaning: 'Meaning',
    action: 'What to do',
    limit: 'Limit',
    value: 'Value on this server',
    over: 'Over it',
    referenceNote:
      'This reference is generated from the GraphQL schema of the running server itself, so it always matches it. The schema’s descriptions are in English.',
  },
} as const;

const base = (language: Language) => (language === 'vi' ? '/docs' : '/docs/en');

/** A heading's anchor: lower case ASCII, Vietnamese letters without their marks ("Lỗi và mã lỗi" → "loi-va-ma-loi"). */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A Markdown table, for the generated parts of the guide. */
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [head, head.map(() => '---'), ...rows]
    .map((row) => `| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`)
    .join('\n');

/**
 * `/docs`: the guide (Vietnamese at `/docs`, English at `/docs/en`) and the reference (`…/reference`),
 * rendered on the server as plain HTML with one style sheet, no script: fast, printable, readable without a
 * client build. The guide's Markdown (docs/guide.*.md) says `{{error-codes}}` and `{{limits}}` where the
 * tables generated from the code's error codes and this server's configured limits go, so neither can
 * drift from what the server does. Pages are rendered on their first request and kept.
 */
export function docsRouter(schema: GraphQLSchema, config: Config): Router {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const production = config.nodeEnv === 'production';
  const css = readFileSync(path.join(docsDir, 'docs.css'), 'utf8');
  const guides = {
    vi: readFileSync(path.join(docsDir, 'guide.vi.md'), 'utf8'),
    en: readFileSync(path.join(docsDir, 'guide.en.md'), 'utf8'),
  };
  const pages = new Map<string, string>();
  let reference: ReturnType<typeof renderReference> | undefined;

  const generated = (language: Language) => {
    const w = words[language];
    return {
      'error-codes': table(
        [w.code, w.meaning, w.action],
        Object.entries(errorCodeExplanations).map(([code, explained]) => [
          `\`${code}\``,
          explained[language].meaning,
          explained[language].action,
        ]),
      ),
      limits: table([w.limit, w.value, w.over], limitRows(config, language)),
    };
  };

  const guide = (language: Language) => {
    const parts = generated(language);
    const source = guides[language].replace(
      /^\{\{(error-codes|limits)\}\}$/gm,
      (_match, name: keyof typeof parts) => parts[name],
    );
    const tokens = md.parse(source, {});
    const toc: string[] = [];
    const used = new Set<string>();
    tokens.forEach((token, index) => {
      if (token.type !== 'heading_open') return;
      const text = tokens[index + 1]?.content ?? '';
      let id = slug(text) || 'section';
      while (used.has(id)) id = `${id}-2`;
      used.add(id);
      token.attrSet('id', id);
      if (token.tag === 'h2') toc.push(`<li><a href="#${id}">${escapeHtml(text)}</a></li>`);
    });
    // Tables scroll on their own on a narrow screen rather than widening the page.
    const body = md.renderer
      .render(tokens, md.options, {})
      .replace(/<table>/g, '<div class="table"><table>')
      .replace(/<\/table>/g, '</table></div>');
    return layout(language, 'guide', `<ul>${toc.join('')}</ul>`, body);
  };

  const referencePage = (language: Language) => {
    reference ??= renderReference(schema, md);
    const w = words[language];
    const body = `<h1>${w.reference}</h1><p class="note">${w.referenceNote}</p>${reference.body}`;
    return layout(language, 'reference', reference.toc, body);
  };

  const layout = (language: Language, page: 'guide' | 'reference', toc: string, body: string) => {
    const w = words[language];
    const other: Language = language === 'vi' ? 'en' : 'vi';
    const here = (which: typeof page) => (which === page ? ' aria-current="page"' : '');
    const otherPath = `${base(other)}${page === 'reference' ? '/reference' : ''}`;
    return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page === 'guide' ? w.guide : w.reference} · ${w.title}</title>
<link rel="stylesheet" href="/docs/docs.css">
<link rel="alternate" hreflang="${other}" href="${otherPath}">
</head>
<body>
<a class="skip" href="#main">${w.skip}</a>
<header class="site">
<p class="brand"><a href="/">Quorum</a> · ${w.title}</p>
<nav aria-label="${w.sections}"><ul>
<li><a href="${base(language)}"${here('guide')}>${w.guide}</a></li>
<li><a href="${base(language)}/reference"${here('reference')}>${w.reference}</a></li>
${production ? '' : `<li><a href="/graphql">${w.explorer}</a></li>`}
<li><a href="${otherPath}" lang="${other}" hreflang="${other}">${w.other}</a></li>
</ul></nav>
</header>
<div class="layout">
<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${w.contents}</h2>${toc}</nav>
<main id="main">${body}</main>
</div>
</body>
</html>
`;
  };

  const send = (res: Response, key: string, render: () => string) => {
    let html = pages.get(key);
    if (!html) {
      html = render();
      pages.set(key, html);
    }
    res.type('html').set('Cache-Control', 'no-cache').send(html);
  };

  const router = Router();
  router.get('/docs/docs.css', (_req, res) => {
    res.type('css').set('Cache-Control', 'no-cache').send(css);
  });
  router.get('/docs', (req, res) => {
    // `/docs?lang=en`, the form a link from elsewhere may use.
    if (req.query.lang === 'en') return res.redirect(302, '/docs/en');
    return send(res, 'guide.vi', () => guide('vi'));
  });
  router.get(['/docs/vi', '/docs/vi/reference'], (req, res) =>
    res.redirect(301, req.path.replace('/vi', '')),
  );
  router.get('/docs/en', (_req, res) => send(res, 'guide.en', () => guide('en')));
  router.get('/docs/reference', (_req, res) => send(res, 'reference.vi', () => referencePage('vi')));
  router.get('/docs/en/reference', (_req, res) => send(res, 'reference.en', () => referencePage('en')));
  // Anything else under /docs is not the client's either.
  router.use('/docs', (_req, res) => {
    res
      .status(404)
      .type('text')
      .send('Not found. The documentation is at /docs (Tiếng Việt) and /docs/en (English).');
  });
  return router;
}
