import 'reflect-metadata';
import {
  AgendaItemStatus,
  ApiTokenScope,
  Attendance,
  Classification,
  MeetingStatus,
  MembershipRole,
  ParticipantRole,
  ProposalKind,
  VoteOutcome,
} from '@quorum/shared';
import { ref, type EntityManager } from '@mikro-orm/core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../src/auth/tokens.js';
import {
  AgendaItem,
  ApiToken,
  Event,
  type Meeting,
  Participant,
  Proposal,
  type Unit,
  type User,
  Vote,
} from '../src/entities/index.js';
import { buildMeeting, buildOrganization, buildUser } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

interface AgendaItemJson {
  number: string;
  title: string;
  durationMinutes: number | null;
  startsAt: string;
  endsAt: string;
  presenter: { name: string } | null;
  proposal: { referenceNumber: string | null; title: string; summary: string | null } | null;
  status: string;
  children: AgendaItemJson[];
}

interface AgendaJson {
  meeting: { id: string; url: string; title: string; startsAt: string; endsAt: string; timeZone: string };
  agendaMinutes: number;
  agenda: AgendaItemJson[];
}

/** iCalendar folds lines at 75 octets; assertions read the unfolded text. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

function item(
  em: EntityManager,
  meeting: Meeting,
  position: string,
  title: string,
  extra: {
    durationMinutes?: number;
    parent?: AgendaItem;
    presenterUser?: User;
    presenterUnit?: Unit;
    proposal?: Proposal;
  } = {},
): AgendaItem {
  return em.create(AgendaItem, { meeting, position, title, ...extra });
}

describe('calendar feed and meeting exports', () => {
  let t: TestServer;
  let member: { user: User; token: string };
  let office: { token: string };
  let outsider: { token: string };
  let department: Unit;
  /** INTERNAL, nested agenda, the member takes part. */
  let plenary: Meeting;
  /** RESTRICTED to the committee and participants: the member is neither. */
  let restricted: Meeting;
  /** CONFIDENTIAL, the member is not on it. */
  let secret: Meeting;
  /** CONFIDENTIAL, the member takes part. */
  let secretWithMember: Meeting;
  /** INTERNAL, cancelled. */
  let cancelled: Meeting;
  /** CLOSED: attendance, conclusions and votes recorded; an emoji in its title and a conclusion. */
  let closedSession: Meeting;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const org = await buildOrganization(em, 'Tỉnh ủy Nghệ An');
      department = org.department;
      member = await buildUser(em, org.organization, { unit: org.department });
      office = await buildUser(em, org.organization, { unit: org.office, role: MembershipRole.STAFF });
      const chair = await buildUser(em, org.organization, { unit: org.committee, role: MembershipRole.HEAD });
      chair.user.fullName = 'Nguyễn Đức Trung';
      const other = await buildOrganization(em, 'Another organization');
      outsider = await buildUser(em, other.organization, { unit: other.office });

      // 14:30 in Asia/Ho_Chi_Minh.
      plenary = await buildMeeting(em, org.organization, org.committee, {
        title: 'Hội nghị Ban Thường vụ Tỉnh ủy tháng 12',
        startsAt: new Date('2026-12-01T07:30:00Z'),
      });
      plenary.location = 'Phòng họp số 1, Tỉnh ủy';
      plenary.chair = ref(chair.user);
      plenary.status = MeetingStatus.SCHEDULED;
      em.create(Participant, { meeting: plenary, user: member.user, role: ParticipantRole.MEMBER });

      const visible = em.create(Proposal, {
        organization: org.organization,
        referenceNumber: '12-TTr/BTC',
        title: 'Đề án nâng cao chất lượng đội ngũ cán bộ',
        summary: 'Tóm tắt: đào tạo, bồi dưỡng cán bộ cấp xã giai đoạn 2026–2030; ưu tiên đội ngũ trẻ.',
        kind: ProposalKind.PROPOSAL,
        leadUnit: org.department,
        owner: chair.user,
      });
      const hidden = em.create(Proposal, {
        organization: org.organization,
        referenceNumber: '99-TTr/UBKT',
        title: 'Tờ trình mật về công tác kiểm tra',
        summary: 'Nội dung không được lộ.',
        kind: ProposalKind.PROPOSAL,
        leadUnit: org.office,
        owner: chair.user,
        classification: Classification.CONFIDENTIAL,
      });
      // Inserted out of order: the tree and numbering come from parent and position alone.
      item(em, plenary, 'a2', 'Bế mạc', { durationMinutes: 15 });
      const group = item(em, plenary, 'a1', 'Thảo luận các đề án', { durationMinutes: 5 });
      item(em, plenary, 'a1', 'Tờ trình về công tác kiểm tra', {
        parent: group,
        durationMinutes: 45,
        proposal: hidden,
      });
      item(em, plenary, 'a0', 'Đề án về cán bộ', {
        parent: group,
        durationMinutes: 30,
        presenterUser: member.user,
        presenterUnit: org.department,
        proposal: visible,
      });
      item(em, plenary, 'a0', 'Khai mạc', { durationMinutes: 10, presenterUser: chair.user });

      restricted = await buildMeeting(em, org.organization, org.committee, {
        title: 'Phiên họp hạn chế',
        classification: Classification.RESTRICTED,
      });
      secret = await buildMeeting(em, org.organization, org.committee, {
        title: 'Phiên họp mật về nhân sự',
        classification: Classification.CONFIDENTIAL,
      });
      secretWithMember = await buildMeeting(em, org.organization, org.committee, {
        title: 'Hội nghị mật có thành viên',
        classification: Classification.CONFIDENTIAL,
        startsAt: new Date('2026-12-03T01:00:00Z'),
      });
      em.create(Participant, { meeting: secretWithMember, user: member.user, role: ParticipantRole.MEMBER });
      cancelled = await buildMeeting(em, org.organization, org.committee, {
        title: 'Giao ban tháng 12 (hủy)',
        startsAt: new Date('2026-12-05T01:00:00Z'),
      });
      cancelled.status = MeetingStatus.CANCELLED;

      const secretary = await buildUser(em, org.organization, { unit: org.office });
      secretary.user.fullName = 'Lê Thị Thư';
      const absent = await buildUser(em, org.organization, { unit: org.committee });
      absent.user.fullName = 'Phạm Văn Vắng';
      closedSession = await buildMeeting(em, org.organization, org.committee, {
        title: 'Kỳ họp tổng kết năm 🎉',
        startsAt: new Date('2026-12-10T01:00:00Z'), // 08:00 in Asia/Ho_Chi_Minh
      });
      closedSession.endsAt = new Date('2026-12-10T04:30:00Z');
      closedSession.location = 'Hội trường A';
      closedSession.chair = ref(chair.user);
      closedSession.secretary = ref(secretary.user);
      closedSession.status = MeetingStatus.CLOSED;
      for (const [user, role, attendance] of [
        [chair.user, ParticipantRole.CHAIR, Attendance.PRESENT],
        [secretary.user, ParticipantRole.SECRETARY, Attendance.PRESENT],
        [member.user, ParticipantRole.MEMBER, Attendance.PRESENT],
        [absent.user, ParticipantRole.MEMBER, Attendance.ABSENT],
      ] as const) {
        em.create(Participant, { meeting: closedSession, user, role, attendance });
      }
      const report = item(em, closedSession, 'a0', 'Báo cáo tổng kết', { durationMinutes: 10 });
      item(em, closedSession, 'a0', 'Phần kinh tế', { parent: report, durationMinutes: 20 });
      item(em, closedSession, 'a1', 'Phần xây dựng Đảng', { parent: report, durationMinutes: 25 });
      report.status = AgendaItemStatus.CONCLUDED;
      report.conclusion = 'Thống nhất thông qua báo cáo ✅ → giao Văn phòng ★';
      em.create(Vote, {
        agendaItem: report,
        votesFor: 7,
        votesAgainst: 1,
        abstentions: 2,
        outcome: VoteOutcome.ADOPTED,
      });
      const deferred = item(em, closedSession, 'a1', 'Kế hoạch năm 2027', { durationMinutes: 30 });
      deferred.status = AgendaItemStatus.DEFERRED;
      await em.flush();
    });
  });
  afterAll(() => t.close());

  const get = (path: string, token?: string) =>
    fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  const createFeed = async (token = member.token) => {
    const result = await t.gql<{ createCalendarFeed: { url: string; token: string } }>(
      'mutation { createCalendarFeed { url token } }',
      {},
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createCalendarFeed;
  };

  const feedInfo = async () =>
    (
      await t.gql<{ calendarFeed: { createdAt: string; lastUsedAt: string | null } | null }>(
        '{ calendarFeed { createdAt lastUsedAt } }',
        {},
        member.token,
      )
    ).data?.calendarFeed;

  describe('calendar feed', () => {
    it('lists the meetings the owner may read, with times, status, agenda and a link back', async () => {
      const feed = await createFeed();
      expect(feed.url).toBe(`/calendar/${feed.token}.ics`);
      expect(await feedInfo()).toMatchObject({ lastUsedAt: null });

      const response = await get(feed.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(response.headers.get('cache-control')).toMatch(/no-store/);
      const ics = unfold(await response.text());

      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain(`UID:${plenary.id}@quorum`);
      expect(ics).toContain('SUMMARY:Hội nghị Ban Thường vụ Tỉnh ủy tháng 12');
      expect(ics).toContain('DTSTART:20261201T073000Z');
      // No endsAt: the agenda's 105 planned minutes.
      expect(ics).toContain('DTEND:20261201T091500Z');
      expect(ics).toContain('LOCATION:Phòng họp số 1\\, Tỉnh ủy');
      expect(ics).toContain(`URL;VALUE=URI:${t.url}/meetings/${plenary.id}`);
      expect(ics).toContain('2.1. 14:45 Đề án về cán bộ');
      expect(ics).toContain('X-WR-TIMEZONE:Asia/Ho_Chi_Minh');

      const cancelledEvent = ics.split('BEGIN:VEVENT').find((event) => event.includes(cancelled.id));
      expect(cancelledEvent).toContain('STATUS:CANCELLED');

      // A CONFIDENTIAL meeting the owner is not on is absent; RESTRICTED likewise.
      expect(ics).not.toContain(secret.id);
      expect(ics).not.toContain('Phiên họp mật về nhân sự');
      expect(ics).not.toContain(restricted.id);
      // One the owner is on appears as busy time, without its title.
      expect(ics).toContain(`UID:${secretWithMember.id}@quorum`);
      expect(ics).not.toContain('Hội nghị mật có thành viên');

      expect((await feedInfo())?.lastUsedAt).not.toBeNull();
    });

    it('answers 404 with no hint for an unknown, malformed or revoked token', async () => {
      const unknown = await get(`/calendar/${newToken('qt')}.ics`);
      const malformed = await get('/calendar/nonsense.ics');
      expect(unknown.status).toBe(404);
      expect(malformed.status).toBe(404);
      expect(await unknown.text()).toBe(await malformed.text());

      const first = await createFeed();
      const second = await createFeed();
      expect((await get(first.url)).status).toBe(404);
      expect((await get(second.url)).status).toBe(200);

      const revoked = await t.gql<{ revokeCalendarFeed: boolean }>(
        'mutation { revokeCalendarFeed }',
        {},
        member.token,
      );
      expect(revoked.data?.revokeCalendarFeed).toBe(true);
      expect((await get(second.url)).status).toBe(404);
      expect(await feedInfo()).toBeNull();
      const again = await t.gql<{ revokeCalendarFeed: boolean }>(
        'mutation { revokeCalendarFeed }',
        {},
        member.token,
      );
      expect(again.data?.revokeCalendarFeed).toBe(false);
    });

    it('keeps at most one active feed per user', async () => {
      await createFeed();
      await createFeed();
      const active = await t.db.orm.em.fork().find(ApiToken, { owner: member.user.id, revokedAt: null });
      expect(active.filter((token) => token.scopes.includes(ApiTokenScope.CALENDAR))).toHaveLength(1);
    });

    it('needs a signed-in viewer with the WRITE scope to manage the feed', async () => {
      const anonymous = await t.gql('mutation { createCalendarFeed { url } }');
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      const readOnly = newToken('qt');
      const em = t.db.orm.em.fork();
      em.create(ApiToken, {
        name: 'read only',
        owner: member.user.id,
        scopes: [ApiTokenScope.READ],
        tokenHash: hashToken(readOnly),
      });
      await em.flush();
      const refused = await t.gql('mutation { createCalendarFeed { url } }', {}, readOnly);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('does not let a feed token authenticate a download', async () => {
      const feed = await createFeed();
      const response = await get(`/meetings/${plenary.id}/agenda.json`, feed.token);
      expect(response.status).toBe(401);
    });
  });

  describe('agenda.json', () => {
    it('numbers the nested agenda and plans each item from the meeting start', async () => {
      const response = await get(`/meetings/${plenary.id}/agenda.json`, member.token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="?hoi-nghi-ban-thuong-vu-tinh-uy-thang-12-2026-12-01\.json"?$/,
      );
      const body = (await response.json()) as AgendaJson;
      expect(body.meeting).toMatchObject({
        id: plenary.id,
        url: `${t.url}/meetings/${plenary.id}`,
        startsAt: '2026-12-01T07:30:00.000Z',
        endsAt: '2026-12-01T09:15:00.000Z',
        timeZone: 'Asia/Ho_Chi_Minh',
      });
      expect(body.agendaMinutes).toBe(105);

      const outline = (items: AgendaItemJson[]): unknown[] =>
        items.map((i) => [
          i.number,
          i.title,
          i.startsAt.slice(11, 16),
          i.endsAt.slice(11, 16),
          outline(i.children),
        ]);
      // UTC times: 07:30Z is 14:30 in Hà Nội.
      expect(outline(body.agenda)).toEqual([
        ['1', 'Khai mạc', '07:30', '07:40', []],
        [
          '2',
          'Thảo luận các đề án',
          '07:40',
          '09:00',
          [
            // After the group's own 5 minutes.
            ['2.1', 'Đề án về cán bộ', '07:45', '08:15', []],
            ['2.2', 'Tờ trình về công tác kiểm tra', '08:15', '09:00', []],
          ],
        ],
        ['3', 'Bế mạc', '09:00', '09:15', []],
      ]);

      const [opening, group] = body.agenda;
      expect(opening?.presenter?.name).toBe('Nguyễn Đức Trung');
      expect(group?.durationMinutes).toBe(5);
      const [visible, hidden] = group!.children;
      expect(visible?.presenter?.name).toBe(`${member.user.fullName} (${department.name})`);
      expect(visible?.proposal).toEqual({
        id: expect.any(String),
        referenceNumber: '12-TTr/BTC',
        title: 'Đề án nâng cao chất lượng đội ngũ cán bộ',
        summary: 'Tóm tắt: đào tạo, bồi dưỡng cán bộ cấp xã giai đoạn 2026–2030; ưu tiên đội ngũ trẻ.',
      });
      // The member may not read the confidential proposal: the item stays, the proposal does not.
      expect(hidden?.proposal).toBeNull();
      expect(JSON.stringify(body)).not.toContain('Tờ trình mật');
    });
  });

  describe('agenda.ics', () => {
    it('is one event for the meeting with its agenda', async () => {
      const response = await get(`/meetings/${plenary.id}/agenda.ics`, member.token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="?[a-z0-9-]+\.ics"?$/,
      );
      const ics = unfold(await response.text());
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(ics).toContain('DTSTART:20261201T073000Z');
      expect(ics).toContain('STATUS:CONFIRMED');
      expect(ics).toContain('Chủ trì: Nguyễn Đức Trung');
      expect(ics).toContain('3. 16:00 Bế mạc');
    });
  });

  describe('book.pdf', () => {
    it('is a PDF whose text, diacritics included, is the meeting book', async () => {
      const response = await get(`/meetings/${plenary.id}/book.pdf`, member.token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="?bo-tai-lieu-[a-z0-9-]+\.pdf"?$/,
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(10_000);
      // The embedded font is Be Vietnam Pro (subset), not a standard font without Vietnamese glyphs.
      expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+BeVietnamPro/);

      const pdf = await getDocumentProxy(bytes);
      // Title page, agenda, attendance (the member is invited), proposals.
      expect(pdf.numPages).toBe(4);
      const { text } = await extractText(pdf, { mergePages: true });
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('Hội nghị Ban Thường vụ Tỉnh ủy tháng 12');
      expect(flat).toContain('01/12/2026 14:30');
      expect(flat).toContain('Phòng họp số 1, Tỉnh ủy');
      expect(flat).toContain('Nguyễn Đức Trung');
      expect(flat).toContain('CHƯƠNG TRÌNH');
      expect(flat).toContain('2.1. Đề án về cán bộ');
      expect(flat).toContain('14:45–15:15');
      expect(flat).toContain('đào tạo, bồi dưỡng cán bộ cấp xã');
      expect(flat).not.toContain('Nội dung không được lộ');
    });
  });

  describe('book.pdf of a closed meeting', () => {
    it('is the record of the session: chair, secretary, place, time, attendance, quorum, conclusions, votes, the room totals, and emoji in a fallback font', async () => {
      const response = await get(`/meetings/${closedSession.id}/book.pdf`, member.token);
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      // What Be Vietnam Pro lacks is set in a Noto font that has it, embedded beside it (subset), not printed blank.
      const raw = Buffer.from(bytes).toString('latin1');
      for (const font of ['BeVietnamPro', 'NotoEmoji', 'NotoSansSymbols2', 'NotoSansMath'])
        expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${font}`));

      const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toMatch(/Kỳ họp tổng kết năm ?🎉/);
      expect(flat).toContain('10/12/2026 08:00 – 11:30');
      expect(flat).toContain('Hội trường A');
      expect(flat).toMatch(/Chủ trì: ?Nguyễn Đức Trung/);
      expect(flat).toMatch(/Thư ký: ?Lê Thị Thư/);
      expect(flat).toContain('Đã kết thúc');

      expect(flat).toContain('THÀNH PHẦN THAM DỰ');
      expect(flat).toMatch(/Phạm Văn Vắng Thành viên Vắng/);
      expect(flat).toMatch(/Lê Thị Thư Thư ký Có mặt/);
      // Chair and members vote: 2 of 3 present, more than half.
      expect(flat).toContain('Túc số: 2/3 thành viên có mặt, cần ít nhất 2 – Đủ túc số');

      expect(flat).toContain('KẾT LUẬN VÀ BIỂU QUYẾT');
      expect(flat).toContain('Trạng thái: Đã kết luận');
      expect(flat).toMatch(/Kết luận: Thống nhất thông qua báo cáo ?✅ ?→ ?giao Văn phòng ?★/);
      expect(flat).toContain('Biểu quyết: tán thành 7, không tán thành 1, không biểu quyết 2 – Thông qua');
      expect(flat).toContain('2. Kế hoạch năm 2027 Trạng thái: Hoãn');
      expect(flat).not.toContain('1.1. Phần kinh tế Trạng thái');

      // The item's total includes its sub-items (10 + 20 + 25), as the room shows it; its time is the same branch.
      expect(flat).toMatch(/08:00–08:55 55 phút ?1\. Báo cáo tổng kết/);
      expect(flat).toMatch(/08:10–08:30 20 phút ?1\.1\. Phần kinh tế/);
      expect(flat).toContain('Tổng thời lượng dự kiến: 1 giờ 25 phút');
    });
  });

  describe('access', () => {
    it('answers 401 with UNAUTHENTICATED to an anonymous request, and takes no token from the URL', async () => {
      for (const path of ['agenda.json', 'agenda.ics', 'book.pdf']) {
        const response = await get(`/meetings/${plenary.id}/${path}`);
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
        const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
        expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
      }
      const inUrl = await get(`/meetings/${plenary.id}/agenda.json?access_token=${member.token}`);
      expect(inUrl.status).toBe(401);
      const bad = await get(`/meetings/${plenary.id}/agenda.json`, 'qs_not-a-session');
      expect(bad.status).toBe(401);
    });

    it('answers 404 for a meeting the viewer may not read, as for one that does not exist', async () => {
      for (const meeting of [restricted, secret]) {
        for (const path of ['agenda.json', 'agenda.ics', 'book.pdf']) {
          const response = await get(`/meetings/${meeting.id}/${path}`, member.token);
          expect(response.status).toBe(404);
          expect(
            ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions
              .code,
          ).toBe('NOT_FOUND');
        }
      }
      expect((await get(`/meetings/${plenary.id}/agenda.json`, outsider.token)).status).toBe(404);
      expect((await get('/meetings/not-a-uuid/agenda.json', member.token)).status).toBe(404);
      expect((await get(`/meetings/${crypto.randomUUID()}/book.pdf`, member.token)).status).toBe(404);
      // The office sees the restricted meeting.
      expect((await get(`/meetings/${restricted.id}/agenda.json`, office.token)).status).toBe(200);
    });

    it('records an export of a confidential meeting in the audit trail', async () => {
      const response = await get(`/meetings/${secretWithMember.id}/book.pdf`, member.token);
      expect(response.status).toBe(200);
      const audit = await t.db.orm.em
        .fork()
        .find(Event, { subjectId: secretWithMember.id, type: 'meeting.exported', auditOnly: true });
      expect(audit).toHaveLength(1);
      expect(audit[0]?.changes).toEqual({ format: { before: null, after: 'pdf' } });
    });
  });
});
