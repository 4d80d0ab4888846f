import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { downloadFile } from '../../components/download';
import { LiveErrorAlert } from '../../components/LiveErrorAlert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormatDateTime } from '../../hooks/useFormat';
import { useTaskListEvents } from '../../hooks/useTaskEvents';
import { FollowUpMeetingsDocument, FollowUpReportDocument } from '../../generated/graphql';
import type { FollowUpReportFilter, FollowUpReportQuery } from '../../generated/graphql';
import './followup.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COLUMNS = ['assigned', 'doneOnTime', 'doneLate', 'overdue', 'inProgress'] as const;
type Column = (typeof COLUMNS)[number];

/** The filters live in the address, with the names the task table uses (`from`, `to`, `meeting`). */
function useReportParams(): [FollowUpReportFilter, (next: FollowUpReportFilter) => void] {
  const [params, setParams] = useSearchParams();
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : undefined;
  };
  const from = day('from');
  const to = day('to');
  const meeting = params.get('meeting') || undefined;
  const filter = useMemo<FollowUpReportFilter>(
    () => ({
      ...(from ? { dueFrom: from } : {}),
      ...(to ? { dueTo: to } : {}),
      ...(meeting ? { sourceMeetingId: meeting } : {}),
    }),
    [from, to, meeting],
  );
  const set = useCallback(
    (next: FollowUpReportFilter) => {
      const search = new URLSearchParams();
      if (next.dueFrom) search.set('from', next.dueFrom);
      if (next.dueTo) search.set('to', next.dueTo);
      if (next.sourceMeetingId) search.set('meeting', next.sourceMeetingId);
      setParams(search, { replace: true });
    },
    [setParams],
  );
  return [filter, set];
}

/**
 * Where the tasks behind a figure are listed, when the task table can show exactly them: all of a unit's
 * (`unit`), its overdue ones (`overdue=1`), with the report's own filters (`meeting`, `from`, `to`). The done
 * and in-progress figures have no single filter of the table (on time or late; open and not yet due).
 */
function tasksLink(column: Column, filter: FollowUpReportFilter, unitId?: string): string | null {
  if (column !== 'assigned' && column !== 'overdue') return null;
  if (column === 'assigned' && !unitId) return null;
  const search = new URLSearchParams({ mode: 'table' });
  if (unitId) search.set('unit', unitId);
  if (column === 'overdue') search.set('overdue', '1');
  if (filter.sourceMeetingId) search.set('meeting', filter.sourceMeetingId);
  if (filter.dueFrom) search.set('from', filter.dueFrom);
  if (filter.dueTo) search.set('to', filter.dueTo);
  return `/tasks?${search.toString()}`;
}

