// The read path as a before/after snapshot: for each role of the authorization matrix, the JSON of rich read
// documents (the meeting room, its agenda down to appraisal comments, the root lists with their nested fields)
// over a deterministic fixture. The snapshots under __snapshots__/lean-read.<role>.json were written by the
// entity read path (commit 0d3f057) and must hold for every later read path: a field that leaks, drops or
// changes shows here. Ids, timestamps and keyset cursors are replaced by labels in order of first appearance.
import { createHash } from 'node:crypto';
import {
  AgendaItemStatus,
  ApiTokenScope,
  AppraisalStatus,
  Attendance,
  Classification,
  CommentStatus,
  MeetingKind,
  MeetingStatus,
  MembershipRole,
  ParticipantRole,
  ProgrammeItemStatus,
  ProposalKind,
  ProposalStatus,
  SystemRole,
  TaskPriority,
  TaskStatus,
  UnitKind,
  Verdict,
  VoteOutcome,
} from '@quorum/shared';
import type { EntityClass, EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { generateNKeysBetween } from 'fractional-indexing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgendaItem,
  Appraisal,
  AppraisalAssignment,
  AppraisalComment,
  Attachment,
  DocumentVersion,
  Meeting,
  Membership,
  Organization,
  Participant,
  ProgrammeItem,
  Proposal,
  Task,
  TaskUpdate,
  Unit,
  User,
  Vote,
  WorkProgramme,
} from '../src/entities/index.js';
import { buildApiToken, buildMeeting, buildOrganization, buildUser } from './support/factories.js';
import { memberRoles, type MemberRole } from './support/roles.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

const roles = memberRoles;
type Role = MemberRole;

/** Every created and updated time comes from this clock, a minute apart, so that orders and labels are stable. */
function clock() {
  let now = Date.parse('2026-06-01T00:00:00Z');
  return () => {
    now += 60_000;
    return { createdAt: new Date(now), updatedAt: new Date(now + 30_000) };
  };
}
const at = (iso: string) => new Date(iso);

interface ItemSpec {
  title: string;
  durationMinutes?: number;
  status?: AgendaItemStatus;
  materialsRequired?: boolean;
  description?: string;
  conclusion?: string;
  presenterUser?: User;
  presenterUnit?: Unit;
  confirmedBy?: User;
  proposal?: Proposal;
  vote?: [number, number, number, VoteOutcome];
  file?: string;
  children?: ItemSpec[];
}

interface World {
  tokens: Record<Role, string>;
  meetings: Record<string, string>;
  proposals: string[];
  tasks: string[];
}

