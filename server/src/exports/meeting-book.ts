import {
  ParticipantRole,
  type AgendaItemStatus,
  type Attendance,
  type Classification,
  type MeetingKind,
  type MeetingStatus,
  type ProposalKind,
  type VoteOutcome,
} from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { quorumOf, type Quorum } from '../commands/meeting-support.js';
import { AgendaItem, Participant, type Meeting } from '../entities/index.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { buildAgenda } from '../domain/agenda.js';
import type { MinutesBlock } from './minutes-document.js';

/**
 * The meeting book ("bộ tài liệu"): a meeting with its numbered agenda, planned times, presenters and the
 * proposals the viewer may read. The JSON, iCalendar and PDF exports all render this one structure, so
 * numbering, times and visibility are decided here once.
 */
export interface MeetingBook {
  meeting: {
    id: string;
    title: string;
    kind: MeetingKind;
    status: MeetingStatus;
    classification: Classification;
    version: number;
    updatedAt: Date;
    startsAt: Date;
    /** `endsAt` when set, else the start plus the agenda's planned minutes, else two hours later. */
    endsAt: Date;
    location: string | null;
    committee: { id: string; name: string };
    organization: { id: string; name: string };
    chair: { id: string; fullName: string } | null;
    secretary: { id: string; fullName: string } | null;
  };
  /** The organization's zone: every printed date and time is written in it. */
  timeZone: string;
  /** The top level of the agenda; items nest through `children`. */
  agenda: BookItem[];
  /** Every agenda item, depth first in agenda order. */
  items: BookItem[];
  /** The readable proposals on the agenda, once each, in agenda order. */
  proposals: BookProposal[];
  /** Planned minutes of the whole agenda. */
  agendaMinutes: number;
  /** Who was invited and who came; null where it was not asked for (the calendar feed). */
  attendance: BookAttendance | null;
  /** The meeting's minutes, set by the meeting book PDF's export when they exist. */
  minutes?: MinutesBlock[] | null;
}

export interface BookAttendance {
  /** Chair, secretary, members, invitees; by name within each. */
  participants: { id: string; fullName: string; role: ParticipantRole; attendance: Attendance }[];
  quorum: Quorum;
}

export interface BookItem {
  id: string;
  /** "1", "2", "2.1" */
  number: string;
  /** 0 for the top level. */
  depth: number;
  title: string;
  description: string | null;
  durationMinutes: number | null;
  /** Its own minutes plus its sub-items' totals, as the meeting room shows it. */
  totalMinutes: number;
  /** Planned start, counted from the meeting's start through the items before it. */
  startsAt: Date;
  endsAt: Date;
  presenter: BookPresenter | null;
  /** Null when there is none or the viewer may not read it. */
  proposal: BookProposal | null;
  status: AgendaItemStatus;
  conclusion: string | null;
  vote: { votesFor: number; votesAgainst: number; abstentions: number; outcome: VoteOutcome } | null;
  children: BookItem[];
}

export interface BookPresenter {
  /** "Nguyễn Văn A (Ban Tổ chức)", or whichever of the two is set. */
  name: string;
  user: { id: string; fullName: string } | null;
  unit: { id: string; name: string } | null;
}

export interface BookProposal {
  id: string;
  referenceNumber: string | null;
  title: string;
  summary: string | null;
  kind: ProposalKind;
  classification: Classification;
  leadUnit: string;
}

const defaultMeetingMinutes = 120;
const minute = 60_000;

/**
 * Assembles the books of several meetings with a fixed number of queries (the calendar feed asks for
 * many). The caller has already decided that the viewer may read each meeting; proposals are checked here.
 * Attendance is loaded only when asked for: the calendar feed does not print it. Without a viewer (what
 * every reader of the meeting may see: the seed of its minutes) no proposal is included.
 */
export async function assembleMeetingBooks(
  em: EntityManager,
  viewer: Viewer | null,
  meetings: readonly Meeting[],
  { attendance = false }: { attendance?: boolean } = {},
): Promise<MeetingBook[]> {
  if (meetings.length === 0) return [];
  await em.populate(meetings as Meeting[], ['committee', 'organization', 'chair', 'secretary']);
  const rows = await em.find(
    AgendaItem,
    { meeting: { $in: meetings.map((meeting) => meeting.id) } },
    { populate: ['presenterUser', 'presenterUnit', 'proposal', 'proposal.leadUnit', 'vote'] },
  );
  const participants = attendance
    ? await em.find(
        Participant,
        { meeting: { $in: meetings.map((meeting) => meeting.id) } },
        { populate: ['user'] },
      )
    : [];
  const itemsOf = groupByMeeting(rows);
  const participantsOf = groupByMeeting(participants);
  return meetings.map((meeting) =>
    bookOf(
      viewer,
      meeting,
      itemsOf.get(meeting.id) ?? [],
      attendance ? (participantsOf.get(meeting.id) ?? []) : null,
    ),
  );
}

function groupByMeeting<T extends { meeting: { id: string } }>(rows: readonly T[]): Map<string, T[]> {
  const byMeeting = new Map<string, T[]>();
  for (const row of rows) {
    const list = byMeeting.get(row.meeting.id);
    if (list) list.push(row);
    else byMeeting.set(row.meeting.id, [row]);
  }
  return byMeeting;
}

