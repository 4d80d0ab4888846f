// The demo organization's content: a provincial Party committee office (modelled on Văn phòng Tỉnh ủy Nghệ An).
// Only data lives here; `demo.seeder.ts` turns it into entities with dates relative to "now".
// Text may contain tokens ({year}, {nextYear}, …) that the seeder fills with `fillText`.
import {
  AppraisalStatus,
  Attendance,
  Classification,
  MeetingKind,
  MembershipRole,
  ProgrammeItemStatus,
  ProposalKind,
  ProposalStatus,
  SystemRole,
  TaskPriority,
  TaskStatus,
  UnitKind,
  Verdict,
  VoteOutcome,
} from '../entities/enums.js';

// ---------------------------------------------------------------------------------------------------------------
// Text tokens

export interface TextContext {
  /** The programme year (current year). */
  year: number;
  nextYear: number;
  /** Years since Hồ Chí Minh's birth (19/5/1890). */
  hcmYears: number;
  /** Date of the standing board's regular meeting last month, `dd/mm/yyyy`. */
  btvRegularDate: string;
  /** Per meeting: the month and year it is held in, and the following month. */
  month?: number;
  monthYear?: number;
  followingMonth?: number;
  followingMonthYear?: number;
  /** The number of the upcoming plenary. */
  plenaryNumber?: number;
}

/** Replaces `{token}` with the context's value; unknown tokens are left as they are. */
export function fillText(text: string, context: TextContext): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = (context as unknown as Record<string, unknown>)[name];
    return value === undefined ? match : String(value);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Organization and units

export const ORGANIZATION = {
  name: 'Tỉnh ủy Nghệ An',
  slug: 'tinh-uy-nghe-an',
  locale: 'vi',
  timeZone: 'Asia/Ho_Chi_Minh',
} as const;

export type UnitKey = 'BCH' | 'BTV' | 'TT' | 'VPTU' | 'BTC' | 'BTG' | 'UBKT' | 'BDV' | 'BNC';

export interface UnitSpec {
  name: string;
  shortName: string;
  kind: UnitKind;
  parent?: UnitKey;
}

/** In creation order: parents first. */
export const UNITS: Record<UnitKey, UnitSpec> = {
  BCH: { name: 'Ban Chấp hành Đảng bộ tỉnh', shortName: 'BCH', kind: UnitKind.COMMITTEE },
  BTV: { name: 'Ban Thường vụ Tỉnh ủy', shortName: 'BTV', kind: UnitKind.COMMITTEE, parent: 'BCH' },
  TT: { name: 'Thường trực Tỉnh ủy', shortName: 'TT', kind: UnitKind.COMMITTEE, parent: 'BTV' },
  VPTU: { name: 'Văn phòng Tỉnh ủy', shortName: 'VPTU', kind: UnitKind.OFFICE },
  BTC: { name: 'Ban Tổ chức Tỉnh ủy', shortName: 'BTC', kind: UnitKind.DEPARTMENT },
  BTG: { name: 'Ban Tuyên giáo Tỉnh ủy', shortName: 'BTG', kind: UnitKind.DEPARTMENT },
  UBKT: { name: 'Ủy ban Kiểm tra Tỉnh ủy', shortName: 'UBKT', kind: UnitKind.DEPARTMENT },
  BDV: { name: 'Ban Dân vận Tỉnh ủy', shortName: 'BDV', kind: UnitKind.DEPARTMENT },
  BNC: { name: 'Ban Nội chính Tỉnh ủy', shortName: 'BNC', kind: UnitKind.DEPARTMENT },
};

// ---------------------------------------------------------------------------------------------------------------
// Users

export interface UserSpec {
  email: string;
  fullName: string;
  jobTitle: string;
  systemRole?: SystemRole;
  active?: boolean;
  memberships: ReadonlyArray<readonly [UnitKey, MembershipRole]>;
}

const { HEAD, DEPUTY, MEMBER, STAFF } = MembershipRole;

/** A member of the standing board is also a member of the executive committee. */
const standingBoard = (role: MembershipRole = MEMBER) =>
  [
    ['BTV', role],
    ['BCH', role],
  ] as const;

export const USERS = {
  admin: {
    email: 'admin@quorum.test',
    fullName: 'Quản trị hệ thống',
    jobTitle: 'Quản trị hệ thống, Phòng Công nghệ thông tin - Văn phòng Tỉnh ủy',
    systemRole: SystemRole.ADMIN,
    memberships: [],
  },

  // Thường trực and Ban Thường vụ
  biThu: {
    email: 'bithu@quorum.test',
    fullName: 'Nguyễn Văn Thành',
    jobTitle: 'Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy',
    memberships: [...standingBoard(HEAD), ['TT', HEAD]],
  },
  phoBiThuTT: {
    email: 'phobithu@quorum.test',
    fullName: 'Trần Quốc Khánh',
    jobTitle: 'Phó Bí thư Thường trực Tỉnh ủy',
    memberships: [...standingBoard(DEPUTY), ['TT', DEPUTY]],
  },
  chuTichUbnd: {
    email: 'chutichtinh@quorum.test',
    fullName: 'Phạm Minh Đức',
    jobTitle: 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh',
    memberships: [...standingBoard(DEPUTY), ['TT', MEMBER]],
  },
  chuTichHdnd: {
    email: 'chutichhdnd@quorum.test',
    fullName: 'Thái Thị Thu Hà',
    jobTitle: 'Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh',
    memberships: [...standingBoard(DEPUTY), ['TT', MEMBER]],
  },
  chanhVanPhong: {
    email: 'chanhvanphong@quorum.test',
    fullName: 'Đặng Quốc Việt',
    jobTitle: 'Ủy viên Ban Thường vụ, Chánh Văn phòng Tỉnh ủy',
    memberships: [['VPTU', HEAD], ...standingBoard()],
  },
  truongBanToChuc: {
    email: 'truongbantochuc@quorum.test',
    fullName: 'Lê Đình Phong',
    jobTitle: 'Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy',
    memberships: [['BTC', HEAD], ...standingBoard()],
  },
  truongBanTuyenGiao: {
    email: 'truongbantuyengiao@quorum.test',
    fullName: 'Hồ Thị Lan Anh',
    jobTitle: 'Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy',
    memberships: [['BTG', HEAD], ...standingBoard()],
  },
  chuNhiemUbkt: {
    email: 'chunhiemubkt@quorum.test',
    fullName: 'Phan Đình Lộc',
    jobTitle: 'Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy',
    memberships: [['UBKT', HEAD], ...standingBoard()],
  },
  truongBanDanVan: {
    email: 'truongbandanvan@quorum.test',
    fullName: 'Bùi Thị Thanh Hương',
    jobTitle: 'Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy',
    memberships: [['BDV', HEAD], ...standingBoard()],
  },
  truongBanNoiChinh: {
    email: 'truongbannoichinh@quorum.test',
    fullName: 'Nguyễn Hữu Phương',
    jobTitle: 'Ủy viên Ban Thường vụ, Trưởng Ban Nội chính Tỉnh ủy',
    memberships: [['BNC', HEAD], ...standingBoard()],
  },
  phoChuTichUbnd: {
    email: 'phochutichtinh@quorum.test',
    fullName: 'Đinh Xuân Lâm',
    jobTitle: 'Ủy viên Ban Thường vụ, Phó Chủ tịch Thường trực UBND tỉnh',
    memberships: standingBoard(),
  },
  chiHuyTruong: {
    email: 'chihuytruong@quorum.test',
    fullName: 'Võ Văn Hải',
    jobTitle: 'Ủy viên Ban Thường vụ, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh',
    memberships: standingBoard(),
  },
  giamDocCongAn: {
    email: 'giamdoccongan@quorum.test',
    fullName: 'Lê Văn Tuấn',
    jobTitle: 'Ủy viên Ban Thường vụ, Giám đốc Công an tỉnh',
    memberships: standingBoard(),
  },
  chuTichMttq: {
    email: 'chutichmttq@quorum.test',
    fullName: 'Cao Thị Bích Ngọc',
    jobTitle: 'Ủy viên Ban Thường vụ, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh',
    memberships: standingBoard(),
  },

  // Ban Chấp hành only
  giamDocTaiChinh: {
    email: 'namhv@quorum.test',
    fullName: 'Hoàng Văn Nam',
    jobTitle: 'Tỉnh ủy viên, Giám đốc Sở Tài chính',
    memberships: [['BCH', MEMBER]],
  },
  giamDocNoiVu: {
    email: 'nhungtth@quorum.test',
    fullName: 'Trương Thị Hồng Nhung',
    jobTitle: 'Tỉnh ủy viên, Giám đốc Sở Nội vụ',
    memberships: [['BCH', MEMBER]],
  },
  biThuTinhDoan: {
    email: 'dungnt@quorum.test',
    fullName: 'Nguyễn Tiến Dũng',
    jobTitle: 'Tỉnh ủy viên, Bí thư Tỉnh Đoàn',
    memberships: [['BCH', MEMBER]],
  },
  biThuXa: {
    email: 'thamlv@quorum.test',
    fullName: 'Lô Văn Thắm',
    jobTitle: 'Tỉnh ủy viên, Bí thư Đảng ủy xã Mường Xén',
    memberships: [['BCH', MEMBER]],
  },

  // Văn phòng Tỉnh ủy
  phoChanhVanPhong1: {
    email: 'phochanhvanphong@quorum.test',
    fullName: 'Nguyễn Đình Thanh',
    jobTitle: 'Phó Chánh Văn phòng Tỉnh ủy',
    memberships: [['VPTU', DEPUTY]],
  },
  phoChanhVanPhong2: {
    email: 'nguyettm@quorum.test',
    fullName: 'Trần Thị Minh Nguyệt',
    jobTitle: 'Phó Chánh Văn phòng Tỉnh ủy',
    memberships: [['VPTU', DEPUTY]],
  },
  office: {
    email: 'office@quorum.test',
    fullName: 'Võ Thị Thu Trang',
    jobTitle: 'Chuyên viên Phòng Tổng hợp, Văn phòng Tỉnh ủy',
    memberships: [['VPTU', STAFF]],
  },
  chuyenVienVanPhong: {
    email: 'tuanhm@quorum.test',
    fullName: 'Hoàng Minh Tuấn',
    jobTitle: 'Chuyên viên Phòng Hành chính - Lưu trữ, Văn phòng Tỉnh ủy',
    memberships: [['VPTU', STAFF]],
  },
  nguyenPhoChanhVanPhong: {
    email: 'loipv@quorum.test',
    fullName: 'Phan Văn Lợi',
    jobTitle: 'Nguyên Phó Chánh Văn phòng Tỉnh ủy (đã nghỉ hưu)',
    active: false,
    memberships: [],
  },

  // Ban Tổ chức
  phoBanToChuc: {
    email: 'thunth@quorum.test',
    fullName: 'Nguyễn Thị Hoài Thu',
    jobTitle: 'Phó Trưởng Ban Tổ chức Tỉnh ủy',
    memberships: [['BTC', DEPUTY]],
  },
  toChuc: {
    email: 'tochuc@quorum.test',
    fullName: 'Lê Văn Khoa',
    jobTitle: 'Chuyên viên chính Phòng Tổ chức - Cán bộ, Ban Tổ chức Tỉnh ủy',
    memberships: [['BTC', STAFF]],
  },

  // Ban Tuyên giáo
  tuyenGiao: {
    email: 'tuyengiao@quorum.test',
    fullName: 'Phạm Thị Ngọc Ánh',
    jobTitle: 'Phó Trưởng Ban Tuyên giáo Tỉnh ủy',
    memberships: [['BTG', DEPUTY]],
  },
  chuyenVienTuyenGiao: {
    email: 'binhtv@quorum.test',
    fullName: 'Trần Văn Bình',
    jobTitle: 'Chuyên viên Phòng Tuyên truyền, Ban Tuyên giáo Tỉnh ủy',
    memberships: [['BTG', STAFF]],
  },

  // Ủy ban Kiểm tra
  phoChuNhiemUbkt: {
    email: 'quanghs@quorum.test',
    fullName: 'Hồ Sỹ Quang',
    jobTitle: 'Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy',
    memberships: [['UBKT', DEPUTY]],
  },
  kiemTra: {
    email: 'kiemtra@quorum.test',
    fullName: 'Nguyễn Thị Lệ Hằng',
    jobTitle: 'Kiểm tra viên chính, Ủy ban Kiểm tra Tỉnh ủy',
    memberships: [['UBKT', STAFF]],
  },

  // Ban Dân vận
  phoBanDanVan: {
    email: 'sonvv@quorum.test',
    fullName: 'Vi Văn Sơn',
    jobTitle: 'Phó Trưởng Ban Dân vận Tỉnh ủy',
    memberships: [['BDV', DEPUTY]],
  },
  chuyenVienDanVan: {
    email: 'thaolt@quorum.test',
    fullName: 'Lương Thị Thảo',
    jobTitle: 'Chuyên viên Phòng Dân tộc - Tôn giáo, Ban Dân vận Tỉnh ủy',
    memberships: [['BDV', STAFF]],
  },

  // Ban Nội chính
  phoBanNoiChinh: {
    email: 'truongdx@quorum.test',
    fullName: 'Đậu Xuân Trường',
    jobTitle: 'Phó Trưởng Ban Nội chính Tỉnh ủy',
    memberships: [['BNC', DEPUTY]],
  },
  chuyenVienNoiChinh: {
    email: 'thinhcv@quorum.test',
    fullName: 'Chu Văn Thịnh',
    jobTitle: 'Chuyên viên Phòng Theo dõi phòng, chống tham nhũng, tiêu cực, Ban Nội chính Tỉnh ủy',
    memberships: [['BNC', STAFF]],
  },
} satisfies Record<string, UserSpec>;

export type UserKey = keyof typeof USERS;

/** The same users, typed uniformly. */
export const USER_SPECS: Record<UserKey, UserSpec> = USERS;

