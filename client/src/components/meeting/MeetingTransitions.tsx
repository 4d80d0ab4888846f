import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingStatus } from '@quorum/shared';
import { useTimeZone } from '../../hooks/useOrganization';
import type { MeetingActions } from './actions';
import { OpenItemsContext, transitionWarnings } from './session-warnings';
import { useActionRunner } from './useActionRunner';
import type { MeetingRoomFieldsFragment } from '../../generated/graphql';

/** The word on the button that moves a meeting to a status. */
const TRANSITION_VERB: Partial<Record<MeetingStatus, string>> = {
  [MeetingStatus.SCHEDULED]: 'schedule',
  [MeetingStatus.IN_PROGRESS]: 'start',
  [MeetingStatus.CLOSED]: 'close',
  [MeetingStatus.CANCELLED]: 'cancel',
};

/** These cannot be undone: ask first. */
const IRREVERSIBLE = new Set([MeetingStatus.CLOSED, MeetingStatus.CANCELLED]);

/**
 * The buttons that move the meeting on. A step that cannot be undone, or that the office should think
 * twice about (see `transitionWarnings`), asks to be pressed again and says why.
 */
export function MeetingTransitions({
  meeting,
  actions,
}: {
  meeting: MeetingRoomFieldsFragment;
  actions: MeetingActions;
}) {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const openItems = useContext(OpenItemsContext);
  const { busy, error, run } = useActionRunner();
  const [confirming, setConfirming] = useState<MeetingStatus | null>(null);
  const { transition } = actions;
  if (!transition || actions.transitions.length === 0) return null;

  const warnings = confirming ? transitionWarnings(t, meeting, openItems, confirming, timeZone) : [];
  const onTransition = (to: MeetingStatus) => {
    const asks = IRREVERSIBLE.has(to) || transitionWarnings(t, meeting, openItems, to, timeZone).length > 0;
    if (asks && confirming !== to) {
      setConfirming(to);
      return;
    }
    setConfirming(null);
    void run(() => transition(to));
  };

  return (
    <>
      <div
        className="meeting-header__transitions"
        data-print="hide"
        role="group"
        aria-label={t('room.transitions.label')}
      >
        {actions.transitions.map((to) => {
          const verb = TRANSITION_VERB[to];
          if (!verb) return null;
          return (
            <button
              key={to}
              type="button"
              className={`button ${to === MeetingStatus.CANCELLED ? 'button--danger' : 'button--primary'}`}
              disabled={busy}
              onClick={() => onTransition(to)}
              data-testid={`transition-${to}`}
            >
              {confirming === to ? t(`room.transitions.${verb}Confirm`) : t(`room.transitions.${verb}`)}
            </button>
          );
        })}
        {confirming && (
          <button type="button" className="button button--ghost" onClick={() => setConfirming(null)}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="meeting-header__confirm" role="status" data-testid="transition-warnings">
          {warnings.map((warning) => (
            <p key={warning}>{warning}</p>
          ))}
          <p>
            {IRREVERSIBLE.has(confirming)
              ? t('room.transitions.confirmHint')
              : t('room.transitions.pressAgain')}
          </p>
        </div>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
