import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { proposalTransitionNeedsReason, ProposalStatus } from '@quorum/shared';
import { useActionRunner } from '../meeting/useActionRunner';
import { ChangeProposalStatusDocument } from '../../generated/graphql';
import type { ProposalFieldsFragment } from '../../generated/graphql';

/** These end the proposal's way: asked twice. */
const FINAL = new Set([ProposalStatus.ADOPTED, ProposalStatus.REJECTED, ProposalStatus.WITHDRAWN]);

interface ProposalTransitionsProps {
  proposal: ProposalFieldsFragment;
  /** Sending to appraisal asks which units, by when: the appraisal tab's form, not a bare move. */
  onRequestAppraisal: () => void;
  onChanged: () => void;
}

/**
 * The moves the server says the viewer may make now (`viewerCan.transitions`), nothing else. Returning it to
 * drafting asks for the reason, which the drafters will read.
 */
export function ProposalTransitions({ proposal, onRequestAppraisal, onChanged }: ProposalTransitionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useActionRunner();
  const [changeStatus] = useMutation(ChangeProposalStatusDocument);
  const [confirming, setConfirming] = useState<ProposalStatus | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const transitions = proposal.viewerCan.transitions;
  if (transitions.length === 0) return null;

  const move = (to: ProposalStatus, why?: string) =>
    run(async () => {
      await changeStatus({
        variables: {
          input: {
            proposalId: proposal.id,
            to,
            expectedVersion: proposal.version,
            ...(why ? { reason: why } : {}),
          },
        },
      });
      setConfirming(null);
      setReason('');
      onChanged();
    });

  const onPress = (to: ProposalStatus) => {
    if (to === ProposalStatus.IN_APPRAISAL) {
      onRequestAppraisal();
      return;
    }
    if (FINAL.has(to)) {
      if (confirming === to) void move(to);
      else setConfirming(to);
      return;
    }
    if (proposalTransitionNeedsReason(to)) {
      setConfirming(confirming === to ? null : to);
      return;
    }
    void move(to);
  };

  return (
    <div className="proposal-transitions" data-testid="proposal-transitions">
      <div className="meeting-header__transitions" role="group" aria-label={t('proposals.transitions.label')}>
        {transitions.map((to) => (
          <button
            key={to}
            type="button"
            className={`button ${FINAL.has(to) || to === ProposalStatus.RETURNED ? 'button--danger' : 'button--primary'}`}
            disabled={busy}
            aria-expanded={proposalTransitionNeedsReason(to) ? confirming === to : undefined}
            onClick={() => onPress(to)}
            data-testid={`proposal-transition-${to}`}
          >
            {confirming === to && FINAL.has(to)
              ? t('proposals.transitions.confirm', { action: t(`proposals.transitions.to.${to}`) })
              : t(`proposals.transitions.to.${to}`)}
          </button>
        ))}
        {confirming && (
          <button type="button" className="button button--ghost" onClick={() => setConfirming(null)}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      {confirming && FINAL.has(confirming) && (
        <p className="meeting-header__confirm" role="status">
          {t('proposals.transitions.finalHint')}
        </p>
      )}
      {confirming && proposalTransitionNeedsReason(confirming) && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) {
              setReasonError(t('proposals.transitions.reasonRequired'));
              return;
            }
            setReasonError(null);
            void move(confirming, reason.trim());
          }}
          data-testid="return-form"
        >
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('proposals.transitions.reason')}</label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              value={reason}
              autoFocus
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            />
            {reasonError && (
              <p id={`${id}-reason-error`} className="field__error">
                {reasonError}
              </p>
            )}
          </div>
          <div className="inline-form__actions">
            <button type="submit" className="button button--danger" disabled={busy}>
              {t(`proposals.transitions.to.${confirming}`)}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