/** The accounts worth logging in as (README and start banner). All share the demo password. */
export const demoAccounts: { email: string; role: string; roleEn: string }[] = [
  { email: 'admin@quorum.test', role: 'Quản trị hệ thống', roleEn: 'System administrator' },
  {
    email: 'office@quorum.test',
    role: 'Chuyên viên Văn phòng Tỉnh ủy: lập lịch họp, chương trình, theo dõi, đôn đốc nhiệm vụ',
    roleEn: 'Office staff (secretariat): schedules meetings, builds agendas, follows up tasks',
  },
  {
    email: 'chanhvanphong@quorum.test',
    role: 'Chánh Văn phòng Tỉnh ủy, Ủy viên Ban Thường vụ',
    roleEn: 'Head of the committee office, member of the standing board',
  },
  {
    email: 'bithu@quorum.test',
    role: 'Bí thư Tỉnh ủy: chủ trì Ban Chấp hành, Ban Thường vụ, Thường trực',
    roleEn: 'Provincial Party Secretary: chairs the executive committee and the standing board',
  },
  {
    email: 'tochuc@quorum.test',
    role: 'Chuyên viên Ban Tổ chức Tỉnh ủy: soạn thảo đề án, tờ trình',
    roleEn: 'Drafter in the Organisation Commission',
  },
  {
    email: 'kiemtra@quorum.test',
    role: 'Kiểm tra viên Ủy ban Kiểm tra Tỉnh ủy: thẩm định, góp ý dự thảo',
    roleEn: 'Reviewer in the Inspection Commission (appraises drafts)',
  },
  {
    email: 'tuyengiao@quorum.test',
    role: 'Phó Trưởng Ban Tuyên giáo Tỉnh ủy: soạn thảo và thẩm định',
    roleEn: 'Deputy head of the Propaganda and Education Commission (drafts and appraises)',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Proposals

export interface VersionSpec {
  label: string;
  author: UserKey;
  /** Days before now (or before the proposal's meeting, see `ProposalSpec.relativeToMeeting`). */
  daysAgo: number;
  /** Applied to the current body to reconstruct this older text: [text now, text then]. */
  replace?: ReadonlyArray<readonly [string, string]>;
}

export interface AssignmentSpec {
  unit: UnitKey;
  reviewer?: UserKey;
  verdict: Verdict;
  summary?: string;
  /** When the verdict was given: a fraction of the time between the request and now. */
  submittedAt?: number;
}

export interface CommentSpec {
  key: string;
  author: UserKey;
  unit: UnitKey;
  body: string;
  /** Must occur in the proposal's body text. */
  anchorQuote?: string;
  replyTo?: string;
  resolvedBy?: UserKey;
  /** When it was written: a fraction of the time between the request and now. */
  at: number;
}

export interface AppraisalSpec {
  requestedBy: UserKey;
  requestedDaysAgo: number;
  /** Negative: overdue. */
  dueInDays: number;
  status: AppraisalStatus;
  assignments: AssignmentSpec[];
  comments: CommentSpec[];
}

export interface ProgrammeLink {
  /** A month number, or the month of the meeting that took it up, or the month after now. */
  month: number | 'meeting' | 'upcoming';
  /** For items whose proposal is not adopted. */
  status?: ProgrammeItemStatus;
}

export interface ProposalSpec {
  title: string;
  kind: ProposalKind;
  leadUnit: UnitKey;
  owner: UserKey;
  status: ProposalStatus;
  classification: Classification;
  referenceNumber?: string;
  summary: string;
  body: string;
  returnReason?: string;
  /** Days before now it was submitted to the office (absent: computed for adopted proposals). */
  submittedDaysAgo?: number;
  createdDaysAgo?: number;
  /** Count `createdDaysAgo`, `submittedDaysAgo`, versions and the appraisal back from the proposal's meeting. */
  relativeToMeeting?: boolean;
  programme?: ProgrammeLink;
  /** The meeting that took it up (adopted, deferred or scheduled). */
  meeting?: MeetingKey;
  versions?: VersionSpec[];
  appraisal?: AppraisalSpec;
}

const leadName: Record<UnitKey, string> = Object.fromEntries(
  Object.entries(UNITS).map(([key, unit]) => [key, unit.name]),
) as Record<UnitKey, string>;

const sectionHeadings: Record<ProposalKind, readonly [string, string, string]> = {
  [ProposalKind.PROPOSAL]: [
    'I. SỰ CẦN THIẾT XÂY DỰNG ĐỀ ÁN',
    'II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP',
    'III. TỔ CHỨC THỰC HIỆN',
  ],
  [ProposalKind.REPORT]: [
    'I. KẾT QUẢ ĐẠT ĐƯỢC',
    'II. HẠN CHẾ, NGUYÊN NHÂN',
    'III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI',
  ],
  [ProposalKind.RESOLUTION_DRAFT]: [
    'I. TÌNH HÌNH',
    'II. MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP',
    'III. TỔ CHỨC THỰC HIỆN',
  ],
  [ProposalKind.PROGRAMME]: ['I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', 'III. TỔ CHỨC THỰC HIỆN'],
  [ProposalKind.OTHER]: ['I. CĂN CỨ', 'II. NỘI DUNG', 'III. TỔ CHỨC THỰC HIỆN'],
};

/** A paper in the usual three sections, with the submitting unit's closing line. */
function paper(
  kind: ProposalKind,
  lead: UnitKey,
  title: string,
  sections: readonly [string, string, string],
): string {
  const [h1, h2, h3] = sectionHeadings[kind];
  const closing =
    kind === ProposalKind.REPORT
      ? `Trên đây là báo cáo của ${leadName[lead]}, kính trình Ban Thường vụ Tỉnh ủy xem xét, cho ý kiến.`
      : `${leadName[lead]} kính trình Ban Thường vụ Tỉnh ủy xem xét, quyết định.`;
  // Upper-case the heading but not the {tokens} in it.
  const heading = title
    .split(/(\{\w+\})/)
    .map((part) => (part.startsWith('{') ? part : part.toUpperCase()))
    .join('');
  return [heading, h1, sections[0], h2, sections[1], h3, sections[2], closing].join('\n\n');
}

interface AdoptedSpec {
  title: string;
  kind: ProposalKind;
  leadUnit: UnitKey;
  owner: UserKey;
  classification?: Classification;
  referenceNumber: string;
  month: number | 'meeting';
  meeting?: MeetingKey;
  summary: string;
  sections: readonly [string, string, string];
}

function adopted(spec: AdoptedSpec): ProposalSpec {
  return {
    title: spec.title,
    kind: spec.kind,
    leadUnit: spec.leadUnit,
    owner: spec.owner,
    status: ProposalStatus.ADOPTED,
    classification: spec.classification ?? Classification.INTERNAL,
    referenceNumber: spec.referenceNumber,
    summary: spec.summary,
    body: paper(spec.kind, spec.leadUnit, spec.title, spec.sections),
    programme: { month: spec.month },
    ...(spec.meeting ? { meeting: spec.meeting } : {}),
  };
}

/** The 19 proposals of the standing board's annual programme adopted so far (19/21, as in the reference year). */
const ADOPTED = {
  chuongTrinhKiemTra: adopted({
    title: 'Chương trình kiểm tra, giám sát năm {year} của Ban Chấp hành Đảng bộ tỉnh',
    kind: ProposalKind.PROGRAMME,
    leadUnit: 'UBKT',
    owner: 'phoChuNhiemUbkt',
    referenceNumber: '01-TTr/UBKTTU',
    month: 1,
    summary:
      'Xác định 06 cuộc kiểm tra, 08 cuộc giám sát chuyên đề của Ban Thường vụ Tỉnh ủy trong năm {year}; phân công đơn vị chủ trì, thời gian thực hiện.',
    sections: [
      'Thực hiện Điều lệ Đảng và các quy định của Trung ương về công tác kiểm tra, giám sát và kỷ luật của Đảng, căn cứ Chương trình làm việc toàn khóa của Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2025–2030, cần xác định rõ nội dung, đối tượng, thời gian kiểm tra, giám sát trong năm {year}, bảo đảm có trọng tâm, trọng điểm, không chồng chéo.',
      'Chương trình gồm 06 cuộc kiểm tra và 08 cuộc giám sát chuyên đề của Ban Thường vụ Tỉnh ủy, tập trung vào việc thực hiện nghị quyết đại hội đảng các cấp, công tác cán bộ, quản lý đất đai, tài chính, đầu tư công và việc thực hiện những điều đảng viên không được làm; ưu tiên những nơi có nhiều đơn thư, dư luận, những lĩnh vực dễ phát sinh sai phạm.',
      'Ủy ban Kiểm tra Tỉnh ủy chủ trì, phối hợp với các ban xây dựng Đảng và Văn phòng Tỉnh ủy giúp Ban Thường vụ Tỉnh ủy tổ chức thực hiện; hằng quý báo cáo tiến độ, cuối năm tổng hợp kết quả báo cáo Ban Chấp hành Đảng bộ tỉnh.',
    ],
  }),
  toChucCoSoDang: adopted({
    title:
      'Đề án nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng sau sắp xếp đơn vị hành chính cấp xã, giai đoạn {year}–2030',
    kind: ProposalKind.PROPOSAL,
    leadUnit: 'BTC',
    owner: 'phoBanToChuc',
    referenceNumber: '05-TTr/BTCTU',
    month: 2,
    summary:
      'Củng cố tổ chức cơ sở đảng sau sắp xếp đơn vị hành chính cấp xã; mục tiêu hằng năm trên 85% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.',
    sections: [
      'Sau sắp xếp đơn vị hành chính cấp xã, số lượng tổ chức cơ sở đảng giảm nhưng quy mô, địa bàn của nhiều đảng bộ xã, phường tăng lên; một bộ phận cấp ủy viên chưa quen với yêu cầu nhiệm vụ mới, việc nắm tình hình ở cơ sở có lúc chưa kịp thời. Xây dựng Đề án là cần thiết để củng cố, kiện toàn tổ chức cơ sở đảng trong sạch, vững mạnh.',
      'Đề án đặt mục tiêu hằng năm có trên 85% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên, không có tổ chức cơ sở đảng yếu kém kéo dài; tập trung 05 nhóm giải pháp: kiện toàn cấp ủy, đổi mới phương thức lãnh đạo, nâng cao chất lượng đảng viên, phát triển đảng viên ở vùng đồng bào dân tộc thiểu số và tăng cường kiểm tra, giám sát.',
      'Ban Tổ chức Tỉnh ủy chủ trì hướng dẫn, theo dõi; các đảng bộ trực thuộc xây dựng kế hoạch thực hiện trong quý đầu sau khi Đề án được ban hành; hằng năm sơ kết, báo cáo Ban Thường vụ Tỉnh ủy.',
    ],
  }),
  soKetNghiQuyet39: adopted({
    title:
      'Báo cáo sơ kết thực hiện Nghị quyết số 39-NQ/TW của Bộ Chính trị về xây dựng và phát triển tỉnh Nghệ An đến năm 2030, tầm nhìn đến năm 2045',
    kind: ProposalKind.REPORT,
    leadUnit: 'BTG',
    owner: 'tuyenGiao',
    referenceNumber: '08-BC/BTGTU',
    month: 3,
    summary:
      'Đánh giá kết quả, hạn chế sau thời gian thực hiện Nghị quyết 39-NQ/TW (tiếp nối Nghị quyết 26-NQ/TW); đề xuất nhiệm vụ, giải pháp và kiến nghị Trung ương.',
    sections: [
      'Tiếp nối kết quả thực hiện Nghị quyết số 26-NQ/TW ngày 30/7/2013, sau thời gian thực hiện Nghị quyết số 39-NQ/TW ngày 18/7/2023 của Bộ Chính trị, các cấp ủy, chính quyền đã cụ thể hóa bằng chương trình hành động; tăng trưởng kinh tế đạt khá, thu hút đầu tư có chuyển biến rõ nét, nhiều công trình hạ tầng giao thông, khu công nghiệp trọng điểm được triển khai.',
      'Một số chỉ tiêu đạt thấp so với lộ trình, nhất là thu nhập bình quân đầu người và tỷ lệ đô thị hóa; khu vực miền Tây còn nhiều khó khăn; giải phóng mặt bằng một số dự án còn chậm. Nguyên nhân chủ yếu là nguồn lực đầu tư hạn chế, sự phối hợp giữa các ngành có lúc chưa chặt chẽ.',
      'Tập trung tháo gỡ khó khăn cho các dự án trọng điểm; đẩy mạnh tuyên truyền, tạo đồng thuận xã hội; đề nghị Trung ương tiếp tục quan tâm cơ chế, chính sách đặc thù cho tỉnh; định kỳ đánh giá kết quả để kịp thời điều chỉnh.',
    ],
  }),
  phongChongThamNhung: adopted({
    title:
      'Đề án tăng cường công tác phòng, chống tham nhũng, lãng phí, tiêu cực trên địa bàn tỉnh giai đoạn {year}–2030',
    kind: ProposalKind.PROPOSAL,
    leadUnit: 'BNC',
    owner: 'phoBanNoiChinh',
    classification: Classification.RESTRICTED,
    referenceNumber: '09-TTr/BNCTU',
    month: 3,
    summary:
      'Các giải pháp phòng, chống tham nhũng, lãng phí, tiêu cực giai đoạn {year}–2030; mục tiêu xử lý dứt điểm 100% vụ việc, vụ án được theo dõi, chỉ đạo.',
    sections: [
      'Công tác phòng, chống tham nhũng, lãng phí, tiêu cực trên địa bàn tỉnh thời gian qua có nhiều chuyển biến; tuy nhiên, tham nhũng, tiêu cực trong một số lĩnh vực như đất đai, đầu tư công, tài chính, ngân sách vẫn diễn biến phức tạp; việc phát hiện qua tự kiểm tra của cơ quan, đơn vị còn ít.',
      'Đề án đề ra mục tiêu 100% vụ việc, vụ án tham nhũng, tiêu cực thuộc diện Ban Thường vụ Tỉnh ủy theo dõi, chỉ đạo được xử lý dứt điểm, đúng thời hạn; nâng cao tỷ lệ thu hồi tài sản tham nhũng; tăng cường kiểm soát tài sản, thu nhập của người có chức vụ, quyền hạn.',
      'Ban Nội chính Tỉnh ủy chủ trì, phối hợp với Ủy ban Kiểm tra Tỉnh ủy và các cơ quan tiến hành tố tụng tham mưu tổ chức thực hiện; 6 tháng một lần báo cáo Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh.',
    ],
  }),
  caiCachHanhChinh: adopted({
    title:
      'Nghị quyết về đẩy mạnh cải cách hành chính, nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và chỉ số hài lòng của người dân (SIPAS)',
    kind: ProposalKind.RESOLUTION_DRAFT,
    leadUnit: 'BTC',
    owner: 'toChuc',
    referenceNumber: '14-TTr/BTCTU',
    month: 4,
    summary:
      'Mục tiêu đưa chỉ số PCI vào nhóm 20 tỉnh, thành phố dẫn đầu; trên 80% hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình đến năm 2030.',
    sections: [
      'Công tác cải cách hành chính của tỉnh đạt nhiều kết quả; việc giải quyết thủ tục hành chính trên môi trường điện tử được đẩy mạnh. Tuy nhiên, chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và chỉ số hài lòng của người dân (SIPAS) chưa tương xứng với tiềm năng; một bộ phận cán bộ, công chức còn né tránh, đùn đẩy trách nhiệm.',
      'Phấn đấu đến năm 2030 chỉ số PCI của tỉnh thuộc nhóm 20 tỉnh, thành phố dẫn đầu cả nước; tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình đạt trên 80%; chỉ số SIPAS đạt trên 90%. Giải pháp trọng tâm: nâng cao trách nhiệm người đứng đầu, đơn giản hóa thủ tục hành chính, chuyển đổi số trong giải quyết thủ tục và siết chặt kỷ luật, kỷ cương hành chính.',
      'Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo xây dựng kế hoạch thực hiện; Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi, đôn đốc, hằng năm báo cáo Ban Thường vụ Tỉnh ủy.',
    ],
  }),
  kyNiemNgaySinhBac: adopted({
    title:
      'Kế hoạch tổ chức các hoạt động kỷ niệm {hcmYears} năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/{year})',
    kind: ProposalKind.PROGRAMME,
    leadUnit: 'BTG',
    owner: 'chuyenVienTuyenGiao',
    referenceNumber: '12-TTr/BTGTU',
    month: 4,
    summary:
      'Các hoạt động kỷ niệm {hcmYears} năm Ngày sinh Chủ tịch Hồ Chí Minh tại quê hương Nghệ An: dâng hoa tại Kim Liên, Lễ hội Làng Sen, hội thảo khoa học, tuyên truyền.',
    sections: [
      'Tổ chức các hoạt động kỷ niệm {hcmYears} năm Ngày sinh Chủ tịch Hồ Chí Minh trang trọng, thiết thực, tiết kiệm; giáo dục truyền thống quê hương, khơi dậy niềm tự hào, ý chí tự lực, tự cường của cán bộ, đảng viên và Nhân dân tỉnh nhà.',
      'Các hoạt động chính: dâng hoa, dâng hương tại Khu di tích quốc gia đặc biệt Kim Liên; Lễ hội Làng Sen; hội thảo khoa học; các hoạt động văn hóa, văn nghệ, thể dục thể thao; tuyên truyền trên báo chí và hệ thống thông tin cơ sở, gắn với đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
      'Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy, Sở Văn hóa, Thể thao và Du lịch và các địa phương tổ chức thực hiện; báo cáo kết quả về Thường trực Tỉnh ủy trước ngày 30/5/{year}.',
    ],
  }),
  danVanKheo: adopted({
    title:
      'Đề án nâng cao hiệu quả công tác dân vận của chính quyền các cấp, đẩy mạnh phong trào thi đua “Dân vận khéo” giai đoạn {year}–2030',
    kind: ProposalKind.PROPOSAL,
    leadUnit: 'BDV',
    owner: 'phoBanDanVan',
    referenceNumber: '07-TTr/BDVTU',
    month: 5,
    summary:
      'Nâng cao hiệu quả công tác dân vận chính quyền; mỗi năm xây dựng, nhân rộng ít nhất 200 mô hình “Dân vận khéo”.',
    sections: [
      'Công tác dân vận của chính quyền các cấp có nhiều chuyển biến; phong trào thi đua “Dân vận khéo” lan tỏa rộng khắp với nhiều mô hình hiệu quả. Tuy vậy, ở một số nơi việc tiếp xúc, đối thoại với Nhân dân chưa thường xuyên; giải quyết kiến nghị của người dân có việc còn chậm, để phát sinh khiếu kiện đông người.',
      'Mục tiêu đến năm 2030, 100% người đứng đầu cấp ủy, chính quyền cấp xã đối thoại trực tiếp với Nhân dân ít nhất 02 lần mỗi năm; mỗi năm xây dựng và nhân rộng ít nhất 200 mô hình “Dân vận khéo”; không để xảy ra điểm nóng phức tạp về an ninh, trật tự.',
      'Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Đảng ủy Ủy ban nhân dân tỉnh, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh hướng dẫn, kiểm tra; hằng năm tổ chức biểu dương điển hình “Dân vận khéo”.',
    ],
  }),
  phanCapCanBo: adopted({
    title: 'Quy định về phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử',
    kind: ProposalKind.RESOLUTION_DRAFT,
    leadUnit: 'BTC',
    owner: 'phoBanToChuc',
    classification: Classification.RESTRICTED,
    referenceNumber: '18-TTr/BTCTU',
    month: 5,
    summary:
      'Sửa đổi phân cấp quản lý cán bộ sau sắp xếp tổ chức bộ máy; quy trình bổ nhiệm, giới thiệu cán bộ ứng cử.',
    sections: [
      'Sau khi sắp xếp tổ chức bộ máy và đơn vị hành chính, một số quy định hiện hành về phân cấp quản lý cán bộ của Ban Thường vụ Tỉnh ủy không còn phù hợp; cần sửa đổi, bổ sung để bảo đảm thống nhất với quy định của Trung ương, đề cao trách nhiệm của tập thể cấp ủy và người đứng đầu.',
      'Dự thảo quy định rõ thẩm quyền, trách nhiệm của Ban Thường vụ, Thường trực Tỉnh ủy và các cấp ủy trực thuộc trong quản lý cán bộ; quy trình bổ nhiệm, bổ nhiệm lại, giới thiệu cán bộ ứng cử; tiêu chuẩn, điều kiện và trách nhiệm của nơi đề xuất, giới thiệu nhân sự.',
      'Ban Tổ chức Tỉnh ủy chủ trì hướng dẫn thực hiện; Ủy ban Kiểm tra Tỉnh ủy kiểm tra, giám sát việc thực hiện; các cấp ủy, tổ chức đảng rà soát, sửa đổi quy chế làm việc cho phù hợp.',
    ],
  }),
  soKetSauThang: adopted({
    title: 'Báo cáo sơ kết công tác xây dựng Đảng và hệ thống chính trị 6 tháng đầu năm {year}',
    kind: ProposalKind.REPORT,
    leadUnit: 'VPTU',
    owner: 'phoChanhVanPhong1',
    referenceNumber: '21-BC/VPTU',
    month: 6,
    summary:
      'Kết quả công tác xây dựng Đảng và hệ thống chính trị 6 tháng đầu năm {year}; nhiệm vụ trọng tâm 6 tháng cuối năm.',
    sections: [
      'Sáu tháng đầu năm {year}, công tác xây dựng Đảng và hệ thống chính trị được triển khai đồng bộ; Ban Thường vụ Tỉnh ủy đã tổ chức 12 hội nghị, cho ý kiến 34 nội dung; kinh tế - xã hội tiếp tục phát triển, quốc phòng, an ninh được giữ vững.',
      'Một số đề án trong Chương trình công tác năm còn chậm tiến độ; việc cụ thể hóa một số nghị quyết, kết luận ở cơ sở còn chậm; công tác nắm bắt tình hình tư tưởng có lúc chưa kịp thời.',
      'Sáu tháng cuối năm, tập trung hoàn thành các đề án trong Chương trình công tác; đẩy mạnh kiểm tra, giám sát; chuẩn bị tốt nội dung các hội nghị Ban Chấp hành Đảng bộ tỉnh; tăng cường theo dõi, đôn đốc thực hiện kết luận của Thường trực, Ban Thường vụ Tỉnh ủy.',
    ],
  }),
  chiThi05: adopted({
    title:
      'Báo cáo kết quả thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    kind: ProposalKind.REPORT,
    leadUnit: 'BTG',
    owner: 'chuyenVienTuyenGiao',
    referenceNumber: '23-BC/BTGTU',
    month: 6,
    summary:
      'Kết quả thực hiện Chỉ thị 05-CT/TW; đề xuất đưa việc học tập và làm theo Bác thành nội dung sinh hoạt thường kỳ của chi bộ.',
    sections: [
      'Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được các cấp ủy, tổ chức đảng triển khai nền nếp, gắn với thực hiện nhiệm vụ chính trị; nhiều tập thể, cá nhân điển hình được biểu dương, nhân rộng; việc nêu gương của cán bộ, đảng viên, nhất là người đứng đầu có chuyển biến tích cực.',
      'Ở một số nơi việc đăng ký làm theo còn chung chung, chưa gắn với chức trách, nhiệm vụ; việc sơ kết, nhân rộng điển hình chưa thường xuyên.',
      'Tiếp tục đưa việc học tập và làm theo Bác thành nội dung sinh hoạt thường kỳ của chi bộ; cụ thể hóa chuẩn mực đạo đức cho từng đối tượng; biểu dương kịp thời các tập thể, cá nhân tiêu biểu.',
    ],
  }),
  quocPhongDiaPhuong: adopted({
    title:
      'Nghị quyết về tăng cường sự lãnh đạo của Đảng đối với nhiệm vụ quốc phòng, quân sự địa phương, xây dựng khu vực phòng thủ tỉnh vững chắc',
    kind: ProposalKind.RESOLUTION_DRAFT,
    leadUnit: 'BNC',
    owner: 'phoBanNoiChinh',
    classification: Classification.RESTRICTED,
    referenceNumber: '19-TTr/BNCTU',
    month: 7,
    summary:
      'Tăng cường lãnh đạo nhiệm vụ quốc phòng, quân sự địa phương; xây dựng khu vực phòng thủ tỉnh vững chắc, gắn quốc phòng với an ninh.',
    sections: [
      'Công tác quốc phòng, quân sự địa phương được quan tâm lãnh đạo; khu vực phòng thủ tỉnh từng bước được xây dựng vững chắc; an ninh chính trị, trật tự an toàn xã hội, nhất là trên tuyến biên giới Việt – Lào được giữ vững. Tuy nhiên, việc kiện toàn lực lượng dân quân tự vệ sau sắp xếp cấp xã ở một số nơi còn lúng túng.',
      'Dự thảo Nghị quyết xác định mục tiêu xây dựng khu vực phòng thủ tỉnh vững chắc, gắn kết chặt chẽ quốc phòng với an ninh và phát triển kinh tế - xã hội; kiện toàn lực lượng dân quân tự vệ, dự bị động viên; làm tốt công tác giáo dục quốc phòng và an ninh cho các đối tượng.',
      'Đảng ủy Quân sự tỉnh, Đảng ủy Công an tỉnh cụ thể hóa thành chương trình, kế hoạch; Ban Nội chính Tỉnh ủy theo dõi, tổng hợp, tham mưu Ban Thường vụ Tỉnh ủy sơ kết, tổng kết.',
    ],
  }),
  chuyenDoiSo: adopted({
    title: 'Đề án chuyển đổi số trong các cơ quan Đảng tỉnh Nghệ An đến năm 2030',
    kind: ProposalKind.PROPOSAL,
    leadUnit: 'VPTU',
    owner: 'phoChanhVanPhong2',
    referenceNumber: '27-TTr/VPTU',
    month: 8,
    summary:
      '100% hội nghị Ban Chấp hành, Ban Thường vụ Tỉnh ủy sử dụng tài liệu điện tử; xây dựng cơ sở dữ liệu theo dõi thực hiện nhiệm vụ đến năm 2030.',
    sections: [
      'Kế thừa kết quả Đề án “Đổi mới thiết bị và bảo mật thông tin”, các cơ quan Đảng của tỉnh đã sử dụng hệ thống quản lý văn bản và điều hành, thư điện tử công vụ. Tuy nhiên, hạ tầng công nghệ thông tin chưa đồng bộ; dữ liệu chưa được kết nối, chia sẻ; việc chuẩn bị tài liệu họp vẫn chủ yếu bằng giấy.',
      'Mục tiêu đến năm 2030, 100% văn bản (trừ văn bản mật) được trao đổi trên môi trường điện tử; 100% hội nghị của Ban Chấp hành, Ban Thường vụ Tỉnh ủy sử dụng tài liệu điện tử; xây dựng cơ sở dữ liệu đảng viên và cơ sở dữ liệu theo dõi thực hiện nhiệm vụ; bảo đảm an toàn, an ninh thông tin theo cấp độ.',
      'Văn phòng Tỉnh ủy chủ trì, phối hợp với các ban của Tỉnh ủy, Sở Khoa học và Công nghệ triển khai theo hai giai đoạn; hằng năm báo cáo Ban Thường vụ Tỉnh ủy kết quả thực hiện.',
    ],
  }),
  caiCachTuPhap: adopted({
    title: 'Báo cáo kết quả thực hiện nhiệm vụ cải cách tư pháp và hoạt động tư pháp',
    kind: ProposalKind.REPORT,
    leadUnit: 'BNC',
    owner: 'chuyenVienNoiChinh',
    referenceNumber: '24-BC/BNCTU',
    month: 8,
    summary:
      'Kết quả cải cách tư pháp và hoạt động tư pháp; kiến nghị đẩy nhanh giải quyết các vụ án phức tạp, kéo dài.',
    sections: [
      'Các cơ quan tư pháp của tỉnh đã thực hiện tốt nhiệm vụ cải cách tư pháp; chất lượng điều tra, truy tố, xét xử được nâng lên, tỷ lệ giải quyết án vượt chỉ tiêu được giao; việc tranh tụng tại phiên tòa được chú trọng.',
      'Tình trạng án tồn đọng, án hành chính quá hạn vẫn còn; việc thi hành án dân sự có giá trị lớn gặp khó khăn; biên chế một số cơ quan tư pháp chưa đáp ứng yêu cầu nhiệm vụ.',
      'Tiếp tục nâng cao chất lượng tranh tụng; đẩy nhanh giải quyết các vụ án phức tạp, kéo dài; tăng cường phối hợp giữa các cơ quan tiến hành tố tụng; kiến nghị bổ sung biên chế cho các cơ quan tư pháp.',
    ],
  }),
  canBoTreNuDanToc: adopted({
    title:
      'Đề án phát triển đội ngũ cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số giai đoạn {year}–2030',
    kind: ProposalKind.PROPOSAL,
    leadUnit: 'BTC',
    owner: 'toChuc',
    referenceNumber: '38-TTr/BTCTU',
    month: 'meeting',
    meeting: 'btvRegular',
    summary:
      'Tạo nguồn cán bộ trẻ, nữ, dân tộc thiểu số; mục tiêu cán bộ nữ tham gia cấp ủy các cấp từ 20% trở lên đến năm 2030.',
    sections: [
      'Tỷ lệ cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số trong cấp ủy và lãnh đạo chủ chốt các cấp của tỉnh còn thấp so với yêu cầu; nguồn cán bộ người dân tộc thiểu số ở khu vực miền Tây còn thiếu; công tác quy hoạch, đào tạo chưa gắn chặt với bố trí, sử dụng.',
      'Phấn đấu đến năm 2030 tỷ lệ cán bộ nữ tham gia cấp ủy các cấp đạt từ 20% trở lên; cán bộ trẻ dưới 40 tuổi đạt từ 10% trở lên; cán bộ người dân tộc thiểu số trong cấp ủy cấp xã ở vùng đồng bào dân tộc phù hợp với cơ cấu dân cư. Giải pháp trọng tâm: tạo nguồn từ sớm, luân chuyển để rèn luyện, có chính sách hỗ trợ đào tạo.',
      'Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn thực hiện; lồng ghép với công tác quy hoạch cán bộ nhiệm kỳ 2030–2035.',
    ],
  }),
  donThuKyLuat: adopted({
    title: 'Báo cáo kết quả giải quyết đơn thư tố cáo, khiếu nại kỷ luật đảng',
    kind: ProposalKind.REPORT,
    leadUnit: 'UBKT',
    owner: 'kiemTra',
    referenceNumber: '22-BC/UBKTTU',
    month: 9,
    summary:
      'Kết quả tiếp nhận, giải quyết đơn thư tố cáo, khiếu nại kỷ luật đảng; giải pháp giải quyết dứt điểm vụ việc tồn đọng.',
    sections: [
      'Từ đầu năm đến nay, Ủy ban Kiểm tra các cấp đã tiếp nhận, xử lý kịp thời đơn thư tố cáo, khiếu nại liên quan đến tổ chức đảng và đảng viên; giải quyết dứt điểm nhiều vụ việc tồn đọng; qua giải quyết đã kết luận rõ đúng, sai, xử lý nghiêm những trường hợp vi phạm.',
      'Một số vụ việc giải quyết còn kéo dài; đơn thư nặc danh, mạo danh có xu hướng tăng; việc phối hợp xác minh với các cơ quan nhà nước ở một số nơi chưa chặt chẽ.',
      'Nâng cao chất lượng thẩm tra, xác minh; giải quyết dứt điểm các vụ việc tồn đọng; thực hiện nghiêm việc công khai kết quả giải quyết theo quy định.',
    ],
  }),
  tinhHinhTuTuong: adopted({
    title:
      'Báo cáo tình hình tư tưởng trong cán bộ, đảng viên và Nhân dân; công tác định hướng thông tin, dư luận xã hội',
    kind: ProposalKind.REPORT,
    leadUnit: 'BTG',
    owner: 'tuyenGiao',
    referenceNumber: '41-BC/BTGTU',
    month: 'meeting',
    meeting: 'btvRegular',
    summary:
      'Tình hình tư tưởng cán bộ, đảng viên và Nhân dân; giải pháp định hướng thông tin, xử lý thông tin xấu, độc trên không gian mạng.',
    sections: [
      'Tình hình tư tưởng trong cán bộ, đảng viên và Nhân dân cơ bản ổn định; đa số tin tưởng vào sự lãnh đạo của Đảng, đồng thuận với chủ trương sắp xếp tổ chức bộ máy, đơn vị hành chính; công tác định hướng thông tin được thực hiện kịp thời.',
      'Một bộ phận cán bộ còn tâm lý lo lắng về vị trí việc làm sau sắp xếp; thông tin xấu, độc trên không gian mạng về một số vụ việc ở địa phương còn diễn biến phức tạp; việc phản bác quan điểm sai trái ở một số nơi chưa chủ động.',
      'Tăng cường nắm bắt, dự báo tình hình tư tưởng; chủ động cung cấp thông tin chính thống; phát huy vai trò của Ban Chỉ đạo 35 các cấp trong bảo vệ nền tảng tư tưởng của Đảng.',
    ],
  }),
  danTocTonGiao: adopted({
    title: 'Đề án tăng cường công tác dân tộc, tôn giáo trên địa bàn khu vực miền Tây Nghệ An',
    kind: ProposalKind.PROPOSAL,
    leadUnit: 'BDV',
    owner: 'chuyenVienDanVan',
    referenceNumber: '19-TTr/BDVTU',
    month: 'meeting',
    meeting: 'btvRegular',
    summary:
      'Giữ vững ổn định vùng đồng bào dân tộc, tôn giáo khu vực miền Tây; giảm tỷ lệ hộ nghèo bình quân 3–4% mỗi năm.',
    sections: [
      'Khu vực miền Tây Nghệ An có đông đồng bào dân tộc thiểu số sinh sống, địa bàn rộng, giáp biên giới Việt – Lào; đời sống của Nhân dân còn nhiều khó khăn; hoạt động truyền đạo trái phép, di cư tự do còn tiềm ẩn phức tạp.',
      'Đề án xác định mục tiêu giữ vững ổn định chính trị vùng đồng bào dân tộc, tôn giáo; giảm tỷ lệ hộ nghèo bình quân 3–4% mỗi năm; phát huy vai trò người có uy tín, chức sắc tôn giáo trong vận động Nhân dân chấp hành chủ trương, chính sách.',
      'Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Đảng ủy Ủy ban nhân dân tỉnh, Đảng ủy Quân sự tỉnh, Đảng ủy Công an tỉnh hướng dẫn, kiểm tra; hằng năm sơ kết, báo cáo Ban Thường vụ Tỉnh ủy.',
    ],
  }),
  kiemDiemBanThuongVu: adopted({
    title: 'Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Ban Thường vụ Tỉnh ủy năm {year}',
    kind: ProposalKind.REPORT,
    leadUnit: 'BTC',
    owner: 'phoBanToChuc',
    referenceNumber: '52-BC/BTCTU',
    month: 12,
    summary:
      'Tự kiểm điểm tập thể Ban Thường vụ Tỉnh ủy năm {year}: ưu điểm, hạn chế và biện pháp khắc phục.',
    sections: [
      'Năm {year}, Ban Thường vụ Tỉnh ủy đã lãnh đạo, chỉ đạo toàn diện các mặt công tác; hoàn thành phần lớn nội dung Chương trình công tác năm; giữ vững nguyên tắc tập trung dân chủ, đoàn kết, thống nhất trong lãnh đạo.',
      'Một số đề án chậm so với kế hoạch; việc kiểm tra, đôn đốc thực hiện kết luận của Ban Thường vụ ở một số lĩnh vực chưa thường xuyên; giải quyết một số vụ việc tồn đọng còn kéo dài.',
      'Khắc phục hạn chế, nâng cao chất lượng ban hành và tổ chức thực hiện nghị quyết; tăng cường theo dõi, đôn đốc việc thực hiện kết luận; nêu cao trách nhiệm nêu gương của tập thể, cá nhân Ủy viên Ban Thường vụ.',
    ],
  }),
  chuongTrinhNamSau: adopted({
    title: 'Chương trình công tác năm {nextYear} của Ban Chấp hành, Ban Thường vụ Tỉnh ủy',
    kind: ProposalKind.PROGRAMME,
    leadUnit: 'VPTU',
    owner: 'phoChanhVanPhong1',
    referenceNumber: '61-TTr/VPTU',
    month: 12,
    summary:
      'Các nội dung Ban Chấp hành, Ban Thường vụ Tỉnh ủy tập trung lãnh đạo trong năm {nextYear}, cơ quan chủ trì và tháng trình.',
    sections: [
      'Xác định các nội dung Ban Chấp hành, Ban Thường vụ Tỉnh ủy tập trung lãnh đạo trong năm {nextYear}, bảo đảm toàn diện, có trọng tâm, trọng điểm; phân công rõ cơ quan chủ trì, thời gian trình.',
      'Chương trình gồm các nhóm nội dung: xây dựng Đảng và hệ thống chính trị; phát triển kinh tế - xã hội; quốc phòng, an ninh, đối ngoại; kiểm tra, giám sát; dân vận. Mỗi nội dung xác định rõ tháng trình, cơ quan chủ trì, cơ quan phối hợp.',
      'Văn phòng Tỉnh ủy theo dõi, đôn đốc việc chuẩn bị các đề án; hằng tháng báo cáo Thường trực Tỉnh ủy tiến độ; các cơ quan chủ trì chịu trách nhiệm về chất lượng, thời gian trình.',
    ],
  }),
} satisfies Record<string, ProposalSpec>;

const SINH_HOAT_CHI_BO_BODY = [
  'ĐỀ ÁN NÂNG CAO CHẤT LƯỢNG SINH HOẠT CHI BỘ TRONG CÁC TỔ CHỨC CƠ SỞ ĐẢNG GIAI ĐOẠN {year}–2030',
  'I. SỰ CẦN THIẾT XÂY DỰNG ĐỀ ÁN',
  'Thời gian qua, các cấp ủy đã quan tâm lãnh đạo, chỉ đạo đổi mới nội dung, phương thức sinh hoạt chi bộ; nhiều chi bộ duy trì nền nếp sinh hoạt định kỳ, nội dung phong phú, gắn với nhiệm vụ chính trị của địa phương, cơ quan, đơn vị. Tuy nhiên, chất lượng sinh hoạt ở một số chi bộ còn hạn chế, nội dung còn đơn điệu, nặng về thông báo tình hình; tính chiến đấu, tự phê bình và phê bình chưa cao.',
  'Sau sắp xếp đơn vị hành chính cấp xã, nhiều chi bộ có quy mô lớn, địa bàn rộng, đòi hỏi giải pháp phù hợp để nâng cao chất lượng sinh hoạt, bảo đảm vai trò hạt nhân chính trị của chi bộ ở cơ sở.',
  'II. MỤC TIÊU',
  'Đến năm 2030, 100% chi bộ duy trì sinh hoạt định kỳ hằng tháng; ít nhất 80% chi bộ sinh hoạt chuyên đề mỗi quý một lần; hằng năm có trên 90% chi bộ được đánh giá hoàn thành tốt nhiệm vụ trở lên.',
  'III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU',
  '1. Nâng cao nhận thức, trách nhiệm của cấp ủy, bí thư chi bộ về vị trí, vai trò của sinh hoạt chi bộ.',
  '2. Đổi mới nội dung sinh hoạt, tập trung vào những vấn đề thiết thực, gắn với thực hiện nhiệm vụ chính trị; tăng cường sinh hoạt chuyên đề.',
  '3. Ứng dụng công nghệ thông tin trong sinh hoạt chi bộ; thí điểm sổ tay đảng viên điện tử tại 50 chi bộ thuộc các loại hình cơ quan, doanh nghiệp, nông thôn và vùng đồng bào dân tộc thiểu số; Văn phòng Tỉnh ủy bảo đảm kỹ thuật và bảo mật thông tin.',
  '4. Tăng cường kiểm tra, giám sát việc chấp hành chế độ sinh hoạt chi bộ; kịp thời chấn chỉnh những chi bộ sinh hoạt hình thức.',
  'IV. KINH PHÍ THỰC HIỆN',
  'Kinh phí thực hiện Đề án được bố trí từ nguồn ngân sách đảng hằng năm của tỉnh, dự kiến khoảng 4,5 tỷ đồng cho cả giai đoạn.',
  'V. TỔ CHỨC THỰC HIỆN',
  'Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Ủy ban Kiểm tra Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy hướng dẫn, theo dõi, đôn đốc việc thực hiện Đề án; hằng năm báo cáo Ban Thường vụ Tỉnh ủy.',
].join('\n\n');

const VAN_HOA_BODY = [
  'DỰ THẢO NGHỊ QUYẾT CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ XÂY DỰNG, PHÁT TRIỂN VĂN HÓA, CON NGƯỜI NGHỆ AN ĐÁP ỨNG YÊU CẦU PHÁT TRIỂN BỀN VỮNG',
  'I. TÌNH HÌNH',
  'Văn hóa, con người Nghệ An với truyền thống yêu nước, hiếu học, cần cù là nguồn lực nội sinh quan trọng cho phát triển. Thời gian qua, nhiều di sản được bảo tồn, phát huy; phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” đạt kết quả tích cực.',
  'Tuy nhiên, đầu tư cho văn hóa còn dàn trải; thiết chế văn hóa ở nhiều xã sau sắp xếp chưa đồng bộ, hiệu quả sử dụng thấp; một số giá trị văn hóa truyền thống có nguy cơ mai một, nhất là văn hóa của đồng bào dân tộc thiểu số.',
  'II. MỤC TIÊU',
  'Đến năm 2030, 100% xã, phường có thiết chế văn hóa đạt chuẩn; 95% gia đình đạt danh hiệu “Gia đình văn hóa”; bảo tồn và phát huy giá trị Dân ca Ví, Giặm Nghệ Tĩnh và hệ thống di tích, trọng tâm là Khu di tích quốc gia đặc biệt Kim Liên.',
  'III. NHIỆM VỤ, GIẢI PHÁP',
  '1. Nâng cao nhận thức của cấp ủy, chính quyền về vai trò của văn hóa trong phát triển bền vững.',
  '2. Xây dựng hệ giá trị con người Nghệ An thời kỳ mới gắn với chuẩn mực đạo đức, lối sống.',
  '3. Đẩy mạnh xã hội hóa các hoạt động văn hóa, thực hiện công khai, minh bạch, có sự giám sát của Nhân dân; có cơ chế khuyến khích doanh nghiệp đầu tư vào công nghiệp văn hóa, du lịch văn hóa.',
  '4. Tăng cường quản lý nhà nước về văn hóa; xử lý nghiêm các vi phạm trong hoạt động lễ hội, quảng cáo, kinh doanh dịch vụ văn hóa.',
  'IV. TỔ CHỨC THỰC HIỆN',
  'Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Đảng ủy Ủy ban nhân dân tỉnh, Sở Văn hóa, Thể thao và Du lịch theo dõi, hướng dẫn, kiểm tra việc thực hiện Nghị quyết; sơ kết sau 3 năm, tổng kết sau 5 năm.',
].join('\n\n');

/** Proposals still on their way: drafting, in appraisal, appraised, submitted, scheduled, returned. */
const UNDER_WAY = {
  canBoKienToan: {
    title:
      'Tờ trình về công tác cán bộ: kiện toàn chức danh lãnh đạo một số cơ quan tham mưu, giúp việc Tỉnh ủy',
    kind: ProposalKind.PROPOSAL,
    leadUnit: 'BTC',
    owner: 'toChuc',
    status: ProposalStatus.DRAFTING,
    classification: Classification.CONFIDENTIAL,
    summary: 'Đề xuất quy trình giới thiệu nhân sự bổ nhiệm 03 chức danh cấp phó còn khuyết (tài liệu mật).',
    body: [
      'TỜ TRÌNH VỀ CÔNG TÁC CÁN BỘ',
      'Kính gửi: Ban Thường vụ Tỉnh ủy.',
      'Thực hiện quy định về phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử, căn cứ yêu cầu kiện toàn đội ngũ cán bộ lãnh đạo các cơ quan tham mưu, giúp việc Tỉnh ủy, Ban Tổ chức Tỉnh ủy đã phối hợp với các cơ quan liên quan rà soát nguồn cán bộ trong quy hoạch.',
      '1. Tình hình đội ngũ: hiện có 03 chức danh cấp phó người đứng đầu còn khuyết do nghỉ hưu và điều động, luân chuyển.',
      '2. Đề xuất: thực hiện quy trình giới thiệu nhân sự bổ nhiệm 03 chức danh nêu trên từ nguồn quy hoạch; nhân sự cụ thể tại Phụ lục kèm theo (tài liệu mật, phát tại hội nghị).',
      '3. Thời gian: hoàn thành quy trình trong quý này.',
      'Ban Tổ chức Tỉnh ủy kính trình Ban Thường vụ Tỉnh ủy xem xét, cho ý kiến.',
    ].join('\n\n'),
    createdDaysAgo: 6,
    versions: [{ label: 'Dự thảo lần 1', author: 'toChuc', daysAgo: 3 }],
  },
  danChuCoSo: {
    title: 'Báo cáo kết quả thực hiện dân chủ ở cơ sở năm {year}',
    kind: ProposalKind.REPORT,
    leadUnit: 'BDV',
    owner: 'chuyenVienDanVan',
    status: ProposalStatus.DRAFTING,
    classification: Classification.INTERNAL,
    summary: 'Kết quả thực hiện Luật Thực hiện dân chủ ở cơ sở trong năm {year}; hạn chế và giải pháp.',
    body: [
      'BÁO CÁO KẾT QUẢ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ NĂM {year}',
      'I. KẾT QUẢ ĐẠT ĐƯỢC',
      'Các cấp ủy, chính quyền đã triển khai Luật Thực hiện dân chủ ở cơ sở nghiêm túc; việc công khai thông tin, lấy ý kiến Nhân dân về các chủ trương, dự án có liên quan trực tiếp đến người dân được thực hiện nền nếp; hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân được tổ chức thường xuyên hơn.',
      'II. HẠN CHẾ, NGUYÊN NHÂN',
      'Ở một số nơi việc công khai còn hình thức, chưa kịp thời; việc tiếp thu, phản hồi ý kiến của Nhân dân có lúc còn chậm. (Đang tổng hợp số liệu từ các đảng bộ trực thuộc.)',
      'III. NHIỆM VỤ, GIẢI PHÁP',
      'Tiếp tục nâng cao chất lượng đối thoại; gắn thực hiện dân chủ ở cơ sở với phong trào thi đua “Dân vận khéo”.',
    ].join('\n\n'),
    createdDaysAgo: 9,
    versions: [{ label: 'Dự thảo lần 1', author: 'chuyenVienDanVan', daysAgo: 2 }],
  },
  sinhHoatChiBo: {
    title: 'Đề án nâng cao chất lượng sinh hoạt chi bộ trong các tổ chức cơ sở đảng giai đoạn {year}–2030',
    kind: ProposalKind.PROPOSAL,
    leadUnit: 'BTC',
    owner: 'toChuc',
    status: ProposalStatus.IN_APPRAISAL,
    classification: Classification.INTERNAL,
    summary:
      'Mục tiêu 100% chi bộ sinh hoạt định kỳ hằng tháng, ít nhất 80% chi bộ sinh hoạt chuyên đề mỗi quý; thí điểm sổ tay đảng viên điện tử.',
    body: SINH_HOAT_CHI_BO_BODY,
    createdDaysAgo: 30,
    programme: { month: 'upcoming', status: ProgrammeItemStatus.IN_PREPARATION },
    versions: [
      {
        label: 'Dự thảo lần 1',
        author: 'toChuc',
        daysAgo: 18,
        replace: [
          ['dự kiến khoảng 4,5 tỷ đồng', 'dự kiến khoảng 5,2 tỷ đồng'],
          [
            'thí điểm sổ tay đảng viên điện tử tại 50 chi bộ thuộc các loại hình cơ quan, doanh nghiệp, nông thôn và vùng đồng bào dân tộc thiểu số; Văn phòng Tỉnh ủy bảo đảm kỹ thuật và bảo mật thông tin.',
            'thí điểm sổ tay đảng viên điện tử tại 50 chi bộ.',
          ],
        ],
      },
      {
        label: 'Dự thảo lần 2',
        author: 'phoBanToChuc',
        daysAgo: 7,
        replace: [
          [
            'thí điểm sổ tay đảng viên điện tử tại 50 chi bộ thuộc các loại hình cơ quan, doanh nghiệp, nông thôn và vùng đồng bào dân tộc thiểu số; Văn phòng Tỉnh ủy bảo đảm kỹ thuật và bảo mật thông tin.',
            'thí điểm sổ tay đảng viên điện tử tại 50 chi bộ.',
          ],
        ],
      },
    ],
    appraisal: {
      requestedBy: 'office',
      requestedDaysAgo: 6,
      dueInDays: 3,
      status: AppraisalStatus.OPEN,
      assignments: [
        { unit: 'UBKT', reviewer: 'kiemTra', verdict: Verdict.PENDING },
        {
          unit: 'BTG',
          reviewer: 'tuyenGiao',
          verdict: Verdict.AGREE,
          summary:
            'Ban Tuyên giáo Tỉnh ủy thống nhất với dự thảo Đề án; ý kiến về tiêu chí lựa chọn chi bộ thí điểm sổ tay đảng viên điện tử đã được cơ quan soạn thảo tiếp thu.',
          submittedAt: 0.8,
        },
        { unit: 'BDV', reviewer: 'chuyenVienDanVan', verdict: Verdict.PENDING },
      ],
      comments: [
        {
          key: 'chiTieu80',
          author: 'kiemTra',
          unit: 'UBKT',
          anchorQuote: 'ít nhất 80% chi bộ sinh hoạt chuyên đề mỗi quý một lần',
          body: 'Đề nghị làm rõ cơ sở xác định chỉ tiêu 80%. Theo báo cáo của các đảng bộ trực thuộc, tỷ lệ chi bộ sinh hoạt chuyên đề hằng quý hiện mới đạt khoảng 55%; nếu giữ chỉ tiêu này cần có lộ trình theo từng năm.',
          at: 0.3,
        },
        {
          key: 'chiTieu80Reply',
          author: 'toChuc',
          unit: 'BTC',
          replyTo: 'chiTieu80',
          body: 'Ban Tổ chức xin giải trình: số liệu 55% là của năm trước. Cơ quan soạn thảo sẽ bổ sung lộ trình (năm đầu đạt 65%, đến năm 2030 đạt 80%) tại Phụ lục 2.',
          at: 0.5,
        },
        {
          key: 'soTayDienTu',
          author: 'tuyenGiao',
          unit: 'BTG',
          anchorQuote: 'thí điểm sổ tay đảng viên điện tử tại 50 chi bộ',
          body: 'Đề nghị nêu rõ tiêu chí lựa chọn 50 chi bộ thí điểm (cơ quan, doanh nghiệp, nông thôn, vùng đồng bào dân tộc thiểu số) và đơn vị bảo đảm kỹ thuật, bảo mật thông tin.',
          resolvedBy: 'toChuc',
          at: 0.35,
        },
        {
          key: 'soTayDienTuReply',
          author: 'toChuc',
          unit: 'BTC',
          replyTo: 'soTayDienTu',
          body: 'Đã tiếp thu, bổ sung tiêu chí lựa chọn và giao Văn phòng Tỉnh ủy bảo đảm kỹ thuật tại mục III.3.',
          at: 0.6,
        },
        {
          key: 'chanChinh',
          author: 'kiemTra',
          unit: 'UBKT',
          anchorQuote: 'kịp thời chấn chỉnh những chi bộ sinh hoạt hình thức',
          body: 'Đề nghị bổ sung cơ chế xử lý trách nhiệm bí thư chi bộ khi chi bộ nhiều lần không sinh hoạt đúng định kỳ, gắn với đánh giá, xếp loại chất lượng cuối năm.',
          at: 0.7,
        },
        {
          key: 'kinhPhi',
          author: 'chuyenVienDanVan',
          unit: 'BDV',
          anchorQuote: 'dự kiến khoảng 4,5 tỷ đồng cho cả giai đoạn',
          body: 'Đề nghị thuyết minh chi tiết dự toán kinh phí theo từng năm và từng nội dung.',
          at: 0.85,
        },
      ],
    },
  },
  vanHoaConNguoi: {
    title:
      'Dự thảo Nghị quyết của Ban Thường vụ Tỉnh ủy về xây dựng, phát triển văn hóa, con người Nghệ An đáp ứng yêu cầu phát triển bền vững',
    kind: ProposalKind.RESOLUTION_DRAFT,
    leadUnit: 'BTG',
    owner: 'tuyenGiao',
    status: ProposalStatus.IN_APPRAISAL,
    classification: Classification.INTERNAL,
    summary:
      'Đến năm 2030, 100% xã, phường có thiết chế văn hóa đạt chuẩn; bảo tồn, phát huy Dân ca Ví, Giặm Nghệ Tĩnh và Khu di tích Kim Liên.',
    body: VAN_HOA_BODY,
    createdDaysAgo: 35,
    versions: [
      {
        label: 'Dự thảo lần 1',
        author: 'chuyenVienTuyenGiao',
        daysAgo: 21,
        replace: [
          [
            'Đẩy mạnh xã hội hóa các hoạt động văn hóa, thực hiện công khai, minh bạch, có sự giám sát của Nhân dân;',
            'Đẩy mạnh xã hội hóa các hoạt động văn hóa;',
          ],
          ['sơ kết sau 3 năm, tổng kết sau 5 năm.', 'định kỳ báo cáo Ban Thường vụ Tỉnh ủy.'],
        ],
      },
      {
        label: 'Dự thảo lần 2',
        author: 'tuyenGiao',
        daysAgo: 13,
        replace: [
          [
            'Đẩy mạnh xã hội hóa các hoạt động văn hóa, thực hiện công khai, minh bạch, có sự giám sát của Nhân dân;',
            'Đẩy mạnh xã hội hóa các hoạt động văn hóa;',
          ],
        ],
      },
    ],
    appraisal: {
      requestedBy: 'phoChanhVanPhong2',
      requestedDaysAgo: 12,
      dueInDays: -2,
      status: AppraisalStatus.OPEN,
      assignments: [
        {
          unit: 'BNC',
          reviewer: 'phoBanNoiChinh',
          verdict: Verdict.AGREE_WITH_CHANGES,
          summary:
            'Ban Nội chính Tỉnh ủy cơ bản thống nhất với dự thảo Nghị quyết; đề nghị bổ sung nội dung phòng ngừa lợi dụng hoạt động lễ hội, tín ngưỡng để trục lợi và cơ chế giám sát các dự án xã hội hóa (chi tiết tại các ý kiến góp ý).',
          submittedAt: 0.55,
        },
        { unit: 'UBKT', reviewer: 'kiemTra', verdict: Verdict.PENDING },
        { unit: 'BTC', reviewer: 'phoBanToChuc', verdict: Verdict.PENDING },
      ],
      comments: [
        {
          key: 'leHoi',
          author: 'phoBanNoiChinh',
          unit: 'BNC',
          anchorQuote: 'xử lý nghiêm các vi phạm trong hoạt động lễ hội',
          body: 'Đề nghị bổ sung nội dung phòng ngừa việc lợi dụng hoạt động lễ hội, tín ngưỡng để trục lợi, tuyên truyền mê tín dị đoan; nêu rõ trách nhiệm của chính quyền cấp xã.',
          at: 0.4,
        },
        {
          key: 'xaHoiHoa',
          author: 'phoBanNoiChinh',
          unit: 'BNC',
          anchorQuote: 'Đẩy mạnh xã hội hóa các hoạt động văn hóa',
          body: 'Cần quy định rõ cơ chế giám sát đối với các dự án xã hội hóa, tránh thương mại hóa di tích, thất thoát tài sản công.',
          resolvedBy: 'tuyenGiao',
          at: 0.45,
        },
        {
          key: 'xaHoiHoaReply',
          author: 'tuyenGiao',
          unit: 'BTG',
          replyTo: 'xaHoiHoa',
          body: 'Ban Tuyên giáo tiếp thu; đã bổ sung vào giải pháp 3: “thực hiện công khai, minh bạch, có sự giám sát của Nhân dân”.',
          at: 0.6,
        },
        {
          key: 'giaDinhVanHoa',
          author: 'kiemTra',
          unit: 'UBKT',
          anchorQuote: '95% gia đình đạt danh hiệu “Gia đình văn hóa”',
          body: 'Chỉ tiêu cao so với kết quả bình quân 3 năm gần đây (khoảng 87%); đề nghị rà soát, cân nhắc tính khả thi.',
          at: 0.7,
        },
        {
          key: 'giaDinhVanHoaReply',
          author: 'tuyenGiao',
          unit: 'BTG',
          replyTo: 'giaDinhVanHoa',
          body: 'Xin giải trình: chỉ tiêu bám sát Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX. Ban Tuyên giáo sẽ bổ sung số liệu các năm để Ban Thường vụ xem xét.',
          at: 0.8,
        },
        {
          key: 'heGiaTri',
          author: 'phoBanToChuc',
          unit: 'BTC',
          anchorQuote: 'Xây dựng hệ giá trị con người Nghệ An thời kỳ mới',
          body: 'Đề nghị nêu cụ thể hệ giá trị (yêu nước, hiếu học, nghĩa tình, sáng tạo, trách nhiệm…) để các cấp ủy dễ cụ thể hóa.',
          at: 0.9,
        },
      ],
    },
  },
  kiemTraNeuGuong: {
    title:
      'Báo cáo kết quả kiểm tra việc thực hiện trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là Ủy viên Ban Chấp hành Đảng bộ tỉnh',
    kind: ProposalKind.REPORT,
    leadUnit: 'UBKT',
    owner: 'phoChuNhiemUbkt',
    status: ProposalStatus.APPRAISED,
    classification: Classification.RESTRICTED,
    summary:
      'Kết quả kiểm tra tại 08 tổ chức đảng và 16 đảng viên; 02 trường hợp phải kiểm điểm rút kinh nghiệm; kiến nghị tăng cường giám sát thường xuyên.',
    body: paper(
      ProposalKind.REPORT,
      'UBKT',
      'Báo cáo kết quả kiểm tra việc thực hiện trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là Ủy viên Ban Chấp hành Đảng bộ tỉnh',
      [
        'Thực hiện Chương trình kiểm tra, giám sát năm {year}, Ủy ban Kiểm tra Tỉnh ủy đã kiểm tra 08 tổ chức đảng và 16 đảng viên. Nhìn chung, cán bộ, đảng viên được kiểm tra gương mẫu thực hiện chức trách, nhiệm vụ; thực hiện nghiêm việc kê khai tài sản, thu nhập và những điều đảng viên không được làm.',
        'Qua kiểm tra, 02 đảng viên phải kiểm điểm, rút kinh nghiệm do chưa gương mẫu trong việc chấp hành quy định về tổ chức cưới hỏi và sử dụng xe công. Việc tự giám sát của một số chi bộ đối với đảng viên giữ chức vụ lãnh đạo còn hạn chế.',
        'Tăng cường giám sát thường xuyên việc thực hiện trách nhiệm nêu gương; chỉ đạo các tổ chức đảng có liên quan kiểm điểm, khắc phục hạn chế, báo cáo kết quả trong 30 ngày.',
      ],
    ),
    createdDaysAgo: 40,
    versions: [
      {
        label: 'Dự thảo lần 1',
        author: 'kiemTra',
        daysAgo: 30,
        replace: [['trong 30 ngày.', 'theo quy định.']],
      },
      { label: 'Dự thảo lần 2', author: 'phoChuNhiemUbkt', daysAgo: 20 },
      { label: 'Bản hoàn thiện sau thẩm định', author: 'phoChuNhiemUbkt', daysAgo: 4 },
    ],
    appraisal: {
      requestedBy: 'office',
      requestedDaysAgo: 18,
      dueInDays: -8,
      status: AppraisalStatus.CLOSED,
      assignments: [
        { unit: 'BTC', reviewer: 'phoBanToChuc', verdict: Verdict.AGREE, submittedAt: 0.4 },
        {
          unit: 'BNC',
          reviewer: 'phoBanNoiChinh',
          verdict: Verdict.AGREE_WITH_CHANGES,
          summary: 'Thống nhất; đề nghị nêu rõ thời hạn khắc phục đối với các tổ chức đảng có liên quan.',
          submittedAt: 0.45,
        },
      ],
      comments: [
        {
          key: 'thoiHan',
          author: 'phoBanNoiChinh',
          unit: 'BNC',
          anchorQuote: 'báo cáo kết quả trong 30 ngày',
          body: 'Đề nghị nêu rõ thời hạn khắc phục, báo cáo kết quả.',
          resolvedBy: 'phoChuNhiemUbkt',
          at: 0.45,
        },
      ],
    },
  },
  quyChePhoiHop: {
    title:
      'Tờ trình về việc ban hành Quy chế phối hợp giữa Ban Nội chính Tỉnh ủy với các cơ quan tư pháp, thanh tra tỉnh trong công tác phòng, chống tham nhũng, tiêu cực',
    kind: ProposalKind.PROPOSAL,
    leadUnit: 'BNC',
    owner: 'chuyenVienNoiChinh',
    status: ProposalStatus.SUBMITTED,
    classification: Classification.INTERNAL,
    referenceNumber: '31-TTr/BNCTU',
    submittedDaysAgo: 4,
    createdDaysAgo: 45,
    summary:
      'Quy chế phối hợp trao đổi thông tin, theo dõi, đôn đốc xử lý vụ việc, vụ án tham nhũng, tiêu cực giữa Ban Nội chính và các cơ quan tư pháp, thanh tra.',
    body: paper(
      ProposalKind.PROPOSAL,
      'BNC',
      'Tờ trình về việc ban hành Quy chế phối hợp giữa Ban Nội chính Tỉnh ủy với các cơ quan tư pháp, thanh tra tỉnh trong công tác phòng, chống tham nhũng, tiêu cực',
      [
        'Quy chế phối hợp hiện hành được ban hành trước khi sắp xếp tổ chức bộ máy, nhiều nội dung không còn phù hợp; việc trao đổi thông tin về các vụ việc, vụ án có lúc chưa kịp thời, ảnh hưởng đến việc tham mưu của Ban Nội chính Tỉnh ủy cho Ban Thường vụ Tỉnh ủy.',
        'Quy chế quy định nguyên tắc, nội dung, phương thức phối hợp: trao đổi thông tin định kỳ hằng tháng; phối hợp theo dõi, đôn đốc các vụ việc, vụ án thuộc diện Ban Thường vụ Tỉnh ủy chỉ đạo; phối hợp trong kiểm tra, giám sát và giải quyết kiến nghị.',
        'Ban Nội chính Tỉnh ủy chủ trì, phối hợp với Công an tỉnh, Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh, Thanh tra tỉnh tổ chức thực hiện; hằng năm đánh giá kết quả phối hợp.',
      ],
    ),
    versions: [
      { label: 'Dự thảo lần 1', author: 'chuyenVienNoiChinh', daysAgo: 30 },
      { label: 'Bản trình Ban Thường vụ', author: 'phoBanNoiChinh', daysAgo: 4 },
    ],
    appraisal: {
      requestedBy: 'office',
      requestedDaysAgo: 25,
      dueInDays: -15,
      status: AppraisalStatus.CLOSED,
      assignments: [
        { unit: 'UBKT', reviewer: 'kiemTra', verdict: Verdict.AGREE, submittedAt: 0.3 },
        { unit: 'VPTU', reviewer: 'office', verdict: Verdict.AGREE, submittedAt: 0.35 },
      ],
      comments: [],
    },
  },
  baoCaoNhiemVuChinhTri: {
    title:
      'Báo cáo tình hình thực hiện nhiệm vụ chính trị từ đầu năm {year} đến nay; nhiệm vụ trọng tâm thời gian tới',
    kind: ProposalKind.REPORT,
    leadUnit: 'VPTU',
    owner: 'phoChanhVanPhong1',
    status: ProposalStatus.SCHEDULED,
    classification: Classification.INTERNAL,
    referenceNumber: '58-BC/TU',
    submittedDaysAgo: 6,
    createdDaysAgo: 28,
    meeting: 'bchPlenary',
    summary:
      'Báo cáo của Ban Thường vụ trình Hội nghị Ban Chấp hành Đảng bộ tỉnh: kết quả kinh tế - xã hội, quốc phòng - an ninh, xây dựng Đảng; nhiệm vụ trọng tâm thời gian tới.',
    body: paper(
      ProposalKind.REPORT,
      'VPTU',
      'Báo cáo tình hình thực hiện nhiệm vụ chính trị từ đầu năm {year} đến nay; nhiệm vụ trọng tâm thời gian tới',
      [
        'Từ đầu năm {year}, dưới sự lãnh đạo của Ban Chấp hành, Ban Thường vụ Tỉnh ủy, tình hình kinh tế - xã hội của tỉnh tiếp tục phát triển; thu ngân sách, thu hút đầu tư đạt khá; an sinh xã hội được bảo đảm; quốc phòng, an ninh được giữ vững. Công tác xây dựng Đảng và hệ thống chính trị được quan tâm; Ban Thường vụ Tỉnh ủy đã thông qua 19/21 đề án trong Chương trình công tác năm.',
        'Một số chỉ tiêu còn đạt thấp; giải ngân vốn đầu tư công chưa đạt yêu cầu; thiên tai gây thiệt hại tại một số xã miền Tây; 02 đề án trong Chương trình công tác chưa hoàn thành theo kế hoạch.',
        'Tập trung hoàn thành các chỉ tiêu năm {year}; đẩy nhanh giải ngân vốn đầu tư công; khắc phục hậu quả thiên tai, ổn định đời sống Nhân dân; hoàn thành các đề án còn lại trong Chương trình công tác; chuẩn bị Chương trình công tác năm {nextYear}.',
      ],
    ),
    versions: [
      { label: 'Dự thảo lần 1', author: 'office', daysAgo: 20 },
      { label: 'Dự thảo lần 2', author: 'phoChanhVanPhong1', daysAgo: 12 },
      { label: 'Bản trình Hội nghị Ban Chấp hành', author: 'chanhVanPhong', daysAgo: 6 },
    ],
  },
  sapXepBoMay: {
    title: 'Đề án sắp xếp, tinh gọn tổ chức bộ máy các cơ quan tham mưu, giúp việc của Tỉnh ủy',
    kind: ProposalKind.PROPOSAL,
    leadUnit: 'BTC',
    owner: 'phoBanToChuc',
    status: ProposalStatus.RETURNED,
    classification: Classification.INTERNAL,
    referenceNumber: '47-TTr/BTCTU',
    relativeToMeeting: true,
    createdDaysAgo: 40,
    submittedDaysAgo: 7,
    meeting: 'btvRegular',
    programme: { month: 'meeting', status: ProgrammeItemStatus.POSTPONED },
    summary:
      'Phương án sắp xếp các phòng chuyên môn thuộc các ban của Tỉnh ủy theo hướng tinh gọn; giảm 06 đầu mối cấp phòng.',
    returnReason:
      'Tại Hội nghị ngày {btvRegularDate}, Ban Thường vụ Tỉnh ủy chưa thông qua Đề án. Đề nghị Ban Tổ chức Tỉnh ủy: (1) bổ sung đánh giá tác động đối với đội ngũ cán bộ, công chức sau sắp xếp; (2) làm rõ phương án bố trí trụ sở, tài sản; (3) xin ý kiến Ban Tổ chức Trung ương về mô hình tổ chức trước khi trình lại.',
    body: paper(
      ProposalKind.PROPOSAL,
      'BTC',
      'Đề án sắp xếp, tinh gọn tổ chức bộ máy các cơ quan tham mưu, giúp việc của Tỉnh ủy',
      [
        'Thực hiện chủ trương của Trung ương về tiếp tục sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả, việc rà soát chức năng, nhiệm vụ của các phòng chuyên môn thuộc các ban của Tỉnh ủy cho thấy còn chồng chéo ở một số lĩnh vực.',
        'Đề án đề xuất giảm 06 đầu mối cấp phòng; hợp nhất một số phòng có chức năng tương đồng; xây dựng vị trí việc làm gắn với khung năng lực; lộ trình thực hiện trong 12 tháng.',
        'Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy và các ban của Tỉnh ủy tổ chức thực hiện; giải quyết chế độ, chính sách cho cán bộ dôi dư theo quy định.',
      ],
    ),
    versions: [
      { label: 'Dự thảo lần 1', author: 'toChuc', daysAgo: 30 },
      { label: 'Dự thảo lần 2', author: 'phoBanToChuc', daysAgo: 18 },
      { label: 'Bản trình Ban Thường vụ', author: 'truongBanToChuc', daysAgo: 7 },
    ],
    appraisal: {
      requestedBy: 'office',
      requestedDaysAgo: 25,
      dueInDays: -15,
      status: AppraisalStatus.CLOSED,
      assignments: [
        { unit: 'UBKT', reviewer: 'phoChuNhiemUbkt', verdict: Verdict.AGREE, submittedAt: 0.2 },
        {
          unit: 'VPTU',
          reviewer: 'phoChanhVanPhong1',
          verdict: Verdict.AGREE_WITH_CHANGES,
          summary: 'Đề nghị bổ sung phương án bố trí trụ sở làm việc và tài sản sau sắp xếp.',
          submittedAt: 0.25,
        },
      ],
      comments: [],
    },
  },
} satisfies Record<string, ProposalSpec>;

export const PROPOSALS = { ...ADOPTED, ...UNDER_WAY };
export type ProposalKey = keyof typeof PROPOSALS;

// ---------------------------------------------------------------------------------------------------------------
// Meetings and agendas

export type MeetingKey =
  | 'bchPlenary'
  | 'briefing1'
  | 'briefing2'
  | 'briefing3'
  | 'briefingNext'
  | 'btvRegular'
  | 'btvExtraordinary'
  | 'btvRestricted'
  | 'btvDraft'
  | 'btvCancelled';

export interface VoteSpec {
  /** Absent: everyone present who did not vote against or abstain. */
  votesFor?: number;
  votesAgainst?: number;
  abstentions?: number;
  outcome: VoteOutcome;
}

export interface AgendaSpec {
  /** For tasks that cite it. */
  key?: string;
  title: string;
  description?: string;
  durationMinutes?: number;
  /** `chair`: whoever chairs the meeting. */
  presenterUser?: UserKey | 'chair';
  presenterUnit?: UnitKey;
  proposal?: ProposalKey;
  /** Recorded when the meeting is closed. */
  conclusion?: string;
  vote?: VoteSpec;
  deferred?: boolean;
  children?: AgendaSpec[];
}

export interface MeetingSpec {
  title: string;
  kind: MeetingKind;
  committee: UnitKey;
  location: string;
  classification: Classification;
  chair: UserKey;
  secretary: UserKey;
  /** Participants with the MEMBER role (the chair is added as CHAIR). */
  members: readonly UserKey[];
  invitees: readonly UserKey[];
  extraSecretaries?: readonly UserKey[];
  /** Attendance other than PRESENT, for closed meetings. */
  attendance?: Partial<Record<UserKey, Attendance>>;
  agenda: AgendaSpec[];
}

const membersOf = (unitKey: UnitKey): readonly UserKey[] =>
  (Object.keys(USER_SPECS) as UserKey[]).filter((key) =>
    USER_SPECS[key].memberships.some(([unit]) => unit === unitKey),
  );
const STANDING_BOARD = membersOf('BTV');
const EXECUTIVE_COMMITTEE = membersOf('BCH');
const STANDING_MEMBERS = membersOf('TT');

const MAIN_HALL = 'Hội trường lớn, Trụ sở Tỉnh ủy';
const ROOM_1 = 'Phòng họp số 1, Trụ sở Tỉnh ủy';
const ROOM_2 = 'Phòng họp số 2, Trụ sở Tỉnh ủy';
const ROOM_STANDING = 'Phòng họp Thường trực, Trụ sở Tỉnh ủy';

const without = (list: readonly UserKey[], ...excluded: UserKey[]) =>
  list.filter((key) => !excluded.includes(key));

/** The monthly briefing of the standing members with the departments (same agenda every month). */
function briefingAgenda(conclusion?: {
  report: string;
  departments: [string, string, string];
  front: string;
  security: string;
  final: string;
}): AgendaSpec[] {
  return [
    {
      key: 'baoCao',
      title:
        'Văn phòng Tỉnh ủy báo cáo kết quả thực hiện chương trình công tác tháng {month}/{monthYear}; dự kiến chương trình công tác tháng {followingMonth}/{followingMonthYear}',
      durationMinutes: 20,
      presenterUser: 'chanhVanPhong',
      ...(conclusion ? { conclusion: conclusion.report } : {}),
    },
    {
      title: 'Ý kiến của các ban xây dựng Đảng',
      durationMinutes: 40,
      children: [
        {
          title: 'Ban Tổ chức Tỉnh ủy: tiến độ công tác tổ chức, cán bộ',
          durationMinutes: 10,
          presenterUnit: 'BTC',
          ...(conclusion ? { conclusion: conclusion.departments[0] } : {}),
        },
        {
          title: 'Ủy ban Kiểm tra Tỉnh ủy: kết quả kiểm tra, giám sát và giải quyết đơn thư',
          durationMinutes: 10,
          presenterUnit: 'UBKT',
          ...(conclusion ? { conclusion: conclusion.departments[1] } : {}),
        },
        {
          title: 'Ban Tuyên giáo Tỉnh ủy: tình hình tư tưởng, dư luận xã hội',
          durationMinutes: 10,
          presenterUnit: 'BTG',
          ...(conclusion ? { conclusion: conclusion.departments[2] } : {}),
        },
      ],
    },
    {
      title: 'Ý kiến của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
      durationMinutes: 10,
      presenterUser: 'chuTichMttq',
      ...(conclusion ? { conclusion: conclusion.front } : {}),
    },
    {
      title: 'Tình hình an ninh chính trị, trật tự an toàn xã hội; các vụ việc, vụ án được dư luận quan tâm',
      durationMinutes: 15,
      presenterUnit: 'BNC',
      ...(conclusion ? { conclusion: conclusion.security } : {}),
    },
    {
      key: 'ketLuan',
      title: 'Kết luận của Thường trực Tỉnh ủy',
      durationMinutes: 20,
      presenterUser: 'chair',
      ...(conclusion ? { conclusion: conclusion.final } : {}),
    },
  ];
}

function briefing(
  chair: UserKey,
  attendance: Partial<Record<UserKey, Attendance>>,
  agenda: AgendaSpec[],
): MeetingSpec {
  return {
    title: 'Giao ban Thường trực Tỉnh ủy tháng {month}/{monthYear}',
    kind: MeetingKind.BRIEFING,
    committee: 'TT',
    location: ROOM_STANDING,
    classification: Classification.INTERNAL,
    chair,
    secretary: 'office',
    members: without(STANDING_MEMBERS, chair),
    invitees: [
      'chanhVanPhong',
      'truongBanToChuc',
      'truongBanTuyenGiao',
      'chuNhiemUbkt',
      'truongBanDanVan',
      'truongBanNoiChinh',
      'chuTichMttq',
    ],
    attendance,
    agenda,
  };
}

export const MEETINGS: Record<MeetingKey, MeetingSpec> = {
  bchPlenary: {
    title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ {plenaryNumber}',
    kind: MeetingKind.REGULAR,
    committee: 'BCH',
    location: MAIN_HALL,
    classification: Classification.INTERNAL,
    chair: 'biThu',
    secretary: 'phoChanhVanPhong1',
    members: without(EXECUTIVE_COMMITTEE, 'biThu'),
    invitees: ['phoBanToChuc', 'tuyenGiao', 'phoChuNhiemUbkt', 'phoBanDanVan', 'phoBanNoiChinh'],
    extraSecretaries: ['office'],
    agenda: [
      {
        title: 'Khai mạc hội nghị; thông qua chương trình hội nghị',
        durationMinutes: 15,
        presenterUser: 'biThu',
      },
      {
        title: 'Thảo luận các báo cáo trình hội nghị',
        children: [
          {
            title:
              'Báo cáo tình hình thực hiện nhiệm vụ chính trị từ đầu năm {year} đến nay; nhiệm vụ trọng tâm thời gian tới',
            description: 'Đồng chí Phó Bí thư Thường trực Tỉnh ủy trình bày, thay mặt Ban Thường vụ Tỉnh ủy.',
            durationMinutes: 40,
            presenterUser: 'phoBiThuTT',
            proposal: 'baoCaoNhiemVuChinhTri',
          },
          {
            title: 'Báo cáo công tác kiểm tra, giám sát và thi hành kỷ luật đảng',
            durationMinutes: 25,
            presenterUnit: 'UBKT',
            presenterUser: 'chuNhiemUbkt',
          },
          {
            title: 'Thảo luận tổ',
            description: 'Chia 04 tổ thảo luận tại các phòng họp số 1, 2, 3 và Phòng họp Thường trực.',
            durationMinutes: 90,
          },
        ],
      },
      {
        title: 'Báo cáo công tác cán bộ',
        description: 'Tài liệu mật, phát và thu lại tại hội nghị.',
        durationMinutes: 30,
        presenterUnit: 'BTC',
        presenterUser: 'truongBanToChuc',
      },
      {
        title: 'Thông báo kết quả các hội nghị Ban Thường vụ Tỉnh ủy giữa hai kỳ hội nghị Ban Chấp hành',
        durationMinutes: 20,
        presenterUser: 'chanhVanPhong',
      },
      { title: 'Thảo luận tại hội trường', durationMinutes: 60 },
      { title: 'Phát biểu kết luận và bế mạc hội nghị', durationMinutes: 20, presenterUser: 'biThu' },
    ],
  },

  briefing1: briefing(
    'biThu',
    { truongBanNoiChinh: Attendance.EXCUSED },
    briefingAgenda({
      report: 'Thường trực Tỉnh ủy cơ bản thống nhất với báo cáo và dự kiến chương trình công tác tháng tới.',
      departments: [
        'Ghi nhận; đề nghị Ban Tổ chức đẩy nhanh tiến độ các đề án về tổ chức cơ sở đảng.',
        'Ghi nhận kết quả kiểm tra, giám sát trong tháng.',
        'Ghi nhận; tiếp tục theo dõi sát dư luận xã hội.',
      ],
      front: 'Ghi nhận ý kiến của Ủy ban MTTQ tỉnh về công tác vận động, giám sát.',
      security: 'Tình hình an ninh chính trị ổn định; yêu cầu theo dõi chặt chẽ địa bàn biên giới.',
      final:
        'Thường trực Tỉnh ủy yêu cầu: (1) Văn phòng Tỉnh ủy đôn đốc các cơ quan hoàn thành các đề án chậm tiến độ trong Chương trình công tác năm; (2) chuẩn bị nội dung giao ban quý với các ban xây dựng Đảng, Mặt trận Tổ quốc và các đoàn thể; (3) chuẩn bị đoàn công tác khảo sát mô hình chuyển đổi số trong cơ quan Đảng tại tỉnh bạn.',
    }),
  ),
  briefing2: briefing(
    'phoBiThuTT',
    { truongBanNoiChinh: Attendance.ABSENT, chuTichHdnd: Attendance.EXCUSED },
    briefingAgenda({
      report:
        'Thống nhất với báo cáo; bổ sung vào chương trình tháng tới nội dung chuẩn bị Hội nghị Ban Chấp hành.',
      departments: [
        'Đề nghị Ban Tổ chức hướng dẫn kiện toàn tổ chức bộ máy các đảng bộ trực thuộc.',
        'Yêu cầu giải quyết dứt điểm các đơn thư tồn đọng kéo dài.',
        'Đề nghị nắm bắt kịp thời dư luận về việc sắp xếp tổ chức bộ máy.',
      ],
      front: 'Ghi nhận; đề nghị Mặt trận phối hợp tổ chức hội nghị đối thoại ở một số xã.',
      security: 'Ghi nhận; chỉ đạo xử lý dứt điểm vụ việc khiếu kiện đông người tại một số xã.',
      final:
        'Thường trực Tỉnh ủy yêu cầu: (1) Ban Tuyên giáo Tỉnh ủy nắm bắt, báo cáo tình hình dư luận về việc sắp xếp tổ chức bộ máy; (2) Ủy ban Kiểm tra Tỉnh ủy giải quyết dứt điểm các đơn thư tồn đọng kéo dài; (3) Ban Tổ chức Tỉnh ủy hướng dẫn kiện toàn tổ chức bộ máy các đảng bộ trực thuộc.',
    }),
  ),
  briefing3: briefing(
    'biThu',
    { truongBanDanVan: Attendance.EXCUSED },
    briefingAgenda({
      report: 'Thống nhất với báo cáo và dự kiến chương trình công tác tháng tới.',
      departments: [
        'Ghi nhận tiến độ chuẩn bị nội dung công tác cán bộ trình Hội nghị Ban Chấp hành.',
        'Đề nghị kiểm tra việc thực hiện kết luận giao ban tại cơ sở.',
        'Ghi nhận; tiếp tục định hướng thông tin về khắc phục hậu quả thiên tai.',
      ],
      front: 'Ghi nhận kết quả vận động ủng hộ Nhân dân vùng bị thiệt hại.',
      security: 'Ghi nhận; yêu cầu bảo đảm an ninh, trật tự phục vụ Hội nghị Ban Chấp hành.',
      final:
        'Thường trực Tỉnh ủy yêu cầu: (1) Văn phòng Tỉnh ủy chủ trì chuẩn bị nội dung, tài liệu phục vụ Hội nghị Ban Chấp hành Đảng bộ tỉnh; (2) hoàn thiện Báo cáo tình hình thực hiện nhiệm vụ chính trị trình hội nghị; (3) Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc thực hiện kết luận giao ban tại cơ sở.',
    }),
  ),
  briefingNext: briefing('biThu', {}, briefingAgenda()),

  btvRegular: {
    title: 'Hội nghị Ban Thường vụ Tỉnh ủy tháng {month}/{monthYear}',
    kind: MeetingKind.REGULAR,
    committee: 'BTV',
    location: ROOM_1,
    classification: Classification.INTERNAL,
    chair: 'biThu',
    secretary: 'phoChanhVanPhong1',
    members: without(STANDING_BOARD, 'biThu'),
    invitees: ['phoBanToChuc', 'tuyenGiao', 'phoBanDanVan'],
    extraSecretaries: ['office'],
    attendance: { chiHuyTruong: Attendance.EXCUSED },
    agenda: [
      {
        title: 'Thông qua chương trình hội nghị',
        durationMinutes: 10,
        presenterUser: 'chanhVanPhong',
        conclusion: 'Ban Thường vụ Tỉnh ủy thống nhất chương trình hội nghị gồm 05 nội dung.',
      },
      {
        title: 'Cho ý kiến các đề án trong Chương trình công tác năm',
        children: [
          {
            key: 'canBoTre',
            title:
              'Đề án phát triển đội ngũ cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số giai đoạn {year}–2030',
            durationMinutes: 45,
            presenterUnit: 'BTC',
            presenterUser: 'truongBanToChuc',
            proposal: 'canBoTreNuDanToc',
            conclusion:
              'Ban Thường vụ Tỉnh ủy thông qua Đề án. Giao Ban Tổ chức Tỉnh ủy tiếp thu ý kiến tại hội nghị, hoàn thiện, trình ban hành trong 10 ngày; chủ trì xây dựng kế hoạch triển khai thực hiện.',
            vote: { votesAgainst: 0, abstentions: 1, outcome: VoteOutcome.ADOPTED },
          },
          {
            key: 'danToc',
            title: 'Đề án tăng cường công tác dân tộc, tôn giáo trên địa bàn khu vực miền Tây Nghệ An',
            durationMinutes: 40,
            presenterUnit: 'BDV',
            presenterUser: 'truongBanDanVan',
            proposal: 'danTocTonGiao',
            conclusion:
              'Thông qua Đề án. Giao Ban Dân vận Tỉnh ủy hướng dẫn các đảng bộ trực thuộc xây dựng kế hoạch thực hiện; lưu ý vai trò của người có uy tín trong đồng bào.',
            vote: { outcome: VoteOutcome.ADOPTED },
          },
          {
            key: 'tuTuong',
            title:
              'Báo cáo tình hình tư tưởng trong cán bộ, đảng viên và Nhân dân; công tác định hướng thông tin, dư luận xã hội',
            durationMinutes: 30,
            presenterUnit: 'BTG',
            presenterUser: 'tuyenGiao',
            proposal: 'tinhHinhTuTuong',
            conclusion:
              'Thống nhất với báo cáo. Giao Ban Tuyên giáo Tỉnh ủy xây dựng kế hoạch định hướng thông tin, chủ động phản bác thông tin sai trái trên không gian mạng; tổ chức quán triệt trong đội ngũ báo cáo viên.',
            vote: { outcome: VoteOutcome.ADOPTED },
          },
          {
            key: 'boMay',
            title: 'Đề án sắp xếp, tinh gọn tổ chức bộ máy các cơ quan tham mưu, giúp việc của Tỉnh ủy',
            durationMinutes: 45,
            presenterUnit: 'BTC',
            presenterUser: 'phoBanToChuc',
            proposal: 'sapXepBoMay',
            deferred: true,
            conclusion:
              'Chưa thông qua. Giao Ban Tổ chức Tỉnh ủy tiếp thu ý kiến, bổ sung đánh giá tác động, phương án bố trí trụ sở, tài sản; xin ý kiến Ban Tổ chức Trung ương trước khi trình lại Ban Thường vụ.',
            vote: { votesFor: 4, votesAgainst: 7, outcome: VoteOutcome.DEFERRED },
          },
        ],
      },
      {
        key: 'nhiemVuThang',
        title: 'Báo cáo kết quả thực hiện nhiệm vụ tháng; nhiệm vụ trọng tâm tháng tới',
        durationMinutes: 20,
        presenterUnit: 'VPTU',
        presenterUser: 'phoChanhVanPhong1',
        conclusion:
          'Cơ bản thống nhất với báo cáo. Giao Văn phòng Tỉnh ủy tổng hợp, theo dõi, đôn đốc các cơ quan hoàn thành các nhiệm vụ trọng tâm tháng tới; rà soát các đề án chậm tiến độ trong Chương trình công tác năm, đề xuất điều chỉnh.',
      },
      {
        key: 'canBo',
        title: 'Cho ý kiến về công tác cán bộ',
        description: 'Tài liệu mật, phát tại hội nghị.',
        durationMinutes: 30,
        presenterUnit: 'BTC',
        presenterUser: 'truongBanToChuc',
        conclusion:
          'Ban Thường vụ Tỉnh ủy biểu quyết thống nhất chủ trương bổ nhiệm lại 02 đồng chí và điều động 01 đồng chí theo đề xuất của Ban Tổ chức Tỉnh ủy. Giao Ban Tổ chức Tỉnh ủy hoàn tất quy trình theo quy định.',
        vote: { outcome: VoteOutcome.ADOPTED },
      },
      {
        key: 'ketLuan',
        title: 'Kết luận hội nghị',
        durationMinutes: 15,
        presenterUser: 'biThu',
        conclusion:
          'Đồng chí Bí thư Tỉnh ủy kết luận: yêu cầu các cơ quan chủ trì đề án khẩn trương hoàn thiện theo ý kiến của Ban Thường vụ; Văn phòng Tỉnh ủy ban hành thông báo kết luận hội nghị, theo dõi, đôn đốc việc thực hiện.',
      },
    ],
  },

  btvExtraordinary: {
    title:
      'Hội nghị Ban Thường vụ Tỉnh ủy (bất thường) về công tác khắc phục hậu quả thiên tai tại các xã miền Tây',
    kind: MeetingKind.EXTRAORDINARY,
    committee: 'BTV',
    location: ROOM_1,
    classification: Classification.INTERNAL,
    chair: 'phoBiThuTT',
    secretary: 'phoChanhVanPhong2',
    members: without(STANDING_BOARD, 'phoBiThuTT'),
    invitees: ['phoBanNoiChinh'],
    attendance: { biThu: Attendance.EXCUSED, truongBanTuyenGiao: Attendance.EXCUSED },
    agenda: [
      {
        title:
          'Báo cáo nhanh tình hình thiệt hại do mưa lớn, lũ quét, sạt lở đất tại các xã khu vực miền Tây',
        durationMinutes: 20,
        presenterUser: 'chuTichUbnd',
        conclusion:
          'Ban Thường vụ Tỉnh ủy ghi nhận báo cáo; thiệt hại chủ yếu về nhà ở, giao thông và sản xuất nông nghiệp tại 12 xã.',
      },
      {
        title: 'Ý kiến của Bộ Chỉ huy Quân sự tỉnh và Công an tỉnh về lực lượng, phương tiện ứng cứu',
        durationMinutes: 15,
        presenterUser: 'chiHuyTruong',
        conclusion:
          'Thống nhất huy động lực lượng vũ trang tại chỗ hỗ trợ Nhân dân di dời, khắc phục hậu quả.',
      },
      {
        title: 'Chủ trương hỗ trợ khắc phục hậu quả thiên tai',
        children: [
          {
            key: 'hoTroKhanCap',
            title: 'Hỗ trợ khẩn cấp từ nguồn dự phòng ngân sách tỉnh cho các hộ có nhà bị sập, trôi',
            durationMinutes: 20,
            presenterUser: 'phoChuTichUbnd',
            conclusion:
              'Thống nhất chủ trương hỗ trợ khẩn cấp; giao Đảng ủy Ủy ban nhân dân tỉnh chỉ đạo thực hiện ngay, bảo đảm đúng đối tượng, công khai, minh bạch.',
            vote: { outcome: VoteOutcome.ADOPTED },
          },
          {
            key: 'ungHo',
            title: 'Phát động phong trào ủng hộ Nhân dân vùng bị thiệt hại',
            durationMinutes: 15,
            presenterUnit: 'BDV',
            presenterUser: 'truongBanDanVan',
            conclusion:
              'Giao Ban Dân vận Tỉnh ủy phối hợp với Ủy ban MTTQ tỉnh phát động ủng hộ trong toàn tỉnh.',
            vote: { outcome: VoteOutcome.ADOPTED },
          },
        ],
      },
      {
        title: 'Phân công Ủy viên Ban Thường vụ trực tiếp xuống địa bàn chỉ đạo',
        durationMinutes: 10,
        presenterUser: 'chanhVanPhong',
        conclusion: 'Phân công 05 đồng chí Ủy viên Ban Thường vụ trực tiếp xuống các xã bị thiệt hại nặng.',
      },
      {
        key: 'ketLuan',
        title: 'Kết luận hội nghị',
        durationMinutes: 15,
        presenterUser: 'phoBiThuTT',
        conclusion:
          'Yêu cầu các cấp ủy, chính quyền không để người dân bị đói, rét, không có chỗ ở; Ủy ban Kiểm tra Tỉnh ủy giám sát việc sử dụng kinh phí, hàng hóa hỗ trợ; rà soát, báo cáo thiệt hại trong 07 ngày.',
      },
    ],
  },

  btvRestricted: {
    title: 'Hội nghị Ban Thường vụ Tỉnh ủy cho ý kiến về công tác cán bộ và kết quả kiểm tra, giám sát',
    kind: MeetingKind.REGULAR,
    committee: 'BTV',
    location: ROOM_2,
    classification: Classification.RESTRICTED,
    chair: 'biThu',
    secretary: 'phoChanhVanPhong1',
    members: without(STANDING_BOARD, 'biThu'),
    invitees: ['phoBanToChuc', 'phoChuNhiemUbkt'],
    agenda: [
      { title: 'Thông qua chương trình hội nghị', durationMinutes: 5, presenterUser: 'chanhVanPhong' },
      {
        title: 'Công tác cán bộ',
        description: 'Tài liệu mật, phát và thu lại tại hội nghị.',
        children: [
          {
            title:
              'Quy trình giới thiệu nhân sự bổ nhiệm một số chức danh lãnh đạo cơ quan tham mưu, giúp việc Tỉnh ủy',
            durationMinutes: 40,
            presenterUnit: 'BTC',
            presenterUser: 'truongBanToChuc',
          },
          {
            title: 'Xem xét đề nghị nghỉ hưu trước tuổi theo nguyện vọng',
            durationMinutes: 20,
            presenterUnit: 'BTC',
          },
        ],
      },
      {
        title: 'Báo cáo kết quả kiểm tra khi có dấu hiệu vi phạm đối với một tổ chức đảng trực thuộc',
        durationMinutes: 40,
        presenterUnit: 'UBKT',
        presenterUser: 'chuNhiemUbkt',
      },
      {
        title:
          'Báo cáo tiến độ xử lý các vụ việc, vụ án tham nhũng, tiêu cực thuộc diện Ban Thường vụ theo dõi, chỉ đạo',
        durationMinutes: 30,
        presenterUnit: 'BNC',
        presenterUser: 'truongBanNoiChinh',
      },
      { title: 'Kết luận hội nghị', durationMinutes: 15, presenterUser: 'biThu' },
    ],
  },

  btvDraft: {
    title: 'Hội nghị Ban Thường vụ Tỉnh ủy tháng {month}/{monthYear} (dự kiến)',
    kind: MeetingKind.REGULAR,
    committee: 'BTV',
    location: ROOM_1,
    classification: Classification.INTERNAL,
    chair: 'biThu',
    secretary: 'phoChanhVanPhong2',
    members: without(STANDING_BOARD, 'biThu'),
    invitees: ['phoBanNoiChinh', 'phoChuNhiemUbkt'],
    agenda: [
      { title: 'Thông qua chương trình hội nghị', durationMinutes: 5, presenterUser: 'chanhVanPhong' },
      {
        title: 'Cho ý kiến các đề án, tờ trình',
        children: [
          {
            title:
              'Tờ trình về việc ban hành Quy chế phối hợp giữa Ban Nội chính Tỉnh ủy với các cơ quan tư pháp, thanh tra tỉnh trong công tác phòng, chống tham nhũng, tiêu cực',
            durationMinutes: 30,
            presenterUnit: 'BNC',
            proposal: 'quyChePhoiHop',
          },
          {
            title:
              'Đề án nâng cao chất lượng sinh hoạt chi bộ trong các tổ chức cơ sở đảng giai đoạn {year}–2030',
            description: 'Dự kiến, sau khi hoàn thành thẩm định và tiếp thu ý kiến của các cơ quan.',
            durationMinutes: 40,
            presenterUnit: 'BTC',
          },
          {
            title: 'Báo cáo kết quả kiểm tra việc thực hiện trách nhiệm nêu gương của cán bộ, đảng viên',
            durationMinutes: 30,
            presenterUnit: 'UBKT',
          },
        ],
      },
      {
        title: 'Báo cáo kết quả thực hiện nhiệm vụ tháng; nhiệm vụ trọng tâm tháng tới',
        durationMinutes: 20,
        presenterUnit: 'VPTU',
      },
      { title: 'Cho ý kiến về công tác cán bộ', durationMinutes: 30, presenterUnit: 'BTC' },
      { title: 'Kết luận hội nghị', durationMinutes: 15, presenterUser: 'biThu' },
    ],
  },

  btvCancelled: {
    title:
      'Hội nghị Ban Thường vụ Tỉnh ủy nghe báo cáo tiến độ các dự án trọng điểm (hoãn do trùng lịch công tác của Trung ương)',
    kind: MeetingKind.REGULAR,
    committee: 'BTV',
    location: ROOM_1,
    classification: Classification.INTERNAL,
    chair: 'biThu',
    secretary: 'phoChanhVanPhong2',
    members: without(STANDING_BOARD, 'biThu'),
    invitees: [],
    agenda: [
      { title: 'Thông qua chương trình hội nghị', durationMinutes: 5, presenterUser: 'chanhVanPhong' },
      {
        title: 'Báo cáo tiến độ các dự án trọng điểm, dự án đầu tư công chậm giải ngân',
        durationMinutes: 40,
        presenterUser: 'phoChuTichUbnd',
      },
      {
        title: 'Báo cáo tình hình giải phóng mặt bằng các dự án khu công nghiệp',
        durationMinutes: 30,
        presenterUser: 'chuTichUbnd',
      },
      { title: 'Ý kiến của các đồng chí Ủy viên Ban Thường vụ', durationMinutes: 60 },
      { title: 'Kết luận hội nghị', durationMinutes: 15, presenterUser: 'biThu' },
    ],
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Tasks

export interface TaskUpdateSpec {
  author: UserKey;
  body: string;
  progress?: number;
  statusFrom?: TaskStatus;
  statusTo?: TaskStatus;
  /** A fraction of the time between the task's creation and now (or its completion). */
  at: number;
}

export interface TaskSpec {
  title: string;
  description?: string;
  source: { meeting?: MeetingKey; agendaItem?: string; proposal?: ProposalKey; programmeItem?: ProposalKey };
  /** Tasks without a source meeting: created this many days ago. */
  createdDaysAgo?: number;
  assigneeUnit: UnitKey;
  assignee?: UserKey;
  coordinatingUnits?: UnitKey[];
  /** Due at 17:00 local time, this many days from today (negative: in the past). */
  dueInDays: number;
  priority: TaskPriority;
  status: TaskStatus;
  progress: number;
  classification?: Classification;
  /** For DONE tasks: a fraction of the time between creation and now. */
  completedAt?: number;
  updates?: TaskUpdateSpec[];
}

const { TODO, IN_PROGRESS, BLOCKED, DONE, CANCELLED } = TaskStatus;
const { LOW, NORMAL, HIGH, URGENT } = TaskPriority;

export const TASKS: TaskSpec[] = [
  // From last month's standing board meeting
  {
    title:
      'Hoàn thiện Đề án phát triển đội ngũ cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số, trình ban hành',
    description: 'Tiếp thu ý kiến của Ban Thường vụ Tỉnh ủy tại hội nghị; trình ký ban hành trong 10 ngày.',
    source: { meeting: 'btvRegular', agendaItem: 'canBoTre', proposal: 'canBoTreNuDanToc' },
    assigneeUnit: 'BTC',
    assignee: 'toChuc',
    dueInDays: -6,
    priority: HIGH,
    status: DONE,
    progress: 100,
    completedAt: 0.35,
    updates: [
      {
        author: 'toChuc',
        body: 'Đã tiếp thu 7/9 ý kiến, đang xin ý kiến lãnh đạo Ban về 2 ý kiến còn lại.',
        progress: 60,
        statusFrom: TODO,
        statusTo: IN_PROGRESS,
        at: 0.4,
      },
      {
        author: 'phoBanToChuc',
        body: 'Đề án đã được ký ban hành; gửi các đảng bộ trực thuộc.',
        progress: 100,
        statusFrom: IN_PROGRESS,
        statusTo: DONE,
        at: 1,
      },
    ],
  },
  {
    title:
      'Xây dựng kế hoạch triển khai thực hiện Đề án phát triển đội ngũ cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số',
    source: { meeting: 'btvRegular', agendaItem: 'canBoTre', proposal: 'canBoTreNuDanToc' },
    assigneeUnit: 'BTC',
    assignee: 'phoBanToChuc',
    coordinatingUnits: ['VPTU'],
    dueInDays: 12,
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 40,
    updates: [
      {
        author: 'phoBanToChuc',
        body: 'Đã có dự thảo kế hoạch; đang lấy ý kiến các phòng chuyên môn.',
        progress: 40,
        statusFrom: TODO,
        statusTo: IN_PROGRESS,
        at: 0.6,
      },
    ],
  },
  {
    title:
      'Hướng dẫn các đảng bộ trực thuộc xây dựng kế hoạch thực hiện Đề án công tác dân tộc, tôn giáo khu vực miền Tây',
    source: { meeting: 'btvRegular', agendaItem: 'danToc', proposal: 'danTocTonGiao' },
    assigneeUnit: 'BDV',
    assignee: 'phoBanDanVan',
    coordinatingUnits: ['BTG'],
    dueInDays: -3,
    priority: HIGH,
    status: IN_PROGRESS,
    progress: 60,
    updates: [
      {
        author: 'chuyenVienDanVan',
        body: 'Đã ban hành hướng dẫn; 9/15 đảng bộ đã gửi kế hoạch, còn 6 đảng bộ chưa gửi.',
        progress: 60,
        statusFrom: TODO,
        statusTo: IN_PROGRESS,
        at: 0.7,
      },
    ],
  },
  {
    title: 'Tổ chức quán triệt định hướng thông tin, phản bác thông tin sai trái trong đội ngũ báo cáo viên',
    source: { meeting: 'btvRegular', agendaItem: 'tuTuong', proposal: 'tinhHinhTuTuong' },
    assigneeUnit: 'BTG',
    assignee: 'chuyenVienTuyenGiao',
    dueInDays: 5,
    priority: NORMAL,
    status: TODO,
    progress: 0,
  },
  {
    title:
      'Tiếp thu ý kiến, hoàn thiện Đề án sắp xếp, tinh gọn tổ chức bộ máy các cơ quan tham mưu, giúp việc Tỉnh ủy',
    description:
      'Bổ sung đánh giá tác động, phương án bố trí trụ sở, tài sản; xin ý kiến Ban Tổ chức Trung ương trước khi trình lại.',
    source: { meeting: 'btvRegular', agendaItem: 'boMay', proposal: 'sapXepBoMay' },
    assigneeUnit: 'BTC',
    assignee: 'phoBanToChuc',
    coordinatingUnits: ['VPTU', 'UBKT'],
    dueInDays: -5,
    priority: URGENT,
    status: BLOCKED,
    progress: 30,
    updates: [
      {
        author: 'phoBanToChuc',
        body: 'Đã bổ sung phần đánh giá tác động đối với đội ngũ cán bộ.',
        progress: 30,
        statusFrom: TODO,
        statusTo: IN_PROGRESS,
        at: 0.4,
      },
      {
        author: 'phoBanToChuc',
        body: 'Đã gửi văn bản xin ý kiến Ban Tổ chức Trung ương; đang chờ trả lời nên chưa thể hoàn thiện.',
        statusFrom: IN_PROGRESS,
        statusTo: BLOCKED,
        at: 0.75,
      },
    ],
  },
  {
    title: 'Tổng hợp, báo cáo kết quả thực hiện các nhiệm vụ trọng tâm tháng',
    source: { meeting: 'btvRegular', agendaItem: 'nhiemVuThang' },
    assigneeUnit: 'VPTU',
    assignee: 'office',
    dueInDays: 2,
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 70,
    updates: [
      {
        author: 'office',
        body: 'Đã nhận báo cáo của 5/6 cơ quan; còn thiếu báo cáo của Ban Nội chính.',
        progress: 70,
        statusFrom: TODO,
        statusTo: IN_PROGRESS,
        at: 0.8,
      },
    ],
  },
  {
    title: 'Rà soát các đề án chậm tiến độ trong Chương trình công tác năm, đề xuất điều chỉnh',
    source: { meeting: 'btvRegular', agendaItem: 'nhiemVuThang' },
    assigneeUnit: 'VPTU',
    assignee: 'phoChanhVanPhong1',
    dueInDays: -1,
    priority: HIGH,
    status: TODO,
    progress: 0,
  },
  {
    title: 'Hoàn tất quy trình bổ nhiệm lại, điều động cán bộ theo kết luận của Ban Thường vụ',
    source: { meeting: 'btvRegular', agendaItem: 'canBo' },
    assigneeUnit: 'BTC',
    assignee: 'truongBanToChuc',
    dueInDays: -4,
    priority: HIGH,
    status: DONE,
    progress: 100,
    classification: Classification.RESTRICTED,
    completedAt: 0.5,
  },
  {
    title: 'Ban hành thông báo kết luận Hội nghị Ban Thường vụ Tỉnh ủy',
    source: { meeting: 'btvRegular', agendaItem: 'ketLuan' },
    assigneeUnit: 'VPTU',
    assignee: 'office',
    dueInDays: -10,
    priority: NORMAL,
    status: DONE,
    progress: 100,
    completedAt: 0.1,
  },

  // From the extraordinary meeting
  {
    title: 'Phát động, tiếp nhận ủng hộ Nhân dân vùng bị thiệt hại do thiên tai',
    source: { meeting: 'btvExtraordinary', agendaItem: 'ungHo' },
    assigneeUnit: 'BDV',
    assignee: 'truongBanDanVan',
    coordinatingUnits: ['BTG'],
    dueInDays: 1,
    priority: URGENT,
    status: DONE,
    progress: 100,
    completedAt: 0.6,
    updates: [
      {
        author: 'phoBanDanVan',
        body: 'Đã phát động; tiếp nhận đợt 1 được 3,2 tỷ đồng và nhiều hàng hóa thiết yếu.',
        progress: 50,
        statusFrom: TODO,
        statusTo: IN_PROGRESS,
        at: 0.3,
      },
      {
        author: 'truongBanDanVan',
        body: 'Đã chuyển toàn bộ tiền, hàng ủng hộ đến các xã bị thiệt hại; hoàn thành.',
        progress: 100,
        statusFrom: IN_PROGRESS,
        statusTo: DONE,
        at: 1,
      },
    ],
  },
  {
    title: 'Rà soát, thống kê thiệt hại, đề xuất mức hỗ trợ khắc phục hậu quả thiên tai',
    source: { meeting: 'btvExtraordinary', agendaItem: 'ketLuan' },
    assigneeUnit: 'BNC',
    assignee: 'phoBanNoiChinh',
    coordinatingUnits: ['VPTU'],
    dueInDays: 3,
    priority: URGENT,
    status: IN_PROGRESS,
    progress: 55,
    updates: [
      {
        author: 'chuyenVienNoiChinh',
        body: 'Đã tổng hợp số liệu của 8/12 xã.',
        progress: 55,
        statusFrom: TODO,
        statusTo: IN_PROGRESS,
        at: 0.6,
      },
    ],
  },
  {
    title: 'Giám sát việc sử dụng kinh phí, hàng hóa hỗ trợ khắc phục hậu quả thiên tai',
    source: { meeting: 'btvExtraordinary', agendaItem: 'hoTroKhanCap' },
    assigneeUnit: 'UBKT',
    assignee: 'kiemTra',
    dueInDays: 25,
    priority: NORMAL,
    status: TODO,
    progress: 0,
  },

  // From the monthly briefings
  {
    title: 'Chuẩn bị nội dung giao ban quý với các ban xây dựng Đảng, Mặt trận Tổ quốc và các đoàn thể',
    source: { meeting: 'briefing1', agendaItem: 'ketLuan' },
    assigneeUnit: 'VPTU',
    assignee: 'office',
    dueInDays: -50,
    priority: NORMAL,
    status: DONE,
    progress: 100,
    completedAt: 0.3,
  },
  {
    title: 'Chuẩn bị đoàn công tác khảo sát mô hình chuyển đổi số trong cơ quan Đảng tại tỉnh bạn',
    source: { meeting: 'briefing1', agendaItem: 'ketLuan' },
    assigneeUnit: 'VPTU',
    assignee: 'phoChanhVanPhong2',
    dueInDays: -30,
    priority: LOW,
    status: CANCELLED,
    progress: 10,
    updates: [
      {
        author: 'phoChanhVanPhong2',
        body: 'Thường trực Tỉnh ủy cho ý kiến dừng tổ chức đoàn để ưu tiên khắc phục hậu quả thiên tai.',
        statusFrom: TODO,
        statusTo: CANCELLED,
        at: 0.5,
      },
    ],
  },
  {
    title: 'Đôn đốc các cơ quan hoàn thành các đề án chậm tiến độ trong Chương trình công tác năm',
    source: { meeting: 'briefing1', agendaItem: 'ketLuan' },
    assigneeUnit: 'VPTU',
    assignee: 'office',
    coordinatingUnits: ['BTC', 'BTG'],
    dueInDays: -20,
    priority: HIGH,
    status: IN_PROGRESS,
    progress: 50,
    updates: [
      {
        author: 'office',
        body: 'Đã gửi văn bản đôn đốc 4 cơ quan có đề án chậm tiến độ.',
        progress: 25,
        statusFrom: TODO,
        statusTo: IN_PROGRESS,
        at: 0.2,
      },
      {
        author: 'office',
        body: '2/4 đề án đã trình; còn Đề án sắp xếp bộ máy và Đề án sinh hoạt chi bộ.',
        progress: 50,
        at: 0.7,
      },
    ],
  },
  {
    title: 'Nắm bắt, báo cáo tình hình dư luận về việc sắp xếp tổ chức bộ máy',
    source: { meeting: 'briefing2', agendaItem: 'ketLuan' },
    assigneeUnit: 'BTG',
    assignee: 'tuyenGiao',
    dueInDays: -25,
    priority: NORMAL,
    status: DONE,
    progress: 100,
    completedAt: 0.4,
    updates: [
      {
        author: 'tuyenGiao',
        body: 'Đã gửi Báo cáo nhanh số 15 về Thường trực Tỉnh ủy.',
        progress: 100,
        statusFrom: IN_PROGRESS,
        statusTo: DONE,
        at: 1,
      },
    ],
  },
  {
    title: 'Giải quyết dứt điểm các đơn thư tồn đọng kéo dài',
    source: { meeting: 'briefing2', agendaItem: 'ketLuan' },
    assigneeUnit: 'UBKT',
    assignee: 'phoChuNhiemUbkt',
    coordinatingUnits: ['BNC'],
    dueInDays: 10,
    priority: HIGH,
    status: BLOCKED,
    progress: 40,
    updates: [
      {
        author: 'kiemTra',
        body: 'Đã giải quyết 3/7 đơn thư tồn đọng.',
        progress: 40,
        statusFrom: TODO,
        statusTo: IN_PROGRESS,
        at: 0.4,
      },
      {
        author: 'phoChuNhiemUbkt',
        body: '04 vụ việc còn lại liên quan đến đất đai, đang chờ kết quả thanh tra của Thanh tra tỉnh.',
        statusFrom: IN_PROGRESS,
        statusTo: BLOCKED,
        at: 0.8,
      },
    ],
  },
  {
    title: 'Hướng dẫn kiện toàn tổ chức bộ máy các đảng bộ trực thuộc',
    source: { meeting: 'briefing2', agendaItem: 'ketLuan' },
    assigneeUnit: 'BTC',
    assignee: 'truongBanToChuc',
    dueInDays: 18,
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 55,
    updates: [
      {
        author: 'toChuc',
        body: 'Đã có dự thảo hướng dẫn, đang xin ý kiến Thường trực Tỉnh ủy.',
        progress: 55,
        statusFrom: TODO,
        statusTo: IN_PROGRESS,
        at: 0.6,
      },
    ],
  },
  {
    title: 'Chuẩn bị nội dung, tài liệu phục vụ Hội nghị Ban Chấp hành Đảng bộ tỉnh',
    source: { meeting: 'briefing3', agendaItem: 'ketLuan' },
    assigneeUnit: 'VPTU',
    assignee: 'chanhVanPhong',
    coordinatingUnits: ['BTC', 'UBKT'],
    dueInDays: 7,
    priority: HIGH,
    status: TODO,
    progress: 0,
  },
  {
    title: 'Hoàn thiện Báo cáo tình hình thực hiện nhiệm vụ chính trị trình Hội nghị Ban Chấp hành',
    source: { meeting: 'briefing3', agendaItem: 'ketLuan', proposal: 'baoCaoNhiemVuChinhTri' },
    assigneeUnit: 'VPTU',
    assignee: 'phoChanhVanPhong1',
    dueInDays: 4,
    priority: URGENT,
    status: IN_PROGRESS,
    progress: 80,
    updates: [
      {
        author: 'office',
        body: 'Đã tổng hợp số liệu của các sở, ngành; hoàn thành dự thảo lần 2.',
        progress: 50,
        statusFrom: TODO,
        statusTo: IN_PROGRESS,
        at: 0.3,
      },
      {
        author: 'phoChanhVanPhong1',
        body: 'Đã trình Thường trực Tỉnh ủy bản trình hội nghị; đang tiếp thu ý kiến cuối.',
        progress: 80,
        at: 0.8,
      },
    ],
  },
  {
    title: 'Kiểm tra việc thực hiện kết luận giao ban của Thường trực Tỉnh ủy tại cơ sở',
    source: { meeting: 'briefing3', agendaItem: 'ketLuan' },
    assigneeUnit: 'UBKT',
    assignee: 'kiemTra',
    dueInDays: 30,
    priority: LOW,
    status: TODO,
    progress: 0,
  },

  // From adopted proposals and programme items
  {
    title: 'Sơ kết 6 tháng thực hiện Đề án phòng, chống tham nhũng, lãng phí, tiêu cực',
    source: { proposal: 'phongChongThamNhung' },
    createdDaysAgo: 60,
    assigneeUnit: 'BNC',
    assignee: 'chuyenVienNoiChinh',
    coordinatingUnits: ['UBKT'],
    dueInDays: -8,
    priority: HIGH,
    status: IN_PROGRESS,
    progress: 75,
    classification: Classification.RESTRICTED,
    updates: [
      {
        author: 'chuyenVienNoiChinh',
        body: 'Đã có dự thảo báo cáo sơ kết; còn chờ số liệu thu hồi tài sản của Viện Kiểm sát.',
        progress: 75,
        statusFrom: TODO,
        statusTo: IN_PROGRESS,
        at: 0.7,
      },
    ],
  },
  {
    title: 'Triển khai hệ thống tài liệu họp điện tử cho Ban Chấp hành, Ban Thường vụ Tỉnh ủy',
    source: { proposal: 'chuyenDoiSo' },
    createdDaysAgo: 90,
    assigneeUnit: 'VPTU',
    assignee: 'chuyenVienVanPhong',
    dueInDays: 45,
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 35,
    updates: [
      {
        author: 'chuyenVienVanPhong',
        body: 'Đã chạy thử tại 03 hội nghị Ban Thường vụ.',
        progress: 35,
        statusFrom: TODO,
        statusTo: IN_PROGRESS,
        at: 0.5,
      },
    ],
  },
  {
    title: 'Tổ chức hội nghị biểu dương điển hình “Dân vận khéo”',
    source: { proposal: 'danVanKheo' },
    createdDaysAgo: 120,
    assigneeUnit: 'BDV',
    assignee: 'chuyenVienDanVan',
    dueInDays: -40,
    priority: NORMAL,
    status: DONE,
    progress: 100,
    completedAt: 0.6,
  },
  {
    title: 'Báo cáo kết quả các cuộc giám sát chuyên đề quý theo Chương trình kiểm tra, giám sát',
    source: { proposal: 'chuongTrinhKiemTra' },
    createdDaysAgo: 45,
    assigneeUnit: 'UBKT',
    assignee: 'phoChuNhiemUbkt',
    dueInDays: -2,
    priority: LOW,
    status: TODO,
    progress: 0,
  },
  {
    title:
      'Tổng hợp ý kiến thẩm định, hoàn thiện Đề án nâng cao chất lượng sinh hoạt chi bộ, trình Ban Thường vụ',
    source: { proposal: 'sinhHoatChiBo', programmeItem: 'sinhHoatChiBo' },
    createdDaysAgo: 8,
    assigneeUnit: 'BTC',
    assignee: 'toChuc',
    coordinatingUnits: ['UBKT', 'BTG', 'BDV'],
    dueInDays: 6,
    priority: HIGH,
    status: TODO,
    progress: 0,
  },
  {
    title: 'Trình Ban Thường vụ Đề án sắp xếp, tinh gọn tổ chức bộ máy theo kế hoạch tháng',
    source: { programmeItem: 'sapXepBoMay' },
    createdDaysAgo: 70,
    assigneeUnit: 'BTC',
    assignee: 'phoBanToChuc',
    dueInDays: -15,
    priority: NORMAL,
    status: CANCELLED,
    progress: 0,
    updates: [
      {
        author: 'office',
        body: 'Hủy theo kết luận của Ban Thường vụ (Đề án chưa được thông qua, lùi thời gian trình); thay bằng nhiệm vụ hoàn thiện Đề án.',
        statusFrom: TODO,
        statusTo: CANCELLED,
        at: 0.9,
      },
    ],
  },
];
