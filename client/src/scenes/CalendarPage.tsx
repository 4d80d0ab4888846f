import { useEffect, useId, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { limits } from '@quorum/shared';
import { Alert } from '../components/Alert';
import { ErrorState } from '../components/LoadState';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useLocale } from '../hooks/useFormat';
import { useTimeZone } from '../hooks/useOrganization';
import { useOrganizationEvents } from '../hooks/useOrganizationEvents';
import {
  addDays,
  addMonths,
  dayOf,
  isDateKey,
  monthGrid,
  monthOf,
  startOfWeek,
  weekDays,
  weekdayIndex,
} from '../i18n/calendar';
import type { DateKey } from '../i18n/calendar';
import { formatTime, zonedDateKey, zonedLocalToIso } from '../i18n/format';
import { MeetingsDocument } from '../generated/graphql';
import type { MeetingFieldsFragment } from '../generated/graphql';

type View = 'month' | 'week';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function useCalendarParams(today: DateKey): [View, DateKey, (view: View, date: DateKey) => void] {
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'week' ? 'week' : 'month';
  const raw = params.get('date');
  const date = isDateKey(raw) ? raw : today;
  const set = (nextView: View, nextDate: DateKey) => {
    const search = new URLSearchParams();
    if (nextView !== 'month') search.set('view', nextView);
    if (nextDate !== today) search.set('date', nextDate);
    setParams(search, { replace: true });
  };
  return [view, date, set];
}

