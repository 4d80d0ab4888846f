import { useTranslation } from 'react-i18next';
import { AgendaItemStatus, MeetingStatus } from '@quorum/shared';
import { useLocale } from '../../hooks/useFormat';
import { useTimeZone } from '../../hooks/useOrganization';
import { formatMinutes, formatTime } from '../../i18n/format';
import type { MeetingActions } from './actions';
import type { PlannedTime, AgendaNode } from './agenda-tree';
import { AgendaItemControls } from './AgendaItemControls';
import { EditingMarker } from './PresenceAvatars';
import { Attachments } from './Attachments';
import { ConclusionTasks } from '../task/ConclusionTasksForm';

interface AgendaItemBodyProps {
  item: AgendaNode;
  depth: number;
  time: PlannedTime | undefined;
  meetingStatus: MeetingStatus;
  actions: MeetingActions;
}

const READINESS_FLAGS = ['presenterConfirmed', 'materialsAttached', 'appraisalFinished'] as const;

export function presenterName(item: AgendaNode): string | null {
  const user = item.presenterUser?.fullName;
  const unit = item.presenterUnit?.name;
  if (user && unit) return `${user} (${unit})`;
  return user ?? unit ?? null;
}

/** One agenda item as read in the room and printed in the meeting book. */
export function AgendaItemBody({ item, depth, time, meetingStatus, actions }: AgendaItemBodyProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const Heading = depth === 0 ? 'h3' : 'h4';
  const presenter = presenterName(item);
  const current =
    item.status === AgendaItemStatus.IN_DISCUSSION && meetingStatus === MeetingStatus.IN_PROGRESS;
  const leaf = (item.children?.length ?? 0) === 0;
  // Readiness is about preparing: once the session has started it is no longer news.
  const open = meetingStatus === MeetingStatus.DRAFT || meetingStatus === MeetingStatus.SCHEDULED;
  const uploadFile = actions.uploadFile;
  const editable = actions.canEdit(item);

  return (
    <article className="agenda-item" aria-current={current ? 'step' : undefined}>
      <div className="agenda-item__head">
        <span className="agenda-item__number" data-testid="agenda-number">
          {item.number}.
        </span>
        <Heading className="agenda-item__title" data-testid="agenda-title">
          {item.title}
        </Heading>
        {item.status !== AgendaItemStatus.PENDING && (
          <span className={`badge badge--item-${item.status.toLowerCase()}`} data-testid="agenda-status">
            {t(`enums.agendaItemStatus.${item.status}`)}
          </span>
        )}
      </div>
      <p className="agenda-item__meta">
        {time && time.minutes > 0 && (
          <span className="agenda-item__time">
            <time dateTime={time.startsAt.toISOString()}>{formatTime(time.startsAt, timeZone)}</time>–
            <time dateTime={time.endsAt.toISOString()}>{formatTime(time.endsAt, timeZone)}</time>
          </span>
        )}
        {time && time.minutes > 0 && (
          <span className="agenda-item__duration">
            {formatMinutes(time.minutes, locale)}
            {time.childMinutes !== null && time.childMinutes !== time.minutes && (
              <> ({t('room.agenda.subItems', { duration: formatMinutes(time.childMinutes, locale) })})</>
            )}
          </span>
        )}
        {presenter && (
          <span className="agenda-item__presenter">
            {t('room.agenda.presenter')}: {presenter}
            {item.presenterConfirmedAt && (
              <span className="agenda-item__confirmed" title={t('room.readiness.presenterConfirmed')}>
                {' '}
                <span aria-hidden="true">✓</span>
                <span className="visually-hidden">{t('room.readiness.presenterConfirmed')}</span>
              </span>
            )}
          </span>
        )}
      </p>
      {leaf && open && (
        <ul className="item-readiness" aria-label={t('room.readiness.heading')} data-print="hide">
          {READINESS_FLAGS.map((flag) => (
            <li
              key={flag}
              className={item.readiness[flag] ? 'item-readiness__flag--done' : 'item-readiness__flag--todo'}
            >
              <span aria-hidden="true">{item.readiness[flag] ? '✓' : '○'}</span> {t(`room.readiness.${flag}`)}
              <span className="visually-hidden">
                : {item.readiness[flag] ? t('room.readiness.yes') : t('room.readiness.no')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {item.description && <p className="agenda-item__description">{item.description}</p>}
      {item.proposal && (
        <div className="agenda-item__proposal" data-testid="agenda-proposal">
          <span className="agenda-item__label">{t(`enums.proposalKind.${item.proposal.kind}`)}:</span>{' '}
          {item.proposal.referenceNumber && (
            <span className="agenda-item__reference">{item.proposal.referenceNumber} </span>
          )}
          <span className="agenda-item__proposal-title">{item.proposal.title}</span>{' '}
          <span className={`badge badge--proposal-${item.proposal.status.toLowerCase()}`}>
            {t(`enums.proposalStatus.${item.proposal.status}`)}
          </span>
          {item.proposal.summary && (
            <p className="agenda-item__summary">
              <span className="agenda-item__label">{t('room.agenda.summary')}:</span> {item.proposal.summary}
            </p>
          )}
        </div>
      )}
      {item.conclusion && (
        <div className="agenda-item__conclusion" data-testid="agenda-conclusion">
          <span className="agenda-item__label">{t('room.agenda.conclusion')}:</span> {item.conclusion}
        </div>
      )}
      <ConclusionTasks item={item} meetingStatus={meetingStatus} />
      {item.vote && (
        <p className="agenda-item__vote" data-testid="agenda-vote">
          <span className="agenda-item__label">{t('room.agenda.vote')}:</span>{' '}
          {t('room.agenda.voteCounts', {
            votesFor: item.vote.votesFor,
            votesAgainst: item.vote.votesAgainst,
            abstentions: item.vote.abstentions,
          })}{' '}
          <span className={`badge badge--outcome-${item.vote.outcome.toLowerCase()}`}>
            {t(`enums.voteOutcome.${item.vote.outcome}`)}
          </span>
        </p>
      )}
      <Attachments
        files={item.attachments}
        target={t('room.files.item', { number: item.number })}
        compact
        upload={
          uploadFile && editable ? (file, onProgress) => uploadFile(file, item.id, onProgress) : undefined
        }
        remove={editable ? actions.removeFile : undefined}
      />
      <EditingMarker itemId={item.id} />
      <AgendaItemControls item={item} depth={depth} actions={actions} />
    </article>
  );
}
