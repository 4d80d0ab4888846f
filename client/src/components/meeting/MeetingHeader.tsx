import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Classification } from '@quorum/shared';
import { useFormatDateTime } from '../../hooks/useFormat';
import type { MeetingActions } from './actions';
import { CopyMeetingPanel } from './CopyMeetingPanel';
import { MeetingDetails } from './MeetingDetails';
import { MeetingToolbar } from './MeetingToolbar';
import { MeetingTransitions } from './MeetingTransitions';
import { useActionRunner } from './useActionRunner';
import type { MeetingRoomFieldsFragment } from '../../generated/graphql';

export function MeetingHeader({
  meeting,
  actions,
}: {
  meeting: MeetingRoomFieldsFragment;
  actions: MeetingActions;
}) {
  const { t } = useTranslation();
  const { busy, error, run } = useActionRunner();
  const { markMaterialsRead } = actions;
  const formatDateTime = useFormatDateTime();
  const readAt = meeting.viewerParticipant?.materialsReadAt;

  return (
    <header className="panel meeting-header">
      <nav className="breadcrumb" aria-label={t('room.breadcrumb')} data-print="hide">
        <Link to="/">{t('nav.meetings')}</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{t('room.heading')}</span>
      </nav>
      <p className="meeting-header__org" data-print="only">
        {meeting.committee.name}
      </p>
      <h1 className="meeting-header__title" data-testid="room-title">
        {meeting.title}
      </h1>
      <p className="meeting-header__badges">
        <span className={`badge badge--${meeting.status.toLowerCase()}`} data-testid="room-status">
          {t(`enums.meetingStatus.${meeting.status}`)}
        </span>
        <span className="badge">{t(`enums.meetingKind.${meeting.kind}`)}</span>
        {meeting.isTemplate && <span className="badge badge--template">{t('room.copy.template')}</span>}
        {meeting.classification !== Classification.INTERNAL && (
          <span className={`badge badge--classification badge--${meeting.classification.toLowerCase()}`}>
            {t(`enums.classification.${meeting.classification}`)}
          </span>
        )}
      </p>
      <MeetingDetails meeting={meeting} />

      {(markMaterialsRead || readAt) && (
        <p className="meeting-header__read" data-print="hide">
          {readAt ? (
            <span className="meeting-header__read-done">
              <span aria-hidden="true">✓</span>{' '}
              {t('room.materialsReadDone', { date: formatDateTime(readAt) })}
            </span>
          ) : (
            markMaterialsRead && (
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() => void run(markMaterialsRead)}
              >
                {t('room.materialsRead')}
              </button>
            )
          )}
        </p>
      )}
      <MeetingTransitions meeting={meeting} actions={actions} />
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <MeetingToolbar meetingId={meeting.id} />
      <CopyMeetingPanel meeting={meeting} actions={actions} />
    </header>
  );
}
