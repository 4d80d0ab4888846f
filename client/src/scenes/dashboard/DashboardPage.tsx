// The leaders' dashboard ("tổng quan điều hành"): the year's programme progress, tasks by status and by unit
// with the overdue trend, upcoming meetings with their readiness, appraisals waiting, the viewer's own tasks.
// Live: any change in the organization's feed reads the figures again (once per burst). Every figure links to
// the list behind it.
import { useCallback, useId } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LiveErrorAlert } from '../../components/LiveErrorAlert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { MonthChart } from '../../components/programme/ProgrammeCharts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormatDateTime, useLocale } from '../../hooks/useFormat';
import { useDescribeFeedEvent, useLiveFeed } from '../../hooks/useLiveFeed';
import { useSessionContext, useTimeZone } from '../../hooks/useOrganization';
import { formatDate } from '../../i18n/format';
import { OverdueTrendChart, StatusChart, UnitChart } from './DashboardCharts';
import { appraisalsLink, tasksLink } from './dashboard-links';
import { DashboardDocument, DashboardEventsDocument } from '../../generated/graphql';
import type { DashboardQuery } from '../../generated/graphql';
import '../programme/programme.css';
import './dashboard.css';

type Figures = DashboardQuery['dashboard'];

/** A burst of changes (a conclusion's tasks, a bulk extension) reads the figures once. */
const RELOAD_DEBOUNCE_MS = 300;