export function CalendarPage() {
  const { t } = useTranslation();
  const id = useId();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const today = zonedDateKey(new Date(), timeZone);
  const [view, date, setCalendar] = useCalendarParams(today);
  const grid = useRef<HTMLDivElement>(null);
  const focusAfterMove = useRef(false);

  const days = useMemo(() => (view === 'month' ? monthGrid(date) : weekDays(date)), [view, date]);
  const first = days[0] ?? date;
  const last = days[days.length - 1] ?? date;
  const filter = useMemo(
    () => ({
      from: zonedLocalToIso(`${first}T00:00`, timeZone) ?? undefined,
      to: zonedLocalToIso(`${addDays(last, 1)}T00:00`, timeZone) ?? undefined,
    }),
    [first, last, timeZone],
  );
  const { data, error, loading, refetch } = useQuery(MeetingsDocument, {
    variables: { filter, first: limits.pageSizeMax },
  });

  // A meeting may have moved into or out of the range: ask again, once per burst.
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refetchTimer.current), []);
  const live = useOrganizationEvents(() => {
    clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => void refetch().catch(() => undefined), 150);
  });

  const byDay = useMemo(() => {
    const map = new Map<DateKey, MeetingFieldsFragment[]>();
    for (const edge of data?.meetings.edges ?? []) {
      const key = zonedDateKey(edge.node.startsAt, timeZone);
      map.set(key, [...(map.get(key) ?? []), edge.node]);
    }
    for (const list of map.values()) list.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    return map;
  }, [data, timeZone]);

  const { year, month } = monthOf(date);
  const monthName = new Intl.DateTimeFormat(locale === 'vi' ? 'vi' : 'en-GB', {
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 1)));
  const shortDate = (key: DateKey) => `${key.slice(8, 10)}/${key.slice(5, 7)}`;
  const title =
    view === 'month'
      ? t('calendar.monthTitle', { month, year, monthName })
      : t('calendar.weekTitle', { from: shortDate(first), to: shortDate(last), year: last.slice(0, 4) });
  useDocumentTitle(`${t('calendar.heading')}: ${title}`);

  const fullDate = (key: DateKey) =>
    t('calendar.fullDate', {
      weekday: t(`calendar.weekdays.${WEEKDAYS[weekdayIndex(key)] ?? 'mon'}`),
      date: locale === 'vi' ? `${shortDate(key)}/${key.slice(0, 4)}` : key,
    });

  function move(next: DateKey, nextView: View = view) {
    focusAfterMove.current = true;
    setCalendar(nextView, next);
  }

  // Keep the keyboard on the selected day after the grid re-renders (even for a new month).
  useEffect(() => {
    if (!focusAfterMove.current) return;
    focusAfterMove.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-date="${date}"]`)?.focus();
  }, [date, view, data]);

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const steps: Record<string, () => DateKey> = {
      ArrowLeft: () => addDays(date, -1),
      ArrowRight: () => addDays(date, 1),
      ArrowUp: () => addDays(date, -7),
      ArrowDown: () => addDays(date, 7),
      Home: () => startOfWeek(date),
      End: () => addDays(startOfWeek(date), 6),
      PageUp: () => (event.shiftKey ? addMonths(date, -12) : addMonths(date, -1)),
      PageDown: () => (event.shiftKey ? addMonths(date, 12) : addMonths(date, 1)),
    };
    const step = steps[event.key];
    if (!step) return;
    event.preventDefault();
    move(step());
  }

  const step = view === 'month' ? (n: number) => addMonths(date, n) : (n: number) => addDays(date, 7 * n);
  const selected = byDay.get(date) ?? [];
  const weeks = view === 'month' ? [0, 1, 2, 3, 4, 5].map((row) => days.slice(row * 7, row * 7 + 7)) : [days];

  return (
    <div className="calendar-page">
      <section className="panel calendar" aria-labelledby={`${id}-heading`}>
        <div className="calendar__bar">
          <h1 id={`${id}-heading`} className="panel__title panel__title--page calendar__title">
            {t('calendar.heading')}: <span data-testid="calendar-title">{title}</span>
          </h1>
          <div className="calendar__nav" role="group" aria-label={t('calendar.navigation')}>
            <button type="button" className="button button--small" onClick={() => move(step(-1))}>
              <span aria-hidden="true">‹</span>{' '}
              {t(view === 'month' ? 'calendar.previousMonth' : 'calendar.previousWeek')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => move(today)}
              aria-label={t('calendar.todayLabel', { date: fullDate(today) })}
            >
              {t('calendar.today')}
            </button>
            <button type="button" className="button button--small" onClick={() => move(step(1))}>
              {t(view === 'month' ? 'calendar.nextMonth' : 'calendar.nextWeek')}{' '}
              <span aria-hidden="true">›</span>
            </button>
          </div>
          <div className="segmented" role="group" aria-label={t('calendar.view')}>
            {(['month', 'week'] as const).map((option) => (
              <button
                key={option}
                type="button"
                className="segmented__option"
                aria-pressed={view === option}
                onClick={() => move(date, option)}
              >
                {t(`calendar.views.${option}`)}
              </button>
            ))}
          </div>
        </div>

        {live.error && <Alert tone="warning">{t('meetings.liveError')}</Alert>}
        {error && !data && <ErrorState error={error} onRetry={() => refetch()} />}
        <p id={`${id}-help`} className="calendar__help">
          {t('calendar.keyboardHelp')}
        </p>
        <div
          ref={grid}
          role="grid"
          aria-labelledby={`${id}-heading`}
          aria-describedby={`${id}-help`}
          aria-busy={loading || undefined}
          className={`calendar-grid calendar-grid--${view}`}
          onKeyDown={onGridKeyDown}
          data-testid="calendar-grid"
        >
          <div role="row" className="calendar-grid__row calendar-grid__row--head">
            {WEEKDAYS.map((day) => (
              <div key={day} role="columnheader" className="calendar-grid__weekday">
                <abbr title={t(`calendar.weekdays.${day}`)}>{t(`calendar.weekdaysShort.${day}`)}</abbr>
              </div>
            ))}
          </div>
          {weeks.map((week) => (
            <div key={week[0]} role="row" className="calendar-grid__row">
              {week.map((key) => {
                const meetings = byDay.get(key) ?? [];
                const outside = view === 'month' && monthOf(key).month !== month;
                const classes = [
                  'calendar-day',
                  key === today ? 'calendar-day--today' : '',
                  key === date ? 'calendar-day--selected' : '',
                  outside ? 'calendar-day--outside' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <div
                    key={key}
                    role="gridcell"
                    className={classes}
                    data-date={key}
                    tabIndex={key === date ? 0 : -1}
                    aria-selected={key === date}
                    aria-current={key === today ? 'date' : undefined}
                    aria-label={`${fullDate(key)}${key === today ? `, ${t('calendar.today')}` : ''}, ${t('calendar.meetingCount', { count: meetings.length })}`}
                    onClick={() => {
                      if (key !== date) move(key);
                    }}
                  >
                    <span className="calendar-day__number" aria-hidden="true">
                      {view === 'week'
                        ? `${t(`calendar.weekdaysShort.${WEEKDAYS[weekdayIndex(key)] ?? 'mon'}`)} `
                        : ''}
                      {dayOf(key)}
                    </span>
                    <ul className="calendar-day__meetings">
                      {meetings.slice(0, view === 'month' ? 3 : meetings.length).map((meeting) => (
                        <li key={meeting.id}>
                          <Link
                            to={`/meetings/${meeting.id}`}
                            tabIndex={-1}
                            className={`calendar-chip calendar-chip--${meeting.status.toLowerCase()}`}
                            data-testid="calendar-meeting"
                            title={meeting.title}
                          >
                            <time dateTime={meeting.startsAt}>{formatTime(meeting.startsAt, timeZone)}</time>{' '}
                            <span className="calendar-chip__title">{meeting.title}</span>
                          </Link>
                        </li>
                      ))}
                      {view === 'month' && meetings.length > 3 && (
                        <li className="calendar-day__more">
                          {t('calendar.more', { count: meetings.length - 3 })}
                        </li>
                      )}
                    </ul>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        {data?.meetings.pageInfo.hasNextPage && <p className="field__hint">{t('calendar.tooMany')}</p>}
      </section>

      <aside
        className="panel calendar-day-panel"
        aria-labelledby={`${id}-day`}
        data-testid="calendar-day-panel"
      >
        <h2 id={`${id}-day`} className="panel__title" aria-live="polite">
          {fullDate(date)}
        </h2>
        {selected.length === 0 ? (
          <p className="placeholder__hint">{loading ? t('common.loading') : t('calendar.noMeetings')}</p>
        ) : (
          <ul className="day-list">
            {selected.map((meeting) => (
              <li key={meeting.id} className="day-list__item">
                <time className="day-list__time" dateTime={meeting.startsAt}>
                  {formatTime(meeting.startsAt, timeZone)}
                  {meeting.endsAt ? `–${formatTime(meeting.endsAt, timeZone)}` : ''}
                </time>
                <div>
                  <Link to={`/meetings/${meeting.id}`} className="day-list__title">
                    {meeting.title}
                  </Link>
                  <div className="day-list__meta">
                    <span className={`badge badge--${meeting.status.toLowerCase()}`}>
                      {t(`enums.meetingStatus.${meeting.status}`)}
                    </span>{' '}
                    {t(`enums.meetingKind.${meeting.kind}`)}
                    {meeting.location ? ` · ${meeting.location}` : ''}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <div className="visually-hidden" aria-live="polite">
        {live.announcement}
      </div>
    </div>
  );
}
