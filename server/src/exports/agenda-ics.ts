import { Classification, MeetingStatus } from '@quorum/shared';
import ical, { ICalEventClass, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { formatDateTime, formatTime } from './format.js';
import { classificationLabel, meetingKindLabel } from './labels.js';
import type { BookItem, MeetingBook } from './meeting-book.js';

/**
 * How much of a meeting goes into an event. A subscribed feed is copied into calendar services outside
 * the organization, so a CONFIDENTIAL meeting there says only when it is and where to read it.
 */
export type EventDetail = 'full' | 'busy';

/**
 * A calendar. Times are written in UTC (`…Z`), which every client places correctly; the organization's
 * zone is named as a hint for clients that show a calendar-wide zone.
 */
export function newCalendar(name: string, timeZone: string): ICalCalendar {
  return ical({
    name,
    prodId: { company: 'Quorum', product: 'Quorum', language: 'VI' },
    // Subscribers re-read the feed about hourly (RFC 7986 REFRESH-INTERVAL / X-PUBLISHED-TTL).
    ttl: 3600,
    x: [['X-WR-TIMEZONE', timeZone]],
  });
}

/** One VEVENT per meeting, stable across exports (UID = meeting id, SEQUENCE = its version). */
export function addMeetingEvent(
  calendar: ICalCalendar,
  book: MeetingBook,
  meetingUrl: string,
  detail: EventDetail = 'full',
): void {
  const { meeting } = book;
  const full = detail === 'full';
  calendar.createEvent({
    id: `${meeting.id}@quorum`,
    sequence: meeting.version,
    stamp: new Date(),
    lastModified: meeting.updatedAt,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: full
      ? meeting.title
      : `${meeting.committee.name}: cuộc họp (${classificationLabel[meeting.classification]})`,
    description: full ? describe(book, meetingUrl) : `Nội dung mật: xem trong Quorum.\n${meetingUrl}`,
    location: full ? meeting.location : null,
    url: meetingUrl,
    status: eventStatus(meeting.status),
    class:
      meeting.classification === Classification.CONFIDENTIAL
        ? ICalEventClass.CONFIDENTIAL
        : ICalEventClass.PRIVATE,
  });
}

function eventStatus(status: MeetingStatus): ICalEventStatus {
  switch (status) {
    case MeetingStatus.CANCELLED:
      return ICalEventStatus.CANCELLED;
    case MeetingStatus.DRAFT:
      return ICalEventStatus.TENTATIVE;
    default:
      return ICalEventStatus.CONFIRMED;
  }
}

/** The event's text: who meets, who chairs, and the agenda outline with planned times. */
export function describe(book: MeetingBook, meetingUrl: string): string {
  const { meeting, timeZone } = book;
  const lines = [
    `${meeting.committee.name} · ${meetingKindLabel[meeting.kind]}`,
    `Thời gian: ${formatDateTime(meeting.startsAt, timeZone)} – ${formatTime(meeting.endsAt, timeZone)}`,
    ...(meeting.chair ? [`Chủ trì: ${meeting.chair.fullName}`] : []),
  ];
  if (book.items.length > 0) {
    lines.push('', 'Chương trình:', ...book.items.map((item) => outlineLine(item, timeZone)));
  }
  lines.push('', meetingUrl);
  return lines.join('\n');
}

function outlineLine(item: BookItem, timeZone: string): string {
  const indent = '  '.repeat(item.depth);
  const presenter = item.presenter ? ` – ${item.presenter.name}` : '';
  return `${indent}${item.number}. ${formatTime(item.startsAt, timeZone)} ${item.title}${presenter}`;
}
