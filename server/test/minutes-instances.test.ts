// A meeting's minutes co-edited on two server processes through Redis (issue 14 part 5): the secretary and the
// office, each on another instance, type at once and converge with the stored state; then one instance is
// killed outright (SIGKILL) right after its client's edits were acknowledged, its client gone with it, and
// every acknowledged edit is still in the other instance's document and in the stored state.
import { MeetingStatus, MembershipRole, ParticipantRole } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { minutesDocumentName } from '../src/collab/document-name.js';
import type { Database } from '../src/config/orm.js';
import { collabClient, paragraphs, sameState, until, type CollabClient } from './support/collab.js';
import { createTestDatabase, usingPostgres } from './support/database.js';
import { buildUser } from './support/factories.js';
import { type InstanceProcess, launchInstance, redisReachable, redisUrl } from './support/instances.js';
import { buildMeetingIn, buildMeetingTenant, buildParticipants } from './support/meeting-factories.js';

/** Typed character by character, each its own update, as an editor sends them. */
const officeText = 'Văn phòng ghi nhận: đồng chí Bí thư kết luận thống nhất thông qua Nghị quyết.';
const secretaryText = 'Thư ký ghi: Ủy ban Kiểm tra đề nghị bổ sung báo cáo tài chính quý IV.';
const lastWords = 'Đã thống nhất, bế mạc hội nghị lúc 11 giờ 30.';

/** Appends an empty paragraph and returns its text, for the caller to type into. */
function newParagraph(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment('default');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  fragment.insert(fragment.length, [paragraph]);
  return text;
}

/** Types `text` at the end of `into`, one character per update, yielding to the event loop between them. */
async function type(into: Y.XmlText, text: string): Promise<void> {
  for (const char of text) {
    into.insert(into.length, char);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Resolves when the provider has no edit the server has not acknowledged (its SyncStatus answers). */
function acknowledged(client: CollabClient): Promise<void> {
  return new Promise((resolve) => {
    if (client.provider.unsyncedChanges === 0) return resolve();
    const check = ({ number }: { number: number }) => {
      if (number !== 0) return;
      client.provider.off('unsyncedChanges', check);
      resolve();
    };
    client.provider.on('unsyncedChanges', check);
  });
}

describe.skipIf(!usingPostgres)('minutes on two server processes through Redis', () => {
  let db: Database;
  let meetingId: string;
  let officeToken: string;
  let secretaryToken: string;
  const instances: InstanceProcess[] = [];
  const clients: CollabClient[] = [];

  const connect = (instance: InstanceProcess, token: string) => {
    const client = collabClient(instance.url, meetingId, token, new Y.Doc(), minutesDocumentName(meetingId));
    clients.push(client);
    return client;
  };

  /** The stored minutes, read from the database as the next load would. */
  const stored = async () => {
    const [row] = (await db.orm.em
      .fork()
      .getConnection()
      .execute('select state, text from meeting_minutes where meeting_id = ?', [meetingId])) as {
      state: Uint8Array;
      text: string;
    }[];
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(row!.state));
    return { doc, text: row!.text };
  };

  const update = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc));

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    const tenant = await buildMeetingTenant(em);
    const secretary = await buildUser(em, tenant.organization, {
      unit: tenant.department,
      role: MembershipRole.MEMBER,
    });
    const meeting = await buildMeetingIn(em, tenant.organization, tenant.department, {
      status: MeetingStatus.IN_PROGRESS,
      title: 'Hội nghị Ban Chấp hành mở rộng',
    });
    await buildParticipants(em, meeting, [{ user: secretary.user, role: ParticipantRole.SECRETARY }]);
    meetingId = meeting.id;
    officeToken = tenant.office.token;
    secretaryToken = secretary.token;
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const instance of instances) {
      instance.kill('SIGTERM');
      await instance.exited;
    }
    await db?.close();
  });

  it('converges across instances, and loses no acknowledged edit when an instance is killed', async (t) => {
    if (!(await redisReachable())) t.skip(`no Redis at ${redisUrl}`);
    const databaseUrl = db.orm.config.get('clientUrl')!;
    instances.push(
      ...(await Promise.all([0, 1].map(() => launchInstance(databaseUrl, { REDIS_URL: redisUrl })))),
    );
    const [a, b] = instances as [InstanceProcess, InstanceProcess];

    // The office on instance one opens the minutes first (they are seeded from the agenda and stored), then the
    // secretary on instance two.
    const office = connect(a, officeToken);
    await office.authenticated;
    await until(() => office.provider.synced && paragraphs(office.doc).length > 0, 'the seeded minutes');
    const secretary = connect(b, secretaryToken);
    await secretary.authenticated;
    await until(() => secretary.provider.synced, 'the secretary first sync');
    expect(update(secretary.doc).equals(update(office.doc))).toBe(true);

    // Both type at once, a character at a time, each into a paragraph of their own.
    await Promise.all([
      type(newParagraph(office.doc), officeText),
      type(newParagraph(secretary.doc), secretaryText),
    ]);
    await Promise.all([acknowledged(office), acknowledged(secretary)]);
    await until(
      () =>
        paragraphs(office.doc).includes(secretaryText) &&
        paragraphs(secretary.doc).includes(officeText) &&
        sameState(office.doc, secretary.doc),
      'both replicas to converge',
    );
    // Acknowledged means stored: the stored state is the replicas', byte for byte, with no wait.
    const together = await stored();
    expect(update(together.doc).equals(update(office.doc))).toBe(true);
    expect(update(secretary.doc).equals(update(office.doc))).toBe(true);
    expect(together.text.split('\n')).toEqual(paragraphs(office.doc));

    // The office types on; the moment its last character is acknowledged, its instance dies, and its client
    // with it (destroyed: it does not send its edits again anywhere).
    await type(newParagraph(office.doc), lastWords);
    await acknowledged(office);
    a.kill('SIGKILL');
    office.destroy();
    const typed = paragraphs(office.doc);
    await a.exited;

    // Instance two's document holds every acknowledged edit: a new client of it receives them at its first sync.
    const late = connect(b, officeToken);
    await late.authenticated;
    await until(() => late.provider.synced, 'the first sync on the surviving instance');
    expect(paragraphs(late.doc)).toEqual(typed);
    await until(() => sameState(secretary.doc, late.doc), 'the secretary to hold the same');
    // And so does the stored state, although the killed instance never stored after its last edits.
    const after = await stored();
    expect(after.text.split('\n')).toEqual(typed);
    expect(update(after.doc).equals(update(late.doc))).toBe(true);
  }, 60_000);
});