async function buildWorld(em: EntityManager): Promise<World> {
  const stamp = clock();
  const org = await buildOrganization(em, 'Tỉnh ủy thử nghiệm');
  const organization = org.organization;
  // Ids of their own, ordered against their creation, so that an order by id shows against one by insertion.
  const unit = (
    id: string,
    name: string,
    kind: UnitKind,
    extra: { shortName?: string; parent?: Unit } = {},
  ) => em.create(Unit, { id, organization, name, kind, ...extra, ...stamp() });
  const deptB = unit('f0000000-0000-4000-8000-000000000001', 'Ủy ban Kiểm tra', UnitKind.DEPARTMENT, {
    shortName: 'UBKT',
    parent: org.committee,
  });
  const unrelatedUnit = unit('10000000-0000-4000-8000-000000000001', 'Ban Dân vận', UnitKind.DEPARTMENT);
  await em.flush();

  // The roles of the authorization matrix, and the chair and secretary of the sessions.
  const people = {
    admin: await buildUser(em, organization, { systemRole: SystemRole.ADMIN }),
    office: await buildUser(em, organization, { unit: org.office }),
    drafter: await buildUser(em, organization, { unit: org.department }),
    reviewer: await buildUser(em, organization, { unit: deptB }),
    committee: await buildUser(em, organization, { unit: org.committee, role: MembershipRole.MEMBER }),
    unrelated: await buildUser(em, organization, { unit: unrelatedUnit }),
    otherParticipant: await buildUser(em, organization, {}),
    chairman: await buildUser(em, organization, { unit: org.committee, role: MembershipRole.HEAD }),
    secretary: await buildUser(em, organization, { unit: org.office, role: MembershipRole.DEPUTY }),
  };
  const readToken = await buildApiToken(em, people.office.user, [ApiTokenScope.READ]);
  // The factories name people at random and stamp them with the time of day: fix both.
  const names: Record<keyof typeof people, [string, string | null]> = {
    admin: ['Quản trị Hệ thống', null],
    office: ['Chánh Văn phòng', 'Chánh Văn phòng'],
    drafter: ['Đỗ Văn Soạn', 'Chuyên viên'],
    reviewer: ['Kiều Thị Thẩm', 'Kiểm tra viên'],
    committee: ['Ủy viên Thường vụ', null],
    unrelated: ['Dân Văn Vận', null],
    otherParticipant: ['Khách Mời Khác', null],
    chairman: ['Bí thư Tỉnh ủy', 'Bí thư'],
    secretary: ['Phó Văn phòng', 'Phó Chánh Văn phòng'],
  };
  for (const [key, [fullName, jobTitle]] of Object.entries(names)) {
    const { user } = people[key as keyof typeof people];
    await em.nativeUpdate(User, user.id, { fullName, jobTitle, email: `${key}@quorum.test`, ...stamp() });
    await em.nativeUpdate(Membership, { user: user.id }, stamp());
  }
  for (const u of [org.committee, org.office, org.department]) await em.nativeUpdate(Unit, u.id, stamp());
  // Another organization's meeting at the same time: no list may show it.
  const foreign = await buildOrganization(em, 'Another organization');
  await buildMeeting(em, foreign.organization, foreign.committee, { startsAt: at('2026-12-10T01:00:00Z') });
  em.clear();
  const ref = <T extends object>(entity: EntityClass<T>, id: string) => em.getReference(entity, id as never);
  const u = Object.fromEntries(
    Object.entries(people).map(([key, p]) => [key, ref(User, p.user.id)]),
  ) as Record<keyof typeof people, User>;
  const units = {
    committee: ref(Unit, org.committee.id),
    office: ref(Unit, org.office.id),
    department: ref(Unit, org.department.id),
    deptB: ref(Unit, deptB.id),
    unrelated: ref(Unit, unrelatedUnit.id),
  };
  const orgRef = ref(Organization, organization.id);

  // Proposals of each classification: the internal one appraised over two rounds with a comment thread.
  const proposal = (
    title: string,
    classification: Classification,
    extra: Partial<RequiredEntityData<Proposal>> = {},
  ) =>
    em.create(Proposal, {
      organization: orgRef,
      title,
      kind: ProposalKind.PROPOSAL,
      leadUnit: units.department,
      owner: u.drafter,
      classification,
      bodyText: `Nội dung ${title}`,
      ...extra,
      ...stamp(),
    });
  const appraisal = (of: Proposal, status: AppraisalStatus, dueAt: string) =>
    em.create(Appraisal, { proposal: of, requestedBy: u.office, dueAt: at(dueAt), status, ...stamp() });
  const assign = (
    round: Appraisal,
    by: Unit,
    reviewer: User | null,
    verdict = Verdict.PENDING,
    summary?: string,
  ) =>
    em.create(AppraisalAssignment, {
      appraisal: round,
      unit: by,
      reviewer,
      verdict,
      summary: summary ?? null,
      submittedAt: verdict === Verdict.PENDING ? null : at('2026-11-20T08:00:00Z'),
      ...stamp(),
    });
  const comment = (
    round: Appraisal,
    author: User,
    by: Unit,
    body: string,
    extra: Partial<RequiredEntityData<AppraisalComment>> = {},
  ) => em.create(AppraisalComment, { appraisal: round, author, unit: by, body, ...extra, ...stamp() });
  const version = (of: Proposal, label: string) =>
    em.create(DocumentVersion, {
      proposal: of,
      label,
      author: u.drafter,
      content: `Bản ${label}`,
      ...stamp(),
    });

  const pInternal = proposal('Đề án chuyển đổi số', Classification.INTERNAL, {
    status: ProposalStatus.APPRAISED,
    referenceNumber: '12-TTr/BTC',
    summary: 'Tóm tắt đề án',
    submittedAt: at('2026-11-01T02:00:00Z'),
  });
  const first = appraisal(pInternal, AppraisalStatus.CLOSED, '2026-11-15T10:00:00Z');
  assign(first, units.deptB, u.reviewer, Verdict.AGREE_WITH_CHANGES, 'Đồng ý, bổ sung số liệu');
  const asked = comment(first, u.reviewer, units.deptB, 'Đề nghị bổ sung số liệu.', {
    anchorQuote: 'số liệu năm 2025',
    anchorPosition: 'AQID',
    status: CommentStatus.RESOLVED,
    resolvedBy: u.drafter,
  });
  comment(first, u.drafter, units.department, 'Đã bổ sung.', { parent: asked });
  const second = appraisal(pInternal, AppraisalStatus.OPEN, '2026-12-05T10:00:00Z');
  assign(second, units.deptB, u.reviewer);
  assign(second, units.unrelated, null);
  comment(second, u.reviewer, units.deptB, 'Còn thiếu phụ lục.');
  version(pInternal, 'Dự thảo 1');
  version(pInternal, 'Dự thảo 2');

  const pRestricted = proposal('Đề án nhân sự', Classification.RESTRICTED, {
    status: ProposalStatus.IN_APPRAISAL,
  });
  const restrictedRound = appraisal(pRestricted, AppraisalStatus.OPEN, '2026-12-06T10:00:00Z');
  assign(restrictedRound, units.deptB, u.reviewer);
  comment(restrictedRound, u.reviewer, units.deptB, 'Làm rõ tiêu chuẩn.');
  comment(restrictedRound, u.office, units.office, 'Văn phòng đề nghị rút gọn.');

  const pConfidential = proposal('Đề án kỷ luật', Classification.CONFIDENTIAL, {
    status: ProposalStatus.IN_APPRAISAL,
  });
  pConfidential.accessList.add(u.reviewer);
  const confidentialRound = appraisal(pConfidential, AppraisalStatus.OPEN, '2026-12-07T10:00:00Z');
  assign(confidentialRound, units.deptB, u.reviewer, Verdict.DISAGREE, 'Chưa đủ căn cứ');
  comment(confidentialRound, u.reviewer, units.deptB, 'Cần thêm hồ sơ.');
  version(pConfidential, 'Bản mật');

  const pDraft = proposal('Báo cáo dân vận', Classification.INTERNAL, {
    kind: ProposalKind.REPORT,
    leadUnit: units.unrelated,
    owner: u.unrelated,
  });
  await em.flush();

  // Meetings of each classification, a confidential briefing of someone else, a template.
  const meeting = (
    title: string,
    classification: Classification,
    status: MeetingStatus,
    startsAt: string,
    extra: Partial<RequiredEntityData<Meeting>> = {},
  ) =>
    em.create(Meeting, {
      organization: orgRef,
      committee: units.committee,
      title,
      kind: MeetingKind.REGULAR,
      status,
      classification,
      startsAt: at(startsAt),
      ...extra,
      ...stamp(),
    });
  const mInternal = meeting(
    'Hội nghị tháng 12',
    Classification.INTERNAL,
    MeetingStatus.IN_PROGRESS,
    '2026-12-10T01:00:00Z',
    {
      endsAt: at('2026-12-10T04:00:00Z'),
      location: 'Phòng họp số 1',
      chair: u.chairman,
      secretary: u.secretary,
    },
  );
  const mRestricted = meeting(
    'Hội nghị nhân sự',
    Classification.RESTRICTED,
    MeetingStatus.SCHEDULED,
    '2026-12-17T01:00:00Z',
    {
      location: 'Phòng họp số 2',
      chair: u.chairman,
    },
  );
  const mConfidential = meeting(
    'Hội nghị kỷ luật',
    Classification.CONFIDENTIAL,
    MeetingStatus.DRAFT,
    '2026-12-24T01:00:00Z',
  );
  mConfidential.accessList.add(u.office);
  const mOther = meeting(
    'Giao ban khác',
    Classification.CONFIDENTIAL,
    MeetingStatus.CLOSED,
    '2026-11-05T01:00:00Z',
    {
      kind: MeetingKind.BRIEFING,
      endsAt: at('2026-11-05T02:00:00Z'),
    },
  );
  const mTemplate = meeting(
    'Mẫu hội nghị thường kỳ',
    Classification.INTERNAL,
    MeetingStatus.DRAFT,
    '2026-01-05T01:00:00Z',
    {
      isTemplate: true,
    },
  );
  await em.flush();

  const take = (of: Meeting, entries: [User, ParticipantRole, Attendance, string?][]) => {
    for (const [user, role, attendance, readAt] of entries)
      em.create(Participant, {
        meeting: of,
        user,
        role,
        attendance,
        materialsReadAt: readAt ? at(readAt) : null,
        ...stamp(),
      });
  };
  take(mInternal, [
    [u.chairman, ParticipantRole.CHAIR, Attendance.PRESENT, '2026-12-08T09:00:00Z'],
    [u.committee, ParticipantRole.MEMBER, Attendance.PRESENT, '2026-12-09T09:00:00Z'],
    [u.reviewer, ParticipantRole.MEMBER, Attendance.ABSENT],
    [u.secretary, ParticipantRole.SECRETARY, Attendance.PRESENT],
    [u.drafter, ParticipantRole.INVITEE, Attendance.EXCUSED, '2026-12-09T10:00:00Z'],
  ]);
  take(mRestricted, [
    [u.chairman, ParticipantRole.CHAIR, Attendance.UNKNOWN],
    [u.committee, ParticipantRole.MEMBER, Attendance.EXCUSED, '2026-12-15T09:00:00Z'],
    [u.drafter, ParticipantRole.INVITEE, Attendance.UNKNOWN],
  ]);
  take(mConfidential, [[u.committee, ParticipantRole.MEMBER, Attendance.UNKNOWN]]);
  take(mOther, [[u.otherParticipant, ParticipantRole.MEMBER, Attendance.PRESENT, '2026-11-04T09:00:00Z']]);

  const items = new Map<string, AgendaItem>();
  const agenda = (of: Meeting, specs: ItemSpec[], parent: AgendaItem | null = null) => {
    const keys = generateNKeysBetween(null, null, specs.length);
    specs.forEach((spec, index) => {
      const item = em.create(AgendaItem, {
        meeting: of,
        parent,
        position: keys[index]!,
        title: spec.title,
        description: spec.description ?? null,
        durationMinutes: spec.durationMinutes ?? null,
        status: spec.status ?? AgendaItemStatus.PENDING,
        materialsRequired: spec.materialsRequired ?? true,
        conclusion: spec.conclusion ?? null,
        presenterUser: spec.presenterUser ?? null,
        presenterUnit: spec.presenterUnit ?? null,
        presenterConfirmedBy: spec.confirmedBy ?? null,
        presenterConfirmedAt: spec.confirmedBy ? at('2026-12-01T03:00:00Z') : null,
        proposal: spec.proposal ?? null,
        ...stamp(),
      });
      items.set(`${of.title}/${spec.title}`, item);
      if (spec.vote) {
        const [votesFor, votesAgainst, abstentions, outcome] = spec.vote;
        em.create(Vote, { agendaItem: item, votesFor, votesAgainst, abstentions, outcome, ...stamp() });
      }
      if (spec.file) attach(of, item, spec.file);
      if (spec.children) agenda(of, spec.children, item);
    });
  };
  const attach = (of: Meeting, item: AgendaItem | null, name: string) =>
    em.create(Attachment, {
      meeting: of,
      agendaItem: item,
      name,
      mediaType: 'application/pdf',
      size: name.length * 100,
      sha256: createHash('sha256').update(name).digest('hex'),
      content: Buffer.from(name),
      uploadedBy: u.secretary,
      ...stamp(),
    });
  const opening = { title: 'Khai mạc', durationMinutes: 5, materialsRequired: false };
  agenda(mInternal, [
    { ...opening, status: AgendaItemStatus.CONCLUDED, conclusion: 'Thông qua chương trình.' },
    {
      title: 'Các đề án trình Hội nghị',
      description: 'Phần thảo luận',
      children: [
        {
          title: 'Đề án chuyển đổi số',
          durationMinutes: 45,
          status: AgendaItemStatus.IN_DISCUSSION,
          presenterUser: u.drafter,
          confirmedBy: u.drafter,
          proposal: pInternal,
          vote: [7, 1, 1, VoteOutcome.ADOPTED],
          file: 'to-trinh-chuyen-doi-so.pdf',
        },
        {
          title: 'Đề án nhân sự',
          durationMinutes: 30,
          presenterUnit: units.department,
          proposal: pRestricted,
        },
        {
          title: 'Đề án kỷ luật',
          durationMinutes: 20,
          presenterUnit: units.deptB,
          confirmedBy: u.reviewer,
          proposal: pConfidential,
          children: [
            {
              title: 'Báo cáo thẩm định',
              durationMinutes: 10,
              presenterUser: u.reviewer,
              file: 'bao-cao.pdf',
            },
            { title: 'Ý kiến Ủy ban', durationMinutes: 5, status: AgendaItemStatus.WITHDRAWN },
          ],
        },
      ],
    },
    { title: 'Bế mạc', durationMinutes: 5, materialsRequired: false },
  ]);
  attach(mInternal, null, 'giay-moi.pdf');
  attach(mInternal, null, 'chuong-trinh.pdf');
  agenda(mRestricted, [
    opening,
    {
      title: 'Thảo luận nhân sự',
      durationMinutes: 40,
      presenterUser: u.drafter,
      proposal: pRestricted,
      file: 'danh-sach.pdf',
    },
    { title: 'Bế mạc', durationMinutes: 5, materialsRequired: false },
  ]);
  attach(mRestricted, null, 'giay-moi-nhan-su.pdf');
  agenda(mConfidential, [
    {
      title: 'Xem xét kỷ luật',
      durationMinutes: 60,
      proposal: pConfidential,
      children: [
        { title: 'Báo cáo của Ủy ban Kiểm tra', durationMinutes: 20, presenterUnit: units.deptB },
        { title: 'Biểu quyết', durationMinutes: 10, materialsRequired: false },
      ],
    },
  ]);
  agenda(mOther, [
    {
      title: 'Giao ban',
      durationMinutes: 30,
      status: AgendaItemStatus.CONCLUDED,
      conclusion: 'Thống nhất.',
      vote: [2, 5, 0, VoteOutcome.REJECTED],
      materialsRequired: false,
    },
  ]);
  agenda(mTemplate, [opening, { title: 'Nội dung chính', durationMinutes: 90 }]);
  await em.flush();

  // Tasks of each classification from the meetings' conclusions, an overdue one, a done one.
  const task = (
    title: string,
    classification: Classification,
    dueAt: string,
    extra: Partial<RequiredEntityData<Task>> = {},
  ) =>
    em.create(Task, {
      organization: orgRef,
      title,
      classification,
      assigneeUnit: units.department,
      assignee: u.drafter,
      dueAt: at(dueAt),
      ...extra,
      ...stamp(),
    });
  const report = (
    of: Task,
    author: User,
    body: string,
    extra: Partial<RequiredEntityData<TaskUpdate>> = {},
  ) => em.create(TaskUpdate, { task: of, author, body, ...extra, ...stamp() });
  const tInternal = task('Hoàn thiện đề án chuyển đổi số', Classification.INTERNAL, '2099-01-15T10:00:00Z', {
    description: 'Theo kết luận của Hội nghị',
    sourceMeeting: mInternal,
    sourceAgendaItem: items.get('Hội nghị tháng 12/Đề án chuyển đổi số'),
    priority: TaskPriority.HIGH,
    status: TaskStatus.IN_PROGRESS,
    progress: 40,
  });
  tInternal.coordinatingUnits.add(units.deptB, units.unrelated);
  report(tInternal, u.drafter, 'Bắt đầu triển khai.', {
    statusFrom: TaskStatus.TODO,
    statusTo: TaskStatus.IN_PROGRESS,
    progress: 20,
  });
  report(tInternal, u.office, 'Đôn đốc tiến độ.', { progress: 40 });
  const tRestricted = task('Chuẩn bị hồ sơ nhân sự', Classification.RESTRICTED, '2099-02-01T10:00:00Z', {
    sourceMeeting: mRestricted,
  });
  report(tRestricted, u.drafter, 'Đang tổng hợp.');
  const tConfidential = task('Thi hành kỷ luật', Classification.CONFIDENTIAL, '2099-03-01T10:00:00Z', {
    sourceMeeting: mConfidential,
    sourceAgendaItem: items.get('Hội nghị kỷ luật/Xem xét kỷ luật'),
    priority: TaskPriority.URGENT,
  });
  tConfidential.accessList.add(u.committee);
  report(tConfidential, u.drafter, 'Đã nhận.', { progress: 10 });
  const tOverdue = task('Báo cáo kiểm tra quý', Classification.INTERNAL, '2020-06-30T10:00:00Z', {
    assigneeUnit: units.deptB,
    assignee: u.reviewer,
    status: TaskStatus.BLOCKED,
    progress: 60,
  });
  tOverdue.coordinatingUnits.add(units.department);
  report(tOverdue, u.reviewer, 'Chờ số liệu.', {
    statusFrom: TaskStatus.IN_PROGRESS,
    statusTo: TaskStatus.BLOCKED,
  });
  const tDone = task('Tổng kết giao ban', Classification.INTERNAL, '2020-05-01T10:00:00Z', {
    assigneeUnit: units.office,
    assignee: null,
    sourceMeeting: mOther,
    sourceAgendaItem: items.get('Giao ban khác/Giao ban'),
    status: TaskStatus.DONE,
    progress: 100,
    completedAt: at('2020-04-28T10:00:00Z'),
    priority: TaskPriority.LOW,
  });
  report(tDone, u.secretary, 'Hoàn thành.', {
    statusFrom: TaskStatus.IN_PROGRESS,
    statusTo: TaskStatus.DONE,
    progress: 100,
  });

  // The committee's work programmes.
  const programme2026 = em.create(WorkProgramme, {
    organization: orgRef,
    unit: units.committee,
    year: 2026,
    title: 'Chương trình công tác năm 2026',
    ...stamp(),
  });
  const programme2025 = em.create(WorkProgramme, {
    organization: orgRef,
    unit: units.committee,
    year: 2025,
    title: 'Chương trình công tác năm 2025',
    ...stamp(),
  });
  const plan = (
    programme: WorkProgramme,
    title: string,
    plannedMonth: number,
    status: ProgrammeItemStatus,
    leadUnit: Unit,
    extra: Partial<RequiredEntityData<ProgrammeItem>> = {},
  ) =>
    em.create(ProgrammeItem, {
      programme,
      title,
      kind: ProposalKind.PROPOSAL,
      plannedMonth,
      status,
      leadUnit,
      ...extra,
      ...stamp(),
    });
  plan(programme2026, 'Đề án chuyển đổi số', 12, ProgrammeItemStatus.SUBMITTED, units.department, {
    proposal: pInternal,
    meeting: mInternal,
  });
  plan(programme2026, 'Đề án kỷ luật', 12, ProgrammeItemStatus.IN_PREPARATION, units.deptB, {
    proposal: pConfidential,
    meeting: mConfidential,
  });
  plan(programme2026, 'Báo cáo giao ban', 11, ProgrammeItemStatus.ADOPTED, units.office, {
    kind: ProposalKind.REPORT,
    meeting: mOther,
  });
  plan(programme2026, 'Rà soát quy chế', 3, ProgrammeItemStatus.DROPPED, units.unrelated, {
    kind: ProposalKind.OTHER,
  });
  plan(programme2025, 'Tổng kết nhiệm kỳ', 12, ProgrammeItemStatus.ADOPTED, units.office, {
    kind: ProposalKind.REPORT,
  });
  await em.flush();
  // A flush that adds to a collection also updates its owner (an item's attachments): its update time is
  // then the time of day. Back to the clock's.
  const stamped: { name: string }[] = [
    Unit,
    User,
    Membership,
    Proposal,
    Appraisal,
    AppraisalAssignment,
    AppraisalComment,
    DocumentVersion,
    Meeting,
    Participant,
    AgendaItem,
    Vote,
    Attachment,
    Task,
    TaskUpdate,
    WorkProgramme,
    ProgrammeItem,
  ];
  for (const entity of stamped) {
    const table = em.getMetadata().get(entity.name).tableName;
    await em.getConnection().execute(`update "${table}" set updated_at = created_at + interval '30 seconds'`);
  }

  return {
    tokens: {
      ...(Object.fromEntries(
        roles.filter((role) => role !== 'readToken').map((role) => [role, people[role].token]),
      ) as Record<Role, string>),
      readToken: readToken.token,
    },
    meetings: {
      INTERNAL: mInternal.id,
      RESTRICTED: mRestricted.id,
      CONFIDENTIAL: mConfidential.id,
      other: mOther.id,
      template: mTemplate.id,
    },
    proposals: [pInternal, pRestricted, pConfidential, pDraft].map((p) => p.id),
    tasks: [tInternal, tRestricted, tConfidential, tOverdue, tDone].map((t) => t.id),
  };
}

