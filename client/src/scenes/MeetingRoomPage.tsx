import { useCallback, useId, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AgendaItemStatus, ErrorCode, MeetingStatus } from '@quorum/shared';
import { apiErrorInfo } from '../apollo/errors';
import { Alert } from '../components/Alert';
import { LiveErrorAlert } from '../components/LiveErrorAlert';
import { ErrorState, LoadingState } from '../components/LoadState';
import { AgendaTree } from '../components/meeting/AgendaTree';
import { Attachments } from '../components/meeting/Attachments';
import { applyMove, buildTree, flattenAgenda, renumber } from '../components/meeting/agenda-tree';
import type { MoveTarget } from '../components/meeting/agenda-tree';
import { ItemForm } from '../components/meeting/AgendaItemControls';
import { MeetingHeader } from '../components/meeting/MeetingHeader';
import { MinutesPanel } from '../components/meeting/MinutesPanel';
import { ParticipantsPanel } from '../components/meeting/ParticipantsPanel';
import { QuorumPanel } from '../components/meeting/QuorumPanel';
import { ReadinessPanel } from '../components/meeting/ReadinessPanel';
import { PresenceAvatars } from '../components/meeting/PresenceAvatars';
import { PresenceContext } from '../components/meeting/presence-context';
import { OpenItemsContext } from '../components/meeting/session-warnings';
import { useActionRunner } from '../components/meeting/useActionRunner';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useMeetingActions } from '../hooks/useMeetingActions';
import { useMeetingEvents } from '../hooks/useMeetingEvents';
import { useSessionContext } from '../hooks/useOrganization';
import { usePresence } from '../hooks/usePresence';
import { useRoomReload } from '../hooks/useRoomReload';
import { MeetingRoomDocument } from '../generated/graphql';
import type { AgendaItemFieldsFragment } from '../generated/graphql';

const EMPTY: AgendaItemFieldsFragment[] = [];
const OPEN_STATUSES = new Set([AgendaItemStatus.PENDING, AgendaItemStatus.IN_DISCUSSION]);

export function MeetingRoomPage() {
  const { id = '' } = useParams();
  // A new meeting is a new room: nothing carries over (a move in flight, messages).
  return <MeetingRoom key={id} meetingId={id} />;
}

