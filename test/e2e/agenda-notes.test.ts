// An agenda item's conclusion and description, written together in the meeting room during the session: two
// people of the office open the same item's conclusion and type at once, each seeing the other's text and caret;
// a participant who is not of the office sees the text appear in the room without opening anything, and who is
// writing it; once the typing stops the text is the item's `conclusion` over GraphQL, and its version has not
// moved. Escape closes the editor and gives the keyboard back to the button that opened it. The description is
// co-edited the same way inside the item's edit form, whose Save keeps the title and length.
// Drives the built client served by the real server over the demo data (needs the server's agenda notes).
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoMeeting, graphqlData, signInOverApi } from '../support/api.js';
import {
  browserAvailable,
  openPerson,
  PASSWORD,
  type Person,
  screenshot,
  signIn,
} from '../support/browser.js';
import { type Stage, useStage } from '../support/stage.js';

const PAGE_TIMEOUT = 10_000;
/** The server stores a note's text at most a second after the typing, then the feed carries it. */
const NOTE_TIMEOUT = 8_000;

let stage: Stage;
let office: Person;
let colleague: Person;
let participant: Person;
let token = '';
let meetingId = '';
let itemId = '';

function gql<T>(query: string, variables: Record<string, unknown> = {}, as = token): Promise<T> {
  return graphqlData<T>(stage.server.url, query, as, variables);
}

interface ItemState {
  version: number;
  title: string;
  description: string | null;
  conclusion: string | null;
}

async function itemState(): Promise<ItemState> {
  const data = await gql<{ meeting: { agenda: Array<ItemState & { id: string }> } }>(
    `query($id: ID!) { meeting(id: $id) { agenda { id version title description conclusion } } }`,
    { id: meetingId },
  );
  const found = data.meeting.agenda.find((candidate) => candidate.id === itemId);
  if (!found) throw new Error(`item ${itemId} not found`);
  return found;
}

function row(page: Page): Locator {
  return page.locator(`[data-testid="agenda-item"][data-item-id="${itemId}"]`);
}

/** A note's text as its writers see it, without the collaborators' name labels. */
function noteText(editor: Locator): Promise<string> {
  return editor.evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-testid="remote-caret"]').forEach((caret) => caret.remove());
    return copy.innerText.replace(/\s+/g, ' ').trim();
  });
}

/** Opens the item's conclusion and waits until the server has let this person write it. */
async function openConclusion(page: Page): Promise<Locator> {
  await row(page)
    .getByRole('button', { name: /(Ghi|Sửa) kết luận nội dung/ })
    .click();
  await row(page)
    .getByTestId('agenda-conclusion-note')
    .locator('[data-testid="editor-status"][data-state="connected"][data-editable="true"]')
    .waitFor();
  return row(page).getByTestId('agenda-conclusion-editor');
}

async function setUp(): Promise<void> {
  token = await signInOverApi(stage.server.url, 'office@quorum.test', PASSWORD);
  const participantToken = await signInOverApi(stage.server.url, 'kiemtra@quorum.test', PASSWORD);
  const { viewer } = await gql<{ viewer: { id: string } }>(`{ viewer { id } }`, {}, participantToken);
  meetingId = await createDemoMeeting(stage.server.url, token, 'Phiên họp thử: cùng ghi kết luận');
  const added = await gql<{ addAgendaItem: { agendaItem: { id: string } } }>(
    `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agendaItem { id } } }`,
    {
      input: {
        meetingId,
        title: 'Đề án chuyển đổi số',
        description: 'Sở Thông tin và Truyền thông trình bày.',
        durationMinutes: 30,
        materialsRequired: false,
      },
    },
  );
  itemId = added.addAgendaItem.agendaItem.id;
  await gql(`mutation($input: AddParticipantsInput!) { addParticipants(input: $input) { meeting { id } } }`, {
    input: { meetingId, participants: [{ userId: viewer.id, role: 'INVITEE' }] },
  });
  for (const mutation of ['scheduleMeeting', 'startMeeting'] as const) {
    const { meeting } = await gql<{ meeting: { version: number } }>(
      `query($id: ID!) { meeting(id: $id) { version } }`,
      { id: meetingId },
    );
    const input = mutation === 'scheduleMeeting' ? 'ScheduleMeetingInput' : 'StartMeetingInput';
    await gql(`mutation($input: ${input}!) { ${mutation}(input: $input) { meeting { id } } }`, {
      input: { id: meetingId, expectedVersion: meeting.version },
    });
  }
}