const PERSON = `fragment Person on User { id fullName email jobTitle locale systemRole active createdAt updatedAt }`;
const TEAM = `fragment Team on Unit { id name shortName kind createdAt updatedAt parent { id name } viewerCan { update } }`;
const PAGE = `fragment Page on PageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
const FILE = `fragment File on Attachment {
  id name mediaType size agendaItemId createdAt updatedAt uploadedBy { id fullName }
}`;
/** A proposal down to its appraisal comments and versions. */
const PAPER = `fragment Paper on Proposal {
  id version title referenceNumber summary kind status classification bodyText returnReason submittedAt createdAt updatedAt
  leadUnit { id name } owner { id fullName }
  appraisals(first: 10) { totalCount pageInfo { ...Page } edges { cursor node {
    id version status dueAt createdAt updatedAt requestedBy { id fullName }
    assignments { id version verdict summary submittedAt createdAt updatedAt unit { id name } reviewer { id fullName } }
    comments(first: 10) { totalCount pageInfo { ...Page } edges { cursor node {
      id version body anchorQuote anchorPosition status parentId createdAt updatedAt
      author { id fullName } unit { id name } resolvedBy { id fullName }
    } } }
  } } }
  versions(first: 10) { totalCount pageInfo { ...Page } edges { cursor node {
    id label content createdAt updatedAt author { id fullName }
  } } }
}`;
const JOB = `fragment Job on Task {
  id version title description dueAt priority status progress classification completedAt overdue createdAt updatedAt
  assignee { ...Person } assigneeUnit { ...Team }
  sourceMeeting { id title classification } sourceAgendaItem { id number title }
  updates(first: 10) { totalCount pageInfo { ...Page } edges { cursor node {
    id body progress statusFrom statusTo createdAt updatedAt author { id fullName }
  } } }
}`;

/** The meeting room: the meeting with everything but the agenda's depth (the client's MeetingRoom and more). */
const ROOM = `query Room($id: ID!) { meeting(id: $id) {
  id version title kind status classification startsAt endsAt location isTemplate createdAt updatedAt
  agendaDurationMinutes committee { ...Team } chair { ...Person } secretary { ...Person }
  viewerCan {
    update cancel close copy manageAgenda manageParticipants markMaterialsRead nextStatuses recordAttendance
    recordVote schedule start
  }
  quorum { members present required reached }
  readiness {
    complete total ready appraisalFinished materialsAttached presenterConfirmed participants materialsRead
    items { id number title readiness { appraisalFinished materialsAttached presenterConfirmed ready } }
  }
  viewerParticipant { id version role attendance materialsReadAt createdAt updatedAt user { id fullName } }
  attachments { ...File contentBase64 }
  participants(first: 100) { totalCount pageInfo { ...Page } edges { cursor node {
    id version role attendance materialsReadAt createdAt updatedAt user { ...Person }
  } } }
  proposals(first: 100) { totalCount pageInfo { ...Page } edges { cursor node {
    id title classification status owner { id } leadUnit { id }
  } } }
  agendaItems(first: 100) { totalCount pageInfo { ...Page } edges { cursor node {
    id number depth children { id number parentId children { id number parentId } }
  } } }
} } ${PERSON} ${TEAM} ${PAGE} ${FILE}`;

/** The whole agenda, each item with its proposal down to the appraisal comments. */
const AGENDA = `query Agenda($id: ID!) { meeting(id: $id) { id agenda {
  id version number depth parentId title description durationMinutes totalDurationMinutes childrenDurationMinutes
  status conclusion materialsRequired presenterConfirmedAt createdAt updatedAt
  parent { id title } meeting { id title } children { id number }
  presenterUser { ...Person } presenterUnit { ...Team } presenterConfirmedBy { ...Person }
  vote { id votesFor votesAgainst abstentions outcome createdAt updatedAt }
  attachments { ...File }
  readiness { appraisalFinished materialsAttached presenterConfirmed ready }
  viewerCan { changeStatus conclude confirmPresenter nextStatuses recordVote update }
  proposal { ...Paper }
} } } ${PERSON} ${TEAM} ${PAGE} ${FILE} ${PAPER}`;

const MEETINGS = `{
  meetings(first: 100) { totalCount pageInfo { ...Page } edges { cursor node {
    id version title kind status classification startsAt endsAt location isTemplate createdAt updatedAt
    agendaDurationMinutes committee { id name } chair { id fullName } secretary { id fullName }
    viewerCan { update manageAgenda markMaterialsRead nextStatuses }
    quorum { members present required reached }
    readiness { total ready complete participants materialsRead }
    viewerParticipant { id role attendance }
    participants(first: 3) { totalCount edges { cursor node { id role user { id fullName } } } }
    proposals(first: 3) { totalCount edges { node { id title } } }
    agenda {
      id number title status proposal { id title } vote { id outcome } attachments { id name }
      presenterUser { id } presenterUnit { id } readiness { ready }
    }
  } } }
  templates: meetings(first: 10, filter: { templates: true }) { totalCount edges { cursor node {
    id title isTemplate agenda { id number title }
  } } }
} ${PAGE}`;

const PROPOSALS = `{ proposals(first: 100) { totalCount pageInfo { ...Page } edges { cursor node {
  id version title referenceNumber summary kind status classification submittedAt createdAt updatedAt
  leadUnit { id name } owner { id fullName }
  appraisals(first: 3) { totalCount edges { node {
    id status dueAt requestedBy { id } assignments { id verdict unit { id } reviewer { id } }
    comments(first: 5) { totalCount edges { node { id body parentId author { id } unit { id } resolvedBy { id } } } }
  } } }
  versions(first: 5) { totalCount edges { node { id label author { id } } } }
} } } } ${PAGE}`;

const TASKS = `{
  tasks(first: 100) { totalCount pageInfo { ...Page } edges { cursor node { ...Job } } }
  overdue: tasks(first: 100, filter: { overdue: true }) { totalCount edges { node { id overdue } } }
} ${PERSON} ${TEAM} ${PAGE} ${JOB}`;

/** Apart, so that an error here (a non-null list) does not blank the other fields of the tasks. */
const COORDINATION = `fragment Coordination on Task { id title coordinatingUnits { id name kind } }`;
const COORDINATING_UNITS = `{ tasks(first: 100) { edges { node { ...Coordination } } } } ${COORDINATION}`;

const DIRECTORY = `{
  viewer {
    ...Person can { createApiToken createMeeting createUnit inviteUser }
    viewerCan { update deactivate manageMemberships } memberships { id role unit { id name } }
  }
  units(first: 100) { totalCount pageInfo { ...Page } edges { cursor node { ...Team } } }
  users(first: 100) { totalCount pageInfo { ...Page } edges { cursor node {
    ...Person viewerCan { update deactivate manageMemberships }
    memberships { id role createdAt updatedAt unit { id name } user { id fullName } }
  } } }
  takingPart: users(first: 100, filter: { mayTakePart: true }) { totalCount edges { node { id } } }
  programmes(first: 100) { totalCount pageInfo { ...Page } edges { cursor node {
    id year title progress plannedCount adoptedCount createdAt updatedAt unit { id name }
    items {
      id version title kind plannedMonth status createdAt updatedAt
      leadUnit { id name } proposal { id title classification } meeting { id title classification }
    }
  } } }
} ${PERSON} ${TEAM} ${PAGE}`;

/** Several objects by id in one operation (their nested fields load in one batch). */
const byIds = (field: 'proposal' | 'task', fragment: string, count: number, fragments: string) =>
  `query(${Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ')}) {
    ${Array.from({ length: count }, (_, i) => `o${i}: ${field}(id: $id${i}) { ...${fragment} }`).join('\n')}
  } ${fragments}`;
const variablesOf = (ids: string[]) => Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * Ids and timestamps become labels in order of first appearance (`uuid-1`, `time-1`, …), the same value
 * the same label. A keyset cursor (base64url JSON of the sort values) is decoded and its values labelled
 * likewise, so a cursor that changes what it encodes shows; a cursor that is not one stays an opaque label.
 */
function normalizer() {
  const labels = new Map<string, string>();
  const label = (kind: string, value: string) => {
    const key = `${kind}:${value.toLowerCase()}`;
    let name = labels.get(key);
    if (!name) {
      name = `${kind}-${[...labels.keys()].filter((k) => k.startsWith(`${kind}:`)).length + 1}`;
      labels.set(key, name);
    }
    return name;
  };
  const text = (value: string) =>
    value.replace(UUID, (id) => `<${label('uuid', id)}>`).replace(TIMESTAMP, (t) => `<${label('time', t)}>`);
  const cursor = (value: string) => {
    if (new RegExp(`^${UUID.source}$`, 'i').test(value)) return text(value);
    try {
      const decoded: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      if (Array.isArray(decoded)) return `keyset${JSON.stringify(walk(decoded))}`;
    } catch {
      // not a keyset cursor
    }
    return `<${label('cursor', value)}>`;
  };
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string')
      return key === 'cursor' || key === 'startCursor' || key === 'endCursor' ? cursor(value) : text(value);
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk;
}

describe('the read path answers as the entity read path did, for every role', () => {
  let t: TestServer;
  let w: World;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      w = await buildWorld(db.orm.em.fork());
    });
  });
  afterAll(() => t.close());

  /** Every read document of the snapshot, as `role`, in a fixed order. */
  async function readAll(role: Role) {
    const answers: Record<string, GraphQLResponse> = {};
    const ask = async (name: string, query: string, variables?: Record<string, unknown>) => {
      const response = await t.gql(query, variables, w.tokens[role]);
      // An error stays in the snapshot (it differs from an answer), without what differs on every run.
      for (const error of response.errors ?? []) delete error.extensions?.requestId;
      answers[name] = response;
    };
    for (const [name, id] of Object.entries(w.meetings)) {
      await ask(`meeting ${name}`, ROOM, { id });
      await ask(`agenda ${name}`, AGENDA, { id });
    }
    await ask('meetings', MEETINGS);
    await ask('proposals', PROPOSALS);
    await ask(
      'proposal by id',
      byIds('proposal', 'Paper', w.proposals.length, `${PAGE} ${PAPER}`),
      variablesOf(w.proposals),
    );
    await ask('tasks', TASKS);
    await ask(
      'task by id',
      byIds('task', 'Job', w.tasks.length, `${PERSON} ${TEAM} ${PAGE} ${JOB}`),
      variablesOf(w.tasks),
    );
    await ask('coordinating units', COORDINATING_UNITS);
    await ask(
      'coordinating units by id',
      byIds('task', 'Coordination', w.tasks.length, COORDINATION),
      variablesOf(w.tasks),
    );
    await ask('directory', DIRECTORY);
    return answers;
  }

  for (const role of roles) {
    it(`${role}: meetings, agendas, proposals, tasks and the directory`, async () => {
      const normalized = normalizer()(await readAll(role));
      await expect(`${JSON.stringify(normalized, null, 2)}\n`).toMatchFileSnapshot(
        `./__snapshots__/lean-read.${role}.json`,
      );
    });
  }
});