function MeetingRoom({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { viewer } = useSessionContext();
  const {
    data,
    error: loadError,
    loading,
  } = useQuery(MeetingRoomDocument, {
    variables: { id: meetingId },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const meeting = data?.meeting;
  const { reload, error: reloadError } = useRoomReload(meetingId);
  const error = reloadError ?? loadError;
  const refresh = useCallback(() => reload(['room']), [reload]);
  const live = useMeetingEvents(meetingId, reload);
  const actions = useMeetingActions(meeting, refresh);
  const uploadFile = actions.uploadFile;
  const presence = usePresence(meetingId);
  const { editors, setEditing } = presence;
  const roomPresence = useMemo(() => ({ editors, setEditing }), [editors, setEditing]);
  useDocumentTitle(meeting?.title ?? t('room.heading'));

  // A move shows at once; the server's order replaces it when the room is reloaded.
  const [pendingMove, setPendingMove] = useState<MoveTarget | null>(null);
  const [moveMessage, setMoveMessage] = useState<{ tone: 'error' | 'warning'; text: string } | null>(null);
  // Numbered from the tree itself, as the server numbers it: a move shown ahead of the
  // server's answer (this person's, or another's from the live feed) reads right at once.
  const roots = useMemo(() => (meeting ? renumber(buildTree(meeting.agenda)) : EMPTY), [meeting]);
  const shown = useMemo(() => (pendingMove ? applyMove(roots, pendingMove) : roots), [roots, pendingMove]);
  const flat = useMemo(() => flattenAgenda(shown), [shown]);
  const participants = useMemo(() => meeting?.participants.edges.map((edge) => edge.node) ?? [], [meeting]);
  const openItems = useMemo(
    () =>
      flat
        .filter(({ item }) => OPEN_STATUSES.has(item.status))
        .map(({ item }) => ({ id: item.id, number: item.number, title: item.title, status: item.status })),
    [flat],
  );
  const addRunner = useActionRunner();
  const [adding, setAdding] = useState(false);

  const { moveItem, addItem } = actions;
  const onMove = moveItem
    ? (target: MoveTarget) => {
        setPendingMove(target);
        setMoveMessage(null);
        void (async () => {
          try {
            // The answer carries the whole agenda in its new order.
            await moveItem(target);
          } catch (err) {
            const code = apiErrorInfo(err)?.code;
            await refresh();
            setMoveMessage(
              code === ErrorCode.CONFLICT
                ? { tone: 'warning', text: t('room.conflict') }
                : { tone: 'error', text: t(`errors.${code ?? 'NETWORK'}`) },
            );
          } finally {
            setPendingMove(null);
          }
        })();
      }
    : undefined;

  if (!meeting) {
    if (loading) {
      return <LoadingState label={t('room.loading')} testId="room-loading" />;
    }
    if (error) {
      return (
        <ErrorState
          testId="room-error"
          message={t('room.loadError')}
          error={error}
          onRetry={() => refresh()}
        />
      );
    }
    return (
      <section className="panel not-found" data-testid="room-not-found">
        <h1 className="panel__title panel__title--page">{t('room.notFound')}</h1>
        <p>{t('room.notFoundHint')}</p>
        <Link className="button" to="/">
          {t('notFound.back')}
        </Link>
      </section>
    );
  }

  const current =
    meeting.status === MeetingStatus.IN_PROGRESS
      ? flat.find((entry) => entry.item.status === AgendaItemStatus.IN_DISCUSSION)
      : undefined;

  return (
    <OpenItemsContext value={openItems}>
      <PresenceContext value={roomPresence}>
        <div className="room" data-testid="meeting-room" data-meeting-id={meeting.id}>
          <MeetingHeader meeting={meeting} actions={actions} />
          <PresenceAvatars others={presence.others} />
          <LiveErrorAlert live={live} message={t('room.liveError')} />
          {error && (
            <Alert tone="warning">
              {t('room.refreshError')} {t(`errors.${apiErrorInfo(error)?.code ?? 'NETWORK'}`)}
            </Alert>
          )}
          {current && (
            <a
              className="current-item"
              href={`#item-${current.id}`}
              data-testid="current-item"
              data-print="hide"
            >
              <span className="current-item__label">{t('room.current')}</span>{' '}
              <span className="current-item__title">
                {current.item.number}. {current.item.title}
              </span>
            </a>
          )}

          <div className="room__grid">
            <section className="panel room__agenda" aria-labelledby={`${headingId}-agenda`}>
              <h2 id={`${headingId}-agenda`} className="panel__title">
                {t('room.agenda.heading')}
              </h2>
              {moveMessage && (
                <Alert tone={moveMessage.tone} testId="move-message">
                  {moveMessage.text}
                </Alert>
              )}
              {shown.length === 0 ? (
                <p className="placeholder placeholder--empty" data-testid="agenda-empty">
                  {t('room.agenda.empty')}
                </p>
              ) : (
                <AgendaTree
                  roots={shown}
                  meetingStartsAt={meeting.startsAt}
                  meetingStatus={meeting.status}
                  actions={actions}
                  onMove={onMove}
                  moving={pendingMove !== null}
                />
              )}
              <Attachments
                files={meeting.attachments}
                target={t('room.files.meeting')}
                upload={uploadFile ? (file, onProgress) => uploadFile(file, null, onProgress) : undefined}
                remove={actions.removeFile}
              />
              {addItem && (
                <div className="room__add" data-print="hide">
                  {adding ? (
                    <ItemForm
                      initial={{ title: '', durationMinutes: null, description: null }}
                      submitLabel={t('room.agenda.add')}
                      busy={addRunner.busy}
                      onCancel={() => setAdding(false)}
                      onSave={(draft) =>
                        void addRunner.run(() => addItem(null, draft)).then((ok) => ok && setAdding(false))
                      }
                    />
                  ) : (
                    <button type="button" className="button" onClick={() => setAdding(true)}>
                      {t('room.agenda.add')}
                    </button>
                  )}
                  {addRunner.error && (
                    <p className="field__error" role="alert">
                      {addRunner.error}
                    </p>
                  )}
                </div>
              )}
            </section>
            <aside className="room__side">
              <QuorumPanel quorum={meeting.quorum} />
              <ReadinessPanel readiness={meeting.readiness} flat={flat} />
              <ParticipantsPanel
                participants={participants}
                totalCount={meeting.participants.totalCount}
                actions={actions}
              />
            </aside>
          </div>
          <MinutesPanel meeting={meeting} viewer={viewer} />
          <div className="visually-hidden" aria-live="polite" data-testid="live-announcement">
            {live.announcement}
          </div>
        </div>
      </PresenceContext>
    </OpenItemsContext>
  );
}
