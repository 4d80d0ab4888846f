import { lazy, Suspense, useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '@quorum/shared';
import { useDownload } from '../../hooks/useDownload';
import { useFormatDateTime } from '../../hooks/useFormat';
import { DocumentVersions, type VersionsOf } from '../collab/DocumentVersions';
import { ErrorState, LoadingState } from '../LoadState';
import { downloadMinutes } from './downloads';
import './minutes.css';
import type { MinutesFormat } from './downloads';
import { MeetingMinutesDocument, MeetingMinutesVersionsDocument } from '../../generated/graphql';

const FORMATS: MinutesFormat[] = ['docx', 'pdf'];

/** The editor (TipTap, Yjs, IndexedDB) is loaded only when the minutes are opened, not with the room. */
const MinutesEditor = lazy(() =>
  import('./MinutesEditor').then(
    (module) => ({ default: module.MinutesEditor }),
    (error: unknown) => ({
      default: function MinutesEditorMissing() {
        const { t } = useTranslation();
        return <ErrorState testId="minutes-error" message={t('minutes.loadError')} error={error} />;
      },
    }),
  ),
);

const minutesVersions: VersionsOf = { words: 'minutes.versions', statuses: 'meetingStatus' };

/**
 * The minutes' saved versions: kept and restored by whoever writes the minutes now (the server's
 * `viewerCanEdit`), listed and compared by every reader. A restore reaches the open editor live.
 */
function MinutesVersions({ meetingId, onChanged }: { meetingId: string; onChanged: () => void }) {
  const { data, error, loading, refetch } = useQuery(MeetingMinutesVersionsDocument, {
    variables: { id: meetingId },
    fetchPolicy: 'cache-and-network',
  });
  const meeting = data?.meeting;
  const writes = meeting?.minutes?.viewerCanEdit ?? false;
  return (
    <DocumentVersions
      subject={{ meetingId }}
      of={minutesVersions}
      list={{
        versions: meeting ? meeting.minutesVersions.edges.map((edge) => edge.node) : null,
        loading,
        error,
      }}
      can={{ keep: writes, restore: writes }}
      onChanged={() => {
        void refetch().catch(() => undefined);
        onChanged();
      }}
      testId="minutes-versions"
    />
  );
}

interface MinutesPanelProps {
  meeting: { id: string; status: MeetingStatus };
  viewer: { id: string; fullName: string };
}

/**
 * The meeting's minutes (biên bản): opened on request, co-edited by the secretaries and the office while the
 * meeting is scheduled or in progress, read by the other participants, locked once the meeting is closed; and
 * downloaded as DOCX or PDF.
 */
export function MinutesPanel({ meeting, viewer }: MinutesPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [showVersions, setShowVersions] = useState(false);
  const { busy, error, download } = useDownload<MinutesFormat>(t('minutes.downloads.unavailable'));
  const formatDateTime = useFormatDateTime();
  // Read again on each opening and closing: the text may have been stored since.
  const { data, refetch } = useQuery(MeetingMinutesDocument, {
    variables: { id: meeting.id },
    fetchPolicy: 'cache-and-network',
  });
  const minutes = data?.meeting?.minutes ?? null;
  const toggle = () => {
    setOpen((value) => !value);
    void refetch().catch(() => undefined);
  };

  return (
    <section className="panel room__minutes" aria-labelledby={`${id}-heading`} data-testid="minutes-panel">
      <div className="room__minutes-bar">
        <h2 id={`${id}-heading`} className="panel__title">
          {t('minutes.heading')}
        </h2>
        <button
          type="button"
          className="button button--small"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={toggle}
          data-testid="minutes-toggle"
          data-print="hide"
        >
          {open ? t('minutes.close') : t('minutes.open')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-expanded={showVersions}
          aria-controls={`${id}-versions`}
          onClick={() => setShowVersions((value) => !value)}
          data-testid="minutes-versions-toggle"
          data-print="hide"
        >
          {t('minutes.versions.toggle')}
        </button>
        <div
          className="meeting-toolbar__buttons"
          role="group"
          aria-label={t('minutes.downloads.label')}
          data-print="hide"
        >
          {FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              className="button button--small"
              disabled={busy !== null}
              aria-busy={busy === format || undefined}
              onClick={() => void download(format, () => downloadMinutes(meeting.id, format))}
              data-testid={`minutes-download-${format}`}
            >
              {busy === format ? t('minutes.downloads.busy') : t(`minutes.downloads.${format}`)}
            </button>
          ))}
        </div>
      </div>
      {minutes && (
        <p className="field__hint" data-testid="minutes-summary">
          {minutes.locked
            ? t('minutes.mode.locked')
            : minutes.viewerCanEdit
              ? t('minutes.summary.edit')
              : t('minutes.summary.read')}{' '}
          {t('minutes.summary.updated', { time: formatDateTime(minutes.updatedAt) })}
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div id={`${id}-versions`} hidden={!showVersions} data-print="hide">
        {showVersions && (
          <MinutesVersions meetingId={meeting.id} onChanged={() => void refetch().catch(() => undefined)} />
        )}
      </div>
      <div id={`${id}-body`} hidden={!open}>
        {open && (
          <>
            <p className="field__hint">{t('minutes.intro')}</p>
            <Suspense fallback={<LoadingState label={t('minutes.loading')} testId="minutes-loading" />}>
              <MinutesEditor meeting={meeting} viewer={viewer} />
            </Suspense>
          </>
        )}
      </div>
    </section>
  );
}
