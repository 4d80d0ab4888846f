// The documentation at /docs (issue 15 item 4): the guide in Vietnamese and English with every error code and
// this server's configured limits, the reference generated from the schema the server runs, links that lead
// somewhere, and the explorer outside production only.
import { ErrorCode } from '@quorum/shared';
import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReference } from '../src/docs/reference.js';
import { getSchema } from '../src/schema.js';
import { RefusalCode } from '../src/security/refusal.js';
import { startTestServer, type TestServer } from './support/server.js';

async function page(server: TestServer, path: string) {
  const response = await fetch(`${server.url}${path}`);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    html: await response.text(),
  };
}

const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]+)"/g)].map((match) => match[1]!);

describe('/docs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(undefined, { RATE_LIMIT_BURST: '987654' });
  });
  afterAll(() => server?.close());

  it('serves the guide in Vietnamese at /docs and in English at /docs/en, each linking to the other', async () => {
    const vi = await page(server, '/docs');
    expect(vi.status).toBe(200);
    expect(vi.type).toMatch(/^text\/html/);
    expect(vi.html).toContain('<html lang="vi">');
    expect(vi.html).toContain('Lỗi và mã lỗi');
    expect(vi.html).toMatch(/<a href="\/docs\/en" lang="en" hreflang="en">English<\/a>/);
    const en = await page(server, '/docs/en');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('Errors and their codes');
    expect(en.html).toMatch(/<a href="\/docs" lang="vi" hreflang="vi">Tiếng Việt<\/a>/);
    const redirected = await fetch(`${server.url}/docs?lang=en`);
    expect(redirected.url).toBe(`${server.url}/docs/en`);
    // No script and no inline style: the pages run under the client's Content Security Policy.
    for (const html of [vi.html, en.html]) {
      expect(html).not.toMatch(/<script|\sstyle=/);
      expect(html).toContain('href="/docs/docs.css"');
    }
    const css = await page(server, '/docs/docs.css');
    expect(css.status).toBe(200);
    expect(css.type).toMatch(/^text\/css/);
  });

  it('lists every error code in both languages, and the limits this server is configured with', async () => {
    for (const [path, burst] of [
      ['/docs', '987.654'],
      ['/docs/en', '987,654'],
    ] as const) {
      const { html } = await page(server, path);
      for (const code of [
        ...Object.values(ErrorCode),
        ...Object.values(RefusalCode),
        'PERSISTED_QUERY_NOT_FOUND',
      ])
        expect(html, `${path} explains ${code}`).toContain(`<td><code>${code}</code></td>`);
      expect(html).toContain(burst);
    }
    expect((await page(server, '/docs')).html).toContain('Nên làm gì');
  });

  it('serves the reference of the running schema: every root field, with its description and arguments', async () => {
    const schema = await getSchema();
    const md = new MarkdownIt();
    for (const path of ['/docs/reference', '/docs/en/reference']) {
      const { status, html } = await page(server, path);
      expect(status).toBe(200);
      const anchors = ids(html);
      for (const root of [schema.getQueryType()!, schema.getMutationType()!, schema.getSubscriptionType()!]) {
        for (const field of Object.values(root.getFields())) {
          expect(anchors.has(`${root.name}.${field.name}`), `${root.name}.${field.name}`).toBe(true);
        }
      }
      const createWebhook = schema.getMutationType()!.getFields().createWebhook!;
      expect(html).toContain(md.render(createWebhook.description!));
      expect(html).toContain('<code>input: <a href="#CreateWebhookInput">CreateWebhookInput</a>!</code>');
      expect(anchors.has('CreateWebhookInput.url')).toBe(true);
      expect(anchors.has('ApiTokenScope.WRITE')).toBe(true);
    }
    expect((await page(server, '/docs/reference')).html).toContain('chỉ có bằng tiếng Anh');
  });

  it('has no link to an anchor or a page of /docs that does not exist', async () => {
    const pages = ['/docs', '/docs/en', '/docs/reference', '/docs/en/reference'];
    const fetched = new Map(
      await Promise.all(pages.map(async (path) => [path, await page(server, path)] as const)),
    );
    const anchors = new Map([...fetched].map(([path, { html }]) => [path, ids(html)]));
    for (const [path, { html }] of fetched) {
      for (const href of hrefs(html)) {
        if (/^(https?:|\/$|\/graphql$|\/docs\/docs\.css$)/.test(href)) continue;
        const [target = '', anchor] = href.split('#');
        const targetPath = target === '' ? path : target;
        expect(pages, `${path} links to ${href}`).toContain(targetPath);
        if (anchor) expect(anchors.get(targetPath)!.has(anchor), `${path} links to ${href}`).toBe(true);
      }
    }
    expect((await page(server, '/docs/nothing-here')).status).toBe(404);
  });

  it('offers the explorer outside production', async () => {
    expect((await page(server, '/docs')).html).toContain('<a href="/graphql">');
    const landing = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(landing.status).toBe(200);
    expect(await landing.text()).toMatch(/sandbox/i);
  });

  it('renders what the schema says, not a copy of it', () => {
    const marker = 'Registers an endpoint (a description that exists only in this test).';
    return getSchema().then((schema) => {
      const config = schema.toConfig();
      const mutation = schema.getMutationType()!.toConfig();
      const changed = new GraphQLObjectType({
        ...mutation,
        fields: {
          ...mutation.fields,
          createWebhook: { ...mutation.fields.createWebhook!, description: marker },
        },
      });
      const edited = new GraphQLSchema({
        ...config,
        mutation: changed,
        types: config.types.filter((type) => type.name !== 'Mutation'),
      });
      expect(renderReference(edited, new MarkdownIt()).body).toContain(marker);
      expect(renderReference(schema, new MarkdownIt()).body).not.toContain(marker);
    });
  });
});

describe('/docs in production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(undefined, { NODE_ENV: 'production' });
  });
  afterAll(() => server?.close());

  it('is served, without the explorer', async () => {
    const { status, html } = await page(server, '/docs/en');
    expect(status).toBe(200);
    expect(html).not.toContain('<a href="/graphql">');
    const landing = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toMatch(/sandbox/i);
  });
});
