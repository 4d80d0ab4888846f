import {
  AgendaItemStatus,
  AppraisalStatus,
  Attendance,
  Classification,
  MeetingKind,
  MeetingStatus,
  ParticipantRole,
  ProposalKind,
  Verdict,
  VoteOutcome,
} from '@quorum/shared';

// The Vietnamese of the glossary (/shared/GLOSSARY.md), for documents printed from the server.

export const meetingKindLabel: Record<MeetingKind, string> = {
  [MeetingKind.REGULAR]: 'Thường kỳ',
  [MeetingKind.EXTRAORDINARY]: 'Bất thường',
  [MeetingKind.BRIEFING]: 'Giao ban',
};

export const meetingStatusLabel: Record<MeetingStatus, string> = {
  [MeetingStatus.DRAFT]: 'Dự kiến',
  [MeetingStatus.SCHEDULED]: 'Đã lên lịch',
  [MeetingStatus.IN_PROGRESS]: 'Đang họp',
  [MeetingStatus.CLOSED]: 'Đã kết thúc',
  [MeetingStatus.CANCELLED]: 'Đã hủy',
};

export const classificationLabel: Record<Classification, string> = {
  [Classification.INTERNAL]: 'Nội bộ',
  [Classification.RESTRICTED]: 'Hạn chế',
  [Classification.CONFIDENTIAL]: 'Mật',
};

export const agendaItemStatusLabel: Record<AgendaItemStatus, string> = {
  [AgendaItemStatus.PENDING]: 'Chưa thảo luận',
  [AgendaItemStatus.IN_DISCUSSION]: 'Đang thảo luận',
  [AgendaItemStatus.CONCLUDED]: 'Đã kết luận',
  [AgendaItemStatus.DEFERRED]: 'Hoãn',
  [AgendaItemStatus.WITHDRAWN]: 'Rút khỏi chương trình',
};

export const proposalKindLabel: Record<ProposalKind, string> = {
  [ProposalKind.PROPOSAL]: 'Đề án',
  [ProposalKind.REPORT]: 'Báo cáo',
  [ProposalKind.RESOLUTION_DRAFT]: 'Dự thảo nghị quyết',
  [ProposalKind.PROGRAMME]: 'Chương trình',
  [ProposalKind.OTHER]: 'Tài liệu',
};

export const voteOutcomeLabel: Record<VoteOutcome, string> = {
  [VoteOutcome.ADOPTED]: 'Thông qua',
  [VoteOutcome.REJECTED]: 'Không thông qua',
  [VoteOutcome.DEFERRED]: 'Hoãn',
};

export const participantRoleLabel: Record<ParticipantRole, string> = {
  [ParticipantRole.CHAIR]: 'Chủ trì',
  [ParticipantRole.SECRETARY]: 'Thư ký',
  [ParticipantRole.MEMBER]: 'Thành viên',
  [ParticipantRole.INVITEE]: 'Khách mời',
};

export const attendanceLabel: Record<Attendance, string> = {
  [Attendance.UNKNOWN]: 'Chưa điểm danh',
  [Attendance.PRESENT]: 'Có mặt',
  [Attendance.ABSENT]: 'Vắng',
  [Attendance.EXCUSED]: 'Vắng có lý do',
};

export const verdictLabel: Record<Verdict, string> = {
  [Verdict.PENDING]: 'Chưa có ý kiến',
  [Verdict.AGREE]: 'Đồng ý',
  [Verdict.AGREE_WITH_CHANGES]: 'Đồng ý, đề nghị chỉnh sửa',
  [Verdict.DISAGREE]: 'Không đồng ý',
};

export const appraisalStatusLabel: Record<AppraisalStatus, string> = {
  [AppraisalStatus.OPEN]: 'Đang thẩm định',
  [AppraisalStatus.CLOSED]: 'Đã kết thúc thẩm định',
};