export function DashboardPage() {
  const { t } = useTranslation();
  const id = useId();
  useDocumentTitle(t('dashboard.heading'));
  const formatDateTime = useFormatDateTime();
  // This year, as the server counts it (the organization's time zone).
  const { data, error, loading, refetch } = useQuery(DashboardDocument, {
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const reload = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  const describe = useDescribeFeedEvent('dashboard');
  const live = useLiveFeed(
    DashboardEventsDocument,
    {},
    { concerns: () => true, describe, reload, what: 'the dashboard', debounceMs: RELOAD_DEBOUNCE_MS },
  );

  let body;
  if (data?.dashboard) body = <Figures figures={data.dashboard} />;
  else if (error) body = <ErrorState message={t('dashboard.loadError')} error={error} onRetry={reload} />;
  else if (loading) body = <LoadingState />;

  return (
    <section className="panel dashboard" aria-labelledby={`${id}-heading`} data-testid="dashboard">
      <div className="dashboard__head">
        <h1 id={`${id}-heading`} className="panel__title panel__title--page">
          {t('dashboard.heading')}
        </h1>
        {data?.dashboard && (
          <p className="dashboard__as-of" data-testid="dashboard-as-of">
            {t('dashboard.asOf', { time: formatDateTime(data.dashboard.asOf) })}
          </p>
        )}
      </div>
      <LiveErrorAlert live={live} message={t('dashboard.liveError')} />
      {body}
      <div className="visually-hidden" aria-live="polite" data-testid="live-announcement">
        {live.announcement}
      </div>
    </section>
  );
}

function Figures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const day = (iso: string) => formatDate(iso, locale, timeZone);
  return (
    <div className="dashboard__grid">
      <section className="dashboard-card dashboard-card--wide" data-testid="dashboard-programme">
        <h2 className="dashboard-card__title">{t('dashboard.programme.title', { year: figures.year })}</h2>
        {figures.programmes.length === 0 ? (
          <p className="placeholder">{t('dashboard.programme.empty', { year: figures.year })}</p>
        ) : (
          <>
            <p className="dashboard-card__summary" data-testid="dashboard-programme-summary">
              {t('dashboard.programme.summary', {
                adopted: figures.adoptedCount,
                planned: figures.plannedCount,
              })}
            </p>
            <ul className="dashboard-list" aria-label={t('dashboard.programme.programmes')}>
              {figures.programmes.map((p) => (
                <li key={p.id}>
                  <Link to={`/programme/${p.id}`}>{p.title}</Link>{' '}
                  <span className="dashboard-muted">
                    {p.unit.shortName ?? p.unit.name} · {p.adoptedCount}/{p.plannedCount}
                  </span>
                </li>
              ))}
            </ul>
            <MonthChart months={figures.programmeProgress} />
          </>
        )}
      </section>

      <StatusChart rows={figures.tasksByStatus} />
      <OverdueTrendChart points={figures.overdueTrend} formatDate={day} />
      <div className="dashboard-card--wide">
        <UnitChart rows={figures.tasksByUnit} />
      </div>

      <Meetings figures={figures} />
      <Appraisals figures={figures} day={day} />
      <OwnTasks figures={figures} day={day} />
    </div>
  );
}

function Meetings({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <section className="dashboard-card" data-testid="dashboard-meetings">
      <h2 className="dashboard-card__title">{t('dashboard.meetings.title')}</h2>
      <p className="dashboard-card__summary">
        {/* The meetings list (the home's, reached from inside the app) with the figure's own filter. */}
        <Link
          to={`/?upcoming=${encodeURIComponent(figures.upcomingFrom)}`}
          data-testid="dashboard-meeting-count"
        >
          {t('dashboard.meetings.count', { count: figures.upcomingMeetingCount })}
        </Link>
      </p>
      {figures.upcomingMeetings.length === 0 ? (
        <p className="placeholder">{t('dashboard.meetings.empty')}</p>
      ) : (
        <ul className="dashboard-list">
          {figures.upcomingMeetings.map((m) => (
            <li key={m.id} data-testid="dashboard-meeting">
              <Link to={`/meetings/${m.id}`}>{m.title}</Link>
              <div className="dashboard-muted">
                {formatDateTime(m.startsAt)} · {t(`enums.meetingStatus.${m.status}`)}
              </div>
              <div className="dashboard-muted">
                {m.readiness.total === 0
                  ? t('dashboard.meetings.noAgenda')
                  : m.readiness.complete
                    ? t('dashboard.meetings.ready')
                    : t('dashboard.meetings.readiness', {
                        ready: m.readiness.ready,
                        total: m.readiness.total,
                      })}
                {m.readiness.participants > 0 &&
                  ` · ${t('dashboard.meetings.materialsRead', {
                    read: m.readiness.materialsRead,
                    participants: m.readiness.participants,
                  })}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Appraisals({ figures, day }: { figures: Figures; day: (iso: string) => string }) {
  const { t } = useTranslation();
  return (
    <section className="dashboard-card" data-testid="dashboard-appraisals">
      <h2 className="dashboard-card__title">{t('dashboard.appraisals.title')}</h2>
      <dl className="dashboard-stats">
        <div>
          <dt>{t('dashboard.appraisals.waiting')}</dt>
          <dd>
            <Link to={appraisalsLink()} data-testid="dashboard-appraisals-waiting">
              {figures.appraisalsWaiting}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.appraisals.overdue')}</dt>
          <dd>
            <Link to={appraisalsLink(true)} data-testid="dashboard-appraisals-overdue">
              {figures.appraisalsOverdue}
            </Link>
          </dd>
        </div>
      </dl>
      <h3 className="dashboard-card__subtitle">
        <Link to="/proposals?view=waiting">{t('dashboard.appraisals.mine')}</Link>
      </h3>
      {figures.waitingForViewerUnits.length === 0 ? (
        <p className="placeholder">{t('dashboard.appraisals.empty')}</p>
      ) : (
        <ul className="dashboard-list">
          {figures.waitingForViewerUnits.map((w) => (
            <li key={w.assignment.id}>
              <Link to={`/proposals/${w.appraisal.proposal.id}`}>{w.appraisal.proposal.title}</Link>
              <div className="dashboard-muted">
                {w.assignment.unit.shortName ?? w.assignment.unit.name} ·{' '}
                {t('dashboard.appraisals.due', { date: day(w.appraisal.dueAt) })}
                {w.overdue && (
                  <span className="badge badge--task-overdue"> {t('dashboard.appraisals.lateBadge')}</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OwnTasks({ figures, day }: { figures: Figures; day: (iso: string) => string }) {
  const { t } = useTranslation();
  const viewerId = useSessionContext().viewer.id;
  return (
    <section className="dashboard-card" data-testid="dashboard-own-tasks">
      <h2 className="dashboard-card__title">{t('dashboard.own.title')}</h2>
      <p className="dashboard-card__summary">
        <Link to={tasksLink({ assigneeId: viewerId })} data-testid="dashboard-own-count">
          {t('dashboard.own.count', { count: figures.ownOpenTaskCount })}
        </Link>
      </p>
      {figures.ownTasks.length === 0 ? (
        <p className="placeholder">{t('dashboard.own.empty')}</p>
      ) : (
        <ul className="dashboard-list">
          {figures.ownTasks.map((task) => (
            <li key={task.id}>
              <Link to={`/tasks/${task.id}`}>{task.title}</Link>
              <div className="dashboard-muted">
                {t(`tasks.status.${task.status}`)} · {t('dashboard.own.due', { date: day(task.dueAt) })}
                {task.overdue && <span className="badge badge--task-overdue"> {t('tasks.overdue')}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
