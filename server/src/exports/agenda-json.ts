import type { BookItem, MeetingBook } from './meeting-book.js';

/** The agenda as JSON for integrators: the book's tree with ISO times (UTC) and the zone to show them in. */
export function agendaJson(book: MeetingBook, meetingUrl: string) {
  const { meeting } = book;
  return {
    meeting: {
      id: meeting.id,
      url: meetingUrl,
      title: meeting.title,
      kind: meeting.kind,
      status: meeting.status,
      classification: meeting.classification,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      timeZone: book.timeZone,
      location: meeting.location,
      committee: meeting.committee,
      chair: meeting.chair,
      secretary: meeting.secretary,
    },
    agendaMinutes: book.agendaMinutes,
    agenda: book.agenda.map(itemJson),
  };
}

export type AgendaJson = ReturnType<typeof agendaJson>;

export interface AgendaItemJson {
  id: string;
  number: string;
  title: string;
  description: string | null;
  durationMinutes: number | null;
  /** Its own minutes plus its sub-items', as the meeting room shows it. */
  totalMinutes: number;
  startsAt: string;
  endsAt: string;
  presenter: BookItem['presenter'];
  proposal: { id: string; referenceNumber: string | null; title: string; summary: string | null } | null;
  status: BookItem['status'];
  conclusion: string | null;
  vote: BookItem['vote'];
  children: AgendaItemJson[];
}

function itemJson(item: BookItem): AgendaItemJson {
  return {
    id: item.id,
    number: item.number,
    title: item.title,
    description: item.description,
    durationMinutes: item.durationMinutes,
    totalMinutes: item.totalMinutes,
    startsAt: item.startsAt.toISOString(),
    endsAt: item.endsAt.toISOString(),
    presenter: item.presenter,
    proposal: item.proposal && {
      id: item.proposal.id,
      referenceNumber: item.proposal.referenceNumber,
      title: item.proposal.title,
      summary: item.proposal.summary,
    },
    status: item.status,
    conclusion: item.conclusion,
    vote: item.vote,
    children: item.children.map(itemJson),
  };
}