const roleOrder = [
  ParticipantRole.CHAIR,
  ParticipantRole.SECRETARY,
  ParticipantRole.MEMBER,
  ParticipantRole.INVITEE,
];

function attendanceOf(participants: readonly Participant[]): BookAttendance {
  const listed = participants.map((participant) => ({
    id: participant.id,
    fullName: participant.user.getEntity().fullName,
    role: participant.role,
    attendance: participant.attendance,
  }));
  listed.sort(
    (a, b) =>
      roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.fullName.localeCompare(b.fullName, 'vi'),
  );
  return { participants: listed, quorum: quorumOf(participants) };
}

export async function assembleMeetingBook(
  em: EntityManager,
  viewer: Viewer | null,
  meeting: Meeting,
): Promise<MeetingBook> {
  const [book] = await assembleMeetingBooks(em, viewer, [meeting], { attendance: true });
  return book!;
}

function bookOf(
  viewer: Viewer | null,
  meeting: Meeting,
  rows: AgendaItem[],
  participants: Participant[] | null,
): MeetingBook {
  const agenda = buildAgenda(rows);
  const proposals = new Map<string, BookProposal>();
  const items: BookItem[] = [];
  // buildAgenda shows an (impossible) cycle at the top level; never walk one twice.
  const visited = new Set<string>();

  const toItem = (item: AgendaItem, depth: number): BookItem => {
    const proposal = item.proposal?.getEntity();
    const readable = proposal && viewer && proposalPolicy.canRead(viewer, proposal) ? proposal : undefined;
    let bookProposal: BookProposal | null = null;
    if (readable) {
      bookProposal = proposals.get(readable.id) ?? {
        id: readable.id,
        referenceNumber: readable.referenceNumber ?? null,
        title: readable.title,
        summary: readable.summary ?? null,
        kind: readable.kind,
        classification: readable.classification,
        leadUnit: readable.leadUnit.getEntity().name,
      };
      proposals.set(readable.id, bookProposal);
    }
    const vote = item.vote?.getEntity();
    const bookItem: BookItem = {
      id: item.id,
      number: agenda.numbers.get(item.id) ?? '',
      depth,
      title: item.title,
      description: item.description ?? null,
      durationMinutes: item.durationMinutes ?? null,
      totalMinutes: agenda.totals.get(item.id) ?? item.durationMinutes ?? 0,
      // Scheduled below, once the whole tree is known.
      startsAt: meeting.startsAt,
      endsAt: meeting.startsAt,
      presenter: presenterOf(item),
      proposal: bookProposal,
      status: item.status,
      conclusion: item.conclusion ?? null,
      vote: vote
        ? {
            votesFor: vote.votesFor,
            votesAgainst: vote.votesAgainst,
            abstentions: vote.abstentions,
            outcome: vote.outcome,
          }
        : null,
      children: [],
    };
    items.push(bookItem);
    visited.add(item.id);
    bookItem.children = (agenda.children.get(item.id) ?? [])
      .filter((child) => !visited.has(child.id))
      .map((child) => toItem(child, depth + 1));
    return bookItem;
  };
  const roots = agenda.roots.filter((root) => !visited.has(root.id)).map((root) => toItem(root, 0));
  schedule(roots, meeting.startsAt);
  const agendaMinutes = agenda.duration;

  const committee = meeting.committee.getEntity();
  const organization = meeting.organization.getEntity();
  const chair = meeting.chair?.getEntity();
  const secretary = meeting.secretary?.getEntity();
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      kind: meeting.kind,
      status: meeting.status,
      classification: meeting.classification,
      version: meeting.version,
      updatedAt: meeting.updatedAt,
      startsAt: meeting.startsAt,
      endsAt:
        meeting.endsAt ??
        new Date(
          meeting.startsAt.getTime() + (agendaMinutes > 0 ? agendaMinutes : defaultMeetingMinutes) * minute,
        ),
      location: meeting.location ?? null,
      committee: { id: committee.id, name: committee.name },
      organization: { id: organization.id, name: organization.name },
      chair: chair ? { id: chair.id, fullName: chair.fullName } : null,
      secretary: secretary ? { id: secretary.id, fullName: secretary.fullName } : null,
    },
    timeZone: organization.timeZone,
    agenda: roots,
    items,
    proposals: [...proposals.values()],
    agendaMinutes,
    attendance: participants ? attendanceOf(participants) : null,
  };
}

/**
 * Plans the times of one level of the agenda from `start`. Siblings follow each other; an item's planned
 * length is its total (its own minutes plus its sub-items', as the agenda counts them), and its
 * sub-items follow its own minutes (the introduction of a group of items comes first).
 */
function schedule(level: BookItem[], start: Date): void {
  let cursor = start.getTime();
  for (const item of level) {
    item.startsAt = new Date(cursor);
    item.endsAt = new Date(cursor + item.totalMinutes * minute);
    schedule(item.children, new Date(cursor + (item.durationMinutes ?? 0) * minute));
    cursor += item.totalMinutes * minute;
  }
}

function presenterOf(item: AgendaItem): BookPresenter | null {
  const user = item.presenterUser?.getEntity();
  const unit = item.presenterUnit?.getEntity();
  if (!user && !unit) return null;
  return {
    name: user && unit ? `${user.fullName} (${unit.name})` : (user?.fullName ?? unit!.name),
    user: user ? { id: user.id, fullName: user.fullName } : null,
    unit: unit ? { id: unit.id, name: unit.name } : null,
  };
}