export function FollowUpPage() {
  const { t } = useTranslation();
  const id = useId();
  const formatDateTime = useFormatDateTime();
  useDocumentTitle(t('followUp.nav'));
  const [filter, setFilter] = useReportParams();
  const rangeInvalid = Boolean(filter.dueFrom && filter.dueTo && filter.dueFrom > filter.dueTo);
  const anyFilter = Boolean(filter.dueFrom || filter.dueTo || filter.sourceMeetingId);
  const meetings = useQuery(FollowUpMeetingsDocument);
  const meetingOptions = meetings.data?.meetings.edges.map((edge) => edge.node) ?? [];
  const { data, previousData, error, loading, refetch } = useQuery(FollowUpReportDocument, {
    variables: { filter: anyFilter ? filter : null },
    skip: rangeInvalid,
    fetchPolicy: 'cache-and-network',
  });
  // While other filters load, the figures before them stay, marked busy.
  const report = (data ?? previousData)?.followUpReport;
  const stale = loading && !data;

  // A task's change moves the figures: read them again, once per burst.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const live = useTaskListEvents(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch().catch(() => undefined), 150);
  });

  const [downloading, setDownloading] = useState<'pdf' | 'xlsx' | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const download = async (format: 'pdf' | 'xlsx') => {
    setDownloading(format);
    setDownloadError(null);
    try {
      await downloadFile(`/reports/follow-up.${format}`, {
        params: {
          dueFrom: filter.dueFrom ?? undefined,
          dueTo: filter.dueTo ?? undefined,
          sourceMeetingId: filter.sourceMeetingId ?? undefined,
        },
        fallbackName: `bao-cao-theo-doi-nhiem-vu.${format}`,
      });
    } catch {
      setDownloadError(t('followUp.download.error'));
    } finally {
      setDownloading(null);
    }
  };

  const cell = (
    column: Column,
    counts: FollowUpReportQuery['followUpReport']['totals'],
    unit?: { id: string; name: string },
  ) => {
    const value = counts[column];
    const to = value > 0 ? tasksLink(column, filter, unit?.id) : null;
    const className = column === 'overdue' && value > 0 ? 'followup-table__overdue' : undefined;
    if (!to) return <span className={className}>{value}</span>;
    return (
      <Link
        to={to}
        className={className}
        aria-label={t('followUp.linkLabel', {
          count: value,
          what: t(`followUp.columns.${column}`),
          unit: unit?.name ?? t('followUp.totals'),
        })}
        data-testid={`followup-link-${column}`}
      >
        {value}
      </Link>
    );
  };

  let body;
  if (rangeInvalid) {
    body = (
      <Alert tone="warning" testId="followup-range-invalid">
        {t('followUp.filters.rangeInvalid')}
      </Alert>
    );
  } else if (!report && !error) {
    body = <LoadingState label={t('followUp.loading')} testId="followup-loading" />;
  } else if (!report) {
    body = (
      <ErrorState
        testId="followup-error"
        message={t('followUp.loadError')}
        error={error}
        onRetry={() => refetch()}
      />
    );
  } else if (report.rows.length === 0) {
    body = (
      <div className="placeholder placeholder--empty" data-testid="followup-empty">
        <p>{anyFilter ? t('followUp.emptyFiltered') : t('followUp.empty')}</p>
      </div>
    );
  } else {
    body = (
      <div className="table-wrap" aria-busy={stale || undefined}>
        <table
          className="meetings-table followup-table"
          aria-describedby={`${id}-as-of`}
          data-testid="followup-table"
        >
          <caption className="visually-hidden">{t('followUp.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followUp.columns.unit')}</th>
              {COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {t(`followUp.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.unit.id} data-testid="followup-row" data-unit-id={row.unit.id}>
                <th scope="row" title={row.unit.name}>
                  {row.unit.name}
                </th>
                {COLUMNS.map((column) => (
                  <td key={column} data-column={column}>
                    {cell(column, row, row.unit)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="followup-totals">
              <th scope="row">{t('followUp.totals')}</th>
              {COLUMNS.map((column) => (
                <td key={column} data-column={column}>
                  {cell(column, report.totals)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    );
  }

  return (
    <div className="meetings-page meetings-page--single">
      <section className="panel meetings" aria-labelledby={`${id}-heading`}>
        <h1 id={`${id}-heading`} className="panel__title panel__title--page">
          {t('followUp.heading')}
        </h1>
        <p className="meetings__summary">{t('followUp.intro')}</p>
        <LiveErrorAlert live={live} message={t('programme.liveError')} />
        <form
          className="followup-filters"
          aria-label={t('followUp.filters.label')}
          onSubmit={(event) => event.preventDefault()}
          data-testid="followup-filters"
        >
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('followUp.filters.dueFrom')}</label>
            <input
              id={`${id}-from`}
              type="date"
              value={filter.dueFrom ?? ''}
              max={filter.dueTo ?? undefined}
              onChange={(event) => setFilter({ ...filter, dueFrom: event.target.value || undefined })}
              aria-invalid={rangeInvalid || undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('followUp.filters.dueTo')}</label>
            <input
              id={`${id}-to`}
              type="date"
              value={filter.dueTo ?? ''}
              min={filter.dueFrom ?? undefined}
              onChange={(event) => setFilter({ ...filter, dueTo: event.target.value || undefined })}
              aria-invalid={rangeInvalid || undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-meeting`}>{t('followUp.filters.meeting')}</label>
            <select
              id={`${id}-meeting`}
              value={filter.sourceMeetingId ?? ''}
              onChange={(event) => setFilter({ ...filter, sourceMeetingId: event.target.value || undefined })}
            >
              <option value="">{t('followUp.filters.allMeetings')}</option>
              {filter.sourceMeetingId && !meetingOptions.some((m) => m.id === filter.sourceMeetingId) && (
                <option value={filter.sourceMeetingId}>{filter.sourceMeetingId}</option>
              )}
              {meetingOptions.map((meeting) => (
                <option key={meeting.id} value={meeting.id}>
                  {meeting.title} ({formatDateTime(meeting.startsAt)})
                </option>
              ))}
            </select>
          </div>
          {anyFilter && (
            <button type="button" className="button button--ghost" onClick={() => setFilter({})}>
              {t('followUp.filters.clear')}
            </button>
          )}
        </form>
        <div className="followup-downloads" role="group" aria-label={t('followUp.download.label')}>
          {(['pdf', 'xlsx'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="button"
              disabled={downloading !== null || rangeInvalid}
              onClick={() => void download(format)}
              data-testid={`followup-download-${format}`}
            >
              {downloading === format ? t('followUp.download.downloading') : t(`followUp.download.${format}`)}
            </button>
          ))}
        </div>
        {downloadError && <Alert tone="error">{downloadError}</Alert>}
        {report && !rangeInvalid && (
          <p id={`${id}-as-of`} className="meetings__summary" data-testid="followup-as-of">
            {t('followUp.asOf', { date: formatDateTime(report.asOf) })}
          </p>
        )}
        {body}
      </section>
      <div className="visually-hidden" aria-live="polite" data-testid="live-announcement">
        {live.announcement}
      </div>
    </div>
  );
}