describe.skipIf(!browserAvailable)('an agenda item’s notes, written together in the session', () => {
  stage = useStage();
  beforeAll(async () => {
    await setUp();
    office = await openPerson(stage.browser, { width: 1366, height: 1200 }, PAGE_TIMEOUT);
    colleague = await openPerson(stage.browser, { width: 1280, height: 1000 }, PAGE_TIMEOUT);
    participant = await openPerson(stage.browser, { width: 1280, height: 1000 }, PAGE_TIMEOUT);
    await signIn(office, stage.server, 'office@quorum.test');
    await signIn(colleague, stage.server, 'chanhvanphong@quorum.test');
    await signIn(participant, stage.server, 'kiemtra@quorum.test');
    for (const person of [office, colleague, participant]) {
      await person.page.goto(`${stage.server.url}/meetings/${meetingId}`);
      await person.page.getByTestId('agenda').waitFor();
    }
  }, 120_000);

  it('lets two of the office write the conclusion at once, shown live to a participant and stored', async () => {
    const names = await Promise.all(
      ['office@quorum.test', 'chanhvanphong@quorum.test'].map(async (email) => {
        const as = await signInOverApi(stage.server.url, email, PASSWORD);
        return (await gql<{ viewer: { fullName: string } }>(`{ viewer { fullName } }`, {}, as)).viewer
          .fullName;
      }),
    );
    const before = await itemState();
    // The text's stores move nothing else in the agenda: the participant's room takes them from the feed alone.
    const agendaReads: string[] = [];
    participant.page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (request.url().endsWith('/graphql') && body.includes('"MeetingAgenda"'))
        agendaReads.push('MeetingAgenda');
    });
    // A participant may read the item but is offered no editor.
    expect(
      await row(participant.page)
        .getByRole('button', { name: /kết luận nội dung/ })
        .count(),
    ).toBe(0);

    const mine = await openConclusion(office.page);
    await mine.click();
    await office.page.keyboard.type('Thống nhất thông qua đề án.');
    const theirs = await openConclusion(colleague.page);
    await expect.poll(() => noteText(theirs), { timeout: NOTE_TIMEOUT }).toBe('Thống nhất thông qua đề án.');

    // Both type at the same time, one at the end of the text, the other at its start.
    await theirs.click();
    await Promise.all([
      (async () => {
        await office.page.keyboard.press('Control+End');
        await office.page.keyboard.type(' Giao Sở Nội vụ chủ trì triển khai.', { delay: 15 });
      })(),
      (async () => {
        await colleague.page.keyboard.press('Control+Home');
        await colleague.page.keyboard.type('Ý kiến Thường trực: ', { delay: 15 });
      })(),
    ]);
    const whole = 'Ý kiến Thường trực: Thống nhất thông qua đề án. Giao Sở Nội vụ chủ trì triển khai.';
    for (const editor of [mine, theirs])
      await expect.poll(() => noteText(editor), { timeout: NOTE_TIMEOUT }).toBe(whole);
    // Each sees where the other is typing, under their name, and who else has the conclusion open.
    await expect
      .poll(() => mine.locator(`[data-testid="remote-caret"][data-user="${names[1]}"]`).count())
      .toBe(1);
    await expect
      .poll(() => theirs.locator(`[data-testid="remote-caret"][data-user="${names[0]}"]`).count())
      .toBe(1);
    expect(await row(office.page).getByTestId('collaborators').textContent()).toContain(names[1]);

    // The participant opened nothing: the room shows the text and who is writing it.
    const shown = row(participant.page).getByTestId('agenda-conclusion');
    await expect.poll(() => shown.textContent(), { timeout: NOTE_TIMEOUT }).toContain(whole);
    const marker = row(participant.page).getByTestId('editing-marker');
    await expect.poll(() => marker.textContent(), { timeout: PAGE_TIMEOUT }).toContain(names[0]);
    await expect.poll(() => marker.textContent(), { timeout: PAGE_TIMEOUT }).toContain(names[1]);
    await screenshot(office.page, '70-agenda-conclusion-together');
    await screenshot(participant.page, '71-agenda-conclusion-participant');

    // Stored as the item's conclusion once the typing stops; the version other forms hold has not moved.
    await expect.poll(async () => (await itemState()).conclusion, { timeout: NOTE_TIMEOUT }).toBe(whole);
    expect((await itemState()).version).toBe(before.version);
    expect(agendaReads).toEqual([]);

    // Escape closes the editor and puts the keyboard back on the button that opened it; "Xong" closes it too.
    await mine.press('Escape');
    await row(office.page).getByTestId('agenda-conclusion-note').waitFor({ state: 'detached' });
    expect(
      await office.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''),
    ).toMatch(/^Sửa kết luận nội dung/);
    await row(colleague.page).getByTestId('agenda-note-done').click();
    await row(colleague.page).getByTestId('agenda-conclusion-note').waitFor({ state: 'detached' });
    await marker.waitFor({ state: 'detached' });
    expect([...office.pageErrors, ...colleague.pageErrors, ...participant.pageErrors]).toEqual([]);
  }, 90_000);

  it('co-edits the description in the item’s form, whose Save keeps the title', async () => {
    const mine = row(office.page);
    await mine.getByTestId('item-more').click();
    await mine.getByRole('button', { name: /Sửa nội dung/ }).click();
    const note = mine.getByTestId('agenda-description-note');
    await note
      .locator('[data-testid="editor-status"][data-state="connected"][data-editable="true"]')
      .waitFor();
    const editor = mine.getByTestId('agenda-description-editor');
    // The note starts from the text the item was added with.
    await expect
      .poll(() => noteText(editor), { timeout: NOTE_TIMEOUT })
      .toBe('Sở Thông tin và Truyền thông trình bày.');
    await editor.click();
    await office.page.keyboard.press('Control+End');
    await office.page.keyboard.type(' Thời lượng 30 phút.');
    const description = 'Sở Thông tin và Truyền thông trình bày. Thời lượng 30 phút.';
    await expect
      .poll(() => row(participant.page).textContent(), { timeout: NOTE_TIMEOUT })
      .toContain(description);

    await mine.getByLabel('Tên nội dung', { exact: true }).fill('Đề án chuyển đổi số giai đoạn 2026-2030');
    await mine.getByRole('button', { name: 'Lưu' }).click();
    await note.waitFor({ state: 'detached' });
    await expect
      .poll(() => row(participant.page).getByTestId('agenda-title').textContent(), { timeout: PAGE_TIMEOUT })
      .toBe('Đề án chuyển đổi số giai đoạn 2026-2030');
    const stored = await itemState();
    expect(stored.title).toBe('Đề án chuyển đổi số giai đoạn 2026-2030');
    expect(stored.description).toBe(description);
    expect([...office.pageErrors, ...colleague.pageErrors, ...participant.pageErrors]).toEqual([]);
  }, 60_000);
});
