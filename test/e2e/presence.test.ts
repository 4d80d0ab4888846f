// Presence in the meeting room, in a real browser: a colleague who has the room open sees who else is there
// (initials, the full name on hover and for screen readers) and which item someone else is editing; both go
// when the form closes and when the other leaves the room.
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, openPerson, PASSWORD, type Person, signIn } from '../support/browser.js';
import { type Stage, useStage } from '../support/stage.js';
import { createDemoMeeting, graphqlData, signInOverApi } from '../support/api.js';

const PAGE_TIMEOUT = 10_000;

let stage: Stage;
let office: Person;
let colleague: Person;
let token = '';

function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return graphqlData<T>(stage.server.url, query, token, variables);
}

describe.skipIf(!browserAvailable)('presence in the meeting room', () => {
  stage = useStage();
  beforeAll(async () => {
    token = await signInOverApi(stage.server.url, 'office@quorum.test', PASSWORD);
    office = await openPerson(stage.browser, { width: 1366, height: 1200 }, PAGE_TIMEOUT);
    colleague = await openPerson(stage.browser, { width: 1280, height: 1000 }, PAGE_TIMEOUT);
    await signIn(office, stage.server, 'office@quorum.test');
    await signIn(colleague, stage.server, 'chanhvanphong@quorum.test');
  }, 120_000);

  it("shows who else is in the room and the item they edit, and forgets both when they're done", async () => {
    const { viewer } = await gql<{ viewer: { fullName: string } }>(`{ viewer { fullName } }`);
    const meetingId = await createDemoMeeting(stage.server.url, token, 'Phiên họp thử: ai đang xem');
    const added = await gql<{ addAgendaItem: { agendaItem: { id: string } } }>(
      `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agendaItem { id } } }`,
      { input: { meetingId, title: 'Khai mạc', durationMinutes: 15, materialsRequired: false } },
    );
    const itemId = added.addAgendaItem.agendaItem.id;

    for (const person of [office, colleague]) {
      await person.page.goto(`${stage.server.url}/meetings/${meetingId}`);
      await person.page.getByTestId('agenda').waitFor();
    }
    const seen = colleague.page.getByTestId('presence').getByLabel(viewer.fullName, { exact: true });
    await seen.waitFor();
    expect(await seen.getAttribute('title')).toBe(viewer.fullName);

    const officeRow = office.page.locator(`[data-testid="agenda-item"][data-item-id="${itemId}"]`);
    await officeRow.getByRole('button', { name: /Thao tác khác với nội dung .*Khai mạc/ }).click();
    await officeRow.getByRole('button', { name: /Sửa nội dung .*Khai mạc/ }).click();
    const marker = colleague.page
      .locator(`[data-testid="agenda-item"][data-item-id="${itemId}"]`)
      .getByTestId('editing-marker');
    await expect
      .poll(() => marker.textContent(), { timeout: PAGE_TIMEOUT })
      .toBe(`Đang sửa: ${viewer.fullName}`);
    // The one editing sees no marker of their own, nor their own avatar.
    expect(await officeRow.getByTestId('editing-marker').count()).toBe(0);
    expect(await office.page.getByTestId('presence').getByLabel(viewer.fullName).count()).toBe(0);
    expect(await office.page.getByTestId('presence').getByRole('listitem').count()).toBe(1);

    await officeRow.getByRole('button', { name: 'Hủy' }).click();
    await marker.waitFor({ state: 'detached' });
    await office.page.goto(`${stage.server.url}/`);
    await seen.waitFor({ state: 'detached' });
    expect([...office.pageErrors, ...colleague.pageErrors]).toEqual([]);
  }, 60_000);
});
