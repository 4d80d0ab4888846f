// What the office should be told before a step that is allowed but probably not meant: closing a
// session with items still open, starting one on another day, scheduling one in the past, opening a
// second item for discussion. Nothing here refuses anything: the server decides what is allowed.
import { createContext } from 'react';
import type { TFunction } from 'i18next';
import { AgendaItemStatus, MeetingStatus } from '@quorum/shared';
import { zonedDateKey } from '../../i18n/format';

export interface OpenItem {
  id: string;
  number: string;
  title: string;
  status: AgendaItemStatus;
}

/** The agenda's items still open (in discussion or pending), for the warnings below; set by the room. */
export const OpenItemsContext = createContext<readonly OpenItem[]>([]);

const list = (items: readonly OpenItem[]) => items.map((item) => item.number).join(', ');

export function transitionWarnings(
  t: TFunction,
  meeting: { startsAt: string },
  openItems: readonly OpenItem[],
  to: MeetingStatus,
  timeZone: string,
  now = new Date(),
): string[] {
  const startsAt = new Date(meeting.startsAt);
  const warnings: string[] = [];
  if (to === MeetingStatus.SCHEDULED && startsAt < now) warnings.push(t('room.warnings.scheduledInPast'));
  if (
    to === MeetingStatus.IN_PROGRESS &&
    startsAt > now &&
    zonedDateKey(startsAt, timeZone) !== zonedDateKey(now, timeZone)
  ) {
    const days = Math.ceil((startsAt.getTime() - now.getTime()) / 86_400_000);
    warnings.push(t('room.warnings.startEarly', { count: days }));
  }
  if (to === MeetingStatus.CLOSED) {
    const discussing = openItems.filter((item) => item.status === AgendaItemStatus.IN_DISCUSSION);
    const pending = openItems.filter((item) => item.status === AgendaItemStatus.PENDING);
    if (discussing.length > 0)
      warnings.push(
        t('room.warnings.closeDiscussing', { count: discussing.length, items: list(discussing) }),
      );
    if (pending.length > 0)
      warnings.push(t('room.warnings.closePending', { count: pending.length, items: list(pending) }));
  }
  return warnings;
}

/** Before opening `itemId` for discussion: the other items already in discussion, if any. */
export function discussionWarning(
  t: TFunction,
  openItems: readonly OpenItem[],
  itemId: string,
): string | null {
  const others = openItems.filter(
    (item) => item.status === AgendaItemStatus.IN_DISCUSSION && item.id !== itemId,
  );
  return others.length > 0
    ? t('room.warnings.alsoDiscussing', { count: others.length, items: list(others) })
    : null;
}
