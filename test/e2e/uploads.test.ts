// A meeting's materials in the room: the office adds a file through the file picker (multipart to
// `POST /uploads`), sees it listed, is told in words when a file is refused, and removes one after
// confirming; a committee member, who may read but not change the materials, is offered neither.
// Drives the built client served by the real server over the demo data.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphqlData, signInOverApi } from '../support/api.js';
import { browserAvailable, openPerson, PASSWORD, screenshot, signIn } from '../support/browser.js';
import { useStage } from '../support/stage.js';

const PAGE_TIMEOUT = 10_000;

let roomPath = '';

/** The meeting's own materials (the agenda items have theirs). */
function materials(page: Page): Locator {
  return page.locator('.room__agenda > [data-testid="attachments"]');
}

function fileLink(page: Page, name: string): Locator {
  return materials(page).getByRole('button', { name: `Tải tệp ${name}`, exact: true });
}

describe.skipIf(!browserAvailable)("a meeting's materials", () => {
  const stage = useStage();
  beforeAll(async () => {
    // A scheduled meeting: the office may still change its materials.
    const token = await signInOverApi(stage.server.url, 'office@quorum.test', PASSWORD);
    const data = await graphqlData<{ meetings: { edges: { node: { id: string } }[] } }>(
      stage.server.url,
      `query { meetings(filter: { status: [SCHEDULED] }, first: 1) { edges { node { id } } } }`,
      token,
    );
    roomPath = `/meetings/${data.meetings.edges[0]!.node.id}`;
  }, 120_000);

  it('uploads a file with the keyboard-reachable picker, lists it, refuses bad files in words, and removes it', async () => {
    const office = await openPerson(stage.browser, { width: 1366, height: 1200 }, PAGE_TIMEOUT);
    await signIn(office, stage.server, 'office@quorum.test', { path: roomPath });
    const { page } = office;
    await page.getByTestId('agenda').waitFor();
    const add = materials(page).getByRole('button', { name: 'Thêm tệp vào tài liệu chung của cuộc họp' });
    await add.waitFor();
    const picker = materials(page).getByTestId('attachment-input');

    const name = `to-trinh-${Date.now().toString(36)}.pdf`;
    await picker.setInputFiles({
      name,
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200_000, 0x20)]),
    });
    await fileLink(page, name).waitFor();
    await materials(page)
      .getByRole('status')
      .filter({ hasText: `Đã thêm tệp ${name}.` })
      .waitFor();
    await screenshot(page, '60-materials-uploaded');

    // Over 5 MiB: said at once, nothing sent.
    await picker.setInputFiles({
      name: 'qua-lon.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 0x25),
    });
    await materials(page).getByRole('alert').filter({ hasText: 'Tệp quá lớn: tối đa 5 MiB.' }).waitFor();
    // A name that says PDF over content that is not: the server refuses it by its content.
    await picker.setInputFiles({
      name: 'gia-mao.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('văn bản'),
    });
    await materials(page)
      .getByRole('alert')
      .filter({ hasText: 'Chỉ nhận tệp PDF, Word, Excel, PowerPoint' })
      .waitFor();
    expect(await fileLink(page, 'gia-mao.pdf').count()).toBe(0);

    // Removing asks first; cancelling keeps the file.
    await materials(page)
      .getByRole('button', { name: `Xóa tệp ${name}` })
      .click();
    await materials(page).getByRole('button', { name: 'Hủy' }).click();
    await fileLink(page, name).waitFor();
    await materials(page)
      .getByRole('button', { name: `Xóa tệp ${name}` })
      .click();
    const confirm = materials(page).getByRole('group', { name: `Xóa tệp “${name}” khỏi tài liệu họp?` });
    await confirm.getByRole('button', { name: 'Xóa tệp', exact: true }).click();
    await expect.poll(() => fileLink(page, name).count()).toBe(0);
    await materials(page)
      .getByRole('status')
      .filter({ hasText: `Đã xóa tệp ${name}.` })
      .waitFor();
    expect(office.pageErrors).toEqual([]);
    await office.context.close();
  }, 60_000);

  it('offers a committee member neither adding nor removing', async () => {
    const member = await openPerson(stage.browser, { width: 1280, height: 900 }, PAGE_TIMEOUT);
    await signIn(member, stage.server, 'bithu@quorum.test', { path: roomPath });
    await member.page.getByTestId('agenda').waitFor();
    expect(await member.page.getByRole('button', { name: /^Thêm tệp/ }).count()).toBe(0);
    expect(await member.page.getByRole('button', { name: /^Xóa tệp/ }).count()).toBe(0);
    expect(member.pageErrors).toEqual([]);
    await member.context.close();
  }, 60_000);
});
