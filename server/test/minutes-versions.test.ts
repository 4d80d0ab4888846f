// Versions of a meeting's minutes (issue 14 part 4), as for proposals' bodies: kept by hand by those who write
// the minutes, diffed against the minutes as they are now, restored as a new change that a connected editor on
// the real `/collab` receives live and that is stored; taken when the meeting closes; refused (nothing written)
// to a participant who is no secretary, once the meeting is closed, and to whoever may not read the meeting.
import { DocumentVersionKind, EventType, MeetingStatus } from '@quorum/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentVersion, Event } from '../src/entities/index.js';
import { appendParagraph, paragraphs, until } from './support/collab.js';
import { startMinutesWorld, type MinutesPerson, type MinutesWorld } from './support/minutes.js';
import type { GraphQLResponse } from './support/server.js';

const VERSION = 'id label kind content author { id }';

interface VersionShape {
  id: string;
  label: string;
  kind: DocumentVersionKind;
  content: string;
  author: { id: string };
}

const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;

/** The minutes as first opened from the agenda (`minutesBlocks`). */
const seedLines = 9;

describe('versions of meeting minutes', () => {
  let w: MinutesWorld;

  beforeAll(async () => {
    w = await startMinutesWorld();
  });

  afterEach(() => w.disconnectAll());

  afterAll(async () => {
    await w?.close();
  });

  const keep = (person: MinutesPerson, input: Record<string, unknown>) =>
    w.gql<{
      createDocumentVersion: { version: VersionShape; meeting: { id: string } | null; proposal: null };
    }>(
      person.token,
      `mutation($input: CreateDocumentVersionInput!) {
         createDocumentVersion(input: $input) { version { ${VERSION} } meeting { id } proposal { id } } }`,
      { input },
    );

  const restore = (person: MinutesPerson, versionId: string) =>
    w.gql<{
      restoreDocumentVersion: {
        meeting: { id: string; minutes: { text: string } | null };
        proposal: null;
        restored: { id: string };
        restorePoint: VersionShape | null;
      };
    }>(
      person.token,
      `mutation($input: RestoreDocumentVersionInput!) {
         restoreDocumentVersion(input: $input) {
           meeting { id minutes { text } } proposal { id } restored { id } restorePoint { ${VERSION} } } }`,
      { input: { versionId } },
    );

  const versions = async (person: MinutesPerson, meetingId: string) =>
    (
      await w.gql<{ meeting: { minutesVersions: { edges: { node: VersionShape }[] } } | null }>(
        person.token,
        `query($id: ID!) { meeting(id: $id) { minutesVersions { edges { node { ${VERSION} } } } } }`,
        { id: meetingId },
      )
    ).data?.meeting?.minutesVersions.edges.map((edge) => edge.node);

  const diff = (person: MinutesPerson, fromId: string) =>
    w.gql<{
      documentVersionDiff: {
        to: null;
        parts: { kind: string; text: string }[];
        added: number;
        removed: number;
      } | null;
    }>(
      person.token,
      `query($fromId: ID!) { documentVersionDiff(fromId: $fromId, granularity: WORDS) {
         to { id } parts { kind text } added removed } }`,
      { fromId },
    );

  /** Opens the minutes as `person` and waits for the seed. */
  async function open(meetingId: string, person: MinutesPerson) {
    const client = w.connect(meetingId, person);
    await client.authenticated;
    await until(() => paragraphs(client.doc).length >= seedLines, 'the minutes');
    return client;
  }

  /** Types a paragraph in an open editor and waits until it is stored. */
  async function type(client: ReturnType<MinutesWorld['connect']>, text: string) {
    appendParagraph(client.doc, text);
    await until(() => !client.provider.hasUnsyncedChanges, 'the edit sent');
    await w.server.collab.flush();
  }

  /** What a refused request must leave alone: the meeting's versions, its events and the stored minutes. */
  const footprint = async (meetingId: string) => {
    const em = w.db.orm.em.fork();
    const stored = await w.stored(meetingId);
    return {
      versions: await em.count(DocumentVersion, { meeting: meetingId }),
      events: await em.count(Event, { scopeId: meetingId }),
      minutes: Buffer.from(Y.encodeStateAsUpdate(stored.doc)).toString('base64'),
    };
  };

  it('keeps the minutes by hand (a secretary, the office), lists them for every reader, and diffs words against now', async () => {
    const meeting = await w.newMeeting();
    const editor = await open(meeting.id, w.secretary);
    await type(editor, 'Đồng chí Bí thư khai mạc hội nghị');

    const kept = await keep(w.secretary, { meetingId: meeting.id, label: '  Trước thảo luận  ' });
    expect(kept.errors).toBeUndefined();
    const version = kept.data!.createDocumentVersion.version;
    expect(kept.data!.createDocumentVersion).toMatchObject({ meeting: { id: meeting.id }, proposal: null });
    expect(version).toMatchObject({
      label: 'Trước thảo luận',
      kind: DocumentVersionKind.MANUAL,
      author: { id: w.secretary.user.id },
    });
    expect(version.content.split('\n')).toEqual(paragraphs(editor.doc));
    const event = await w.db.orm.em
      .fork()
      .findOneOrFail(Event, { type: EventType.MINUTES_VERSION_CREATED, scopeId: meeting.id });
    expect(event.subjectId).toBe(meeting.id);
    expect(event.changes).toMatchObject({
      versionId: { after: version.id },
      label: { after: 'Trước thảo luận' },
    });
    expect((await keep(w.office, { meetingId: meeting.id, label: 'Văn phòng lưu' })).errors).toBeUndefined();
    // Every reader of the meeting reads the list, newest first.
    expect((await versions(w.participant, meeting.id))!.map((v) => v.label)).toEqual([
      'Văn phòng lưu',
      'Trước thảo luận',
    ]);

    // The live document, not yet stored, is what "now" is.
    appendParagraph(editor.doc, 'Các đại biểu thảo luận sôi nổi');
    await until(() => !editor.provider.hasUnsyncedChanges, 'the edit sent');
    const changed = await diff(w.participant, version.id);
    expect(changed.errors).toBeUndefined();
    const { parts, added, removed } = changed.data!.documentVersionDiff!;
    expect(removed).toBe(0);
    expect(added).toBeGreaterThan(0);
    expect(
      parts
        .filter((part) => part.kind === 'ADDED')
        .map((part) => part.text)
        .join(''),
    ).toContain('Các đại biểu thảo luận sôi nổi');
  });

  it('restores a version as a change a connected editor receives live, stores it, and keeps what it replaced', async () => {
    const meeting = await w.newMeeting();
    const editor = await open(meeting.id, w.secretary);
    const follower = await open(meeting.id, w.participant);
    await type(editor, 'Kết luận ban đầu');
    const first = (await keep(w.secretary, { meetingId: meeting.id, label: 'Bản đầu' })).data!
      .createDocumentVersion.version;
    const expected = paragraphs(editor.doc);
    appendParagraph(editor.doc, 'Đoạn viết nhầm');
    await until(() => paragraphs(follower.doc).includes('Đoạn viết nhầm'), 'the edit at the follower');
    // Stored already: no later store of the editors' own (which merges the stored state in) brings the restore;
    // only the restore's change, applied to the live document, can.
    await until(() => !editor.provider.hasUnsyncedChanges, 'the edit sent');
    await w.server.collab.flush();
    const before = Y.decodeStateVector(Y.encodeStateVector(editor.doc));

    const restored = await restore(w.office, first.id);
    expect(restored.errors).toBeUndefined();
    const answer = restored.data!.restoreDocumentVersion;
    expect(answer).toMatchObject({ proposal: null, meeting: { id: meeting.id }, restored: { id: first.id } });
    expect(answer.restorePoint).toMatchObject({
      kind: DocumentVersionKind.RESTORE_POINT,
      label: 'Before restoring "Bản đầu"',
      author: { id: w.office.user.id },
    });
    expect(answer.restorePoint!.content).toContain('Đoạn viết nhầm');
    // Live at both, as a change on top of their history.
    await until(
      () => [editor, follower].every((c) => JSON.stringify(paragraphs(c.doc)) === JSON.stringify(expected)),
      'the restore at both clients',
    );
    const after = Y.decodeStateVector(Y.encodeStateVector(editor.doc));
    for (const [client, clock] of before) expect(after.get(client)).toBeGreaterThanOrEqual(clock);
    const stored = await w.stored(meeting.id);
    expect(paragraphs(stored.doc)).toEqual(expected);
    expect(stored.text).toBe(expected.join('\n'));
    expect(stored.html).toContain('<p>Kết luận ban đầu</p>');
    expect(stored.html).not.toContain('Đoạn viết nhầm');
    const event = await w.db.orm.em
      .fork()
      .findOneOrFail(Event, { type: EventType.MINUTES_RESTORED, scopeId: meeting.id });
    expect(event.changes).toMatchObject({
      versionId: { after: first.id },
      restorePointId: { after: answer.restorePoint!.id },
    });
  });

  it('refuses a participant who is no secretary, whoever may not read the meeting, and bad input, writing nothing', async () => {
    const meeting = await w.newMeeting();
    const editor = await open(meeting.id, w.secretary);
    await type(editor, 'Nội dung đã ghi');
    const version = (await keep(w.secretary, { meetingId: meeting.id, label: 'Bản ghi' })).data!
      .createDocumentVersion.version;
    await type(editor, 'Nội dung sau');
    const untouched = await footprint(meeting.id);

    expect(code(await keep(w.participant, { meetingId: meeting.id, label: 'Thành viên' }))).toBe('FORBIDDEN');
    expect(code(await restore(w.participant, version.id))).toBe('FORBIDDEN');
    expect(code(await keep(w.outsider, { meetingId: meeting.id, label: 'Người ngoài' }))).toBe('NOT_FOUND');
    expect(code(await restore(w.outsider, version.id))).toBe('NOT_FOUND');
    expect((await diff(w.outsider, version.id)).data!.documentVersionDiff).toBeNull();
    expect(await versions(w.outsider, meeting.id)).toBeUndefined();
    for (const input of [
      { label: 'Không rõ' },
      { meetingId: meeting.id, proposalId: meeting.id, label: 'Cả hai' },
    ]) {
      const refused = await keep(w.secretary, input);
      expect(code(refused)).toBe('BAD_USER_INPUT');
    }
    expect(await footprint(meeting.id)).toEqual(untouched);
  });

  it('keeps the minutes at the close, and then refuses to keep or restore them, writing nothing', async () => {
    const meeting = await w.newMeeting();
    const editor = await open(meeting.id, w.secretary);
    await type(editor, 'Bế mạc hội nghị');
    const version = (await keep(w.secretary, { meetingId: meeting.id, label: 'Trước bế mạc' })).data!
      .createDocumentVersion.version;
    await type(editor, 'Dòng cuối trước khi đóng');

    const closed = await w.gql(
      w.office.token,
      'mutation($input: CloseMeetingInput!) { closeMeeting(input: $input) { meeting { status } } }',
      { input: { id: meeting.id, expectedVersion: meeting.version } },
    );
    expect(closed.errors).toBeUndefined();
    const [atClose] = (await versions(w.participant, meeting.id))!;
    expect(atClose).toMatchObject({
      kind: DocumentVersionKind.STATUS_CHANGE,
      label: MeetingStatus.CLOSED,
      author: { id: w.office.user.id },
    });
    expect(atClose!.content.split('\n')).toEqual(paragraphs(editor.doc));
    expect(atClose!.content).toContain('Dòng cuối trước khi đóng');
    const event = await w.db.orm.em
      .fork()
      .findOneOrFail(Event, { type: EventType.MEETING_STATUS_CHANGED, scopeId: meeting.id });
    expect(event.changes).toMatchObject({ versionId: { after: atClose!.id } });

    const untouched = await footprint(meeting.id);
    for (const person of [w.office, w.secretary]) {
      const refused = await restore(person, version.id);
      expect(code(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0]!.extensions!.field).toBe('versionId');
      expect(code(await keep(person, { meetingId: meeting.id, label: 'Sau bế mạc' }))).toBe('BAD_USER_INPUT');
    }
    expect(await footprint(meeting.id)).toEqual(untouched);
    expect(paragraphs(editor.doc)).toContain('Dòng cuối trước khi đóng');
  });
});
