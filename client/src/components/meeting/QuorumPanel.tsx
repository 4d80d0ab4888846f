import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingRoomFieldsFragment } from '../../generated/graphql';

/** The quorum as the server derives it from the participants' attendance, live. */
export function QuorumPanel({ quorum }: { quorum: MeetingRoomFieldsFragment['quorum'] }) {
  const { t } = useTranslation();
  const id = useId();
  const percent = quorum.members > 0 ? Math.round((quorum.present / quorum.members) * 100) : 0;
  return (
    <section
      className={`panel quorum ${quorum.reached ? 'quorum--reached' : 'quorum--short'}`}
      aria-labelledby={`${id}-heading`}
      data-testid="quorum"
      data-reached={quorum.reached}
      data-present={quorum.present}
    >
      <h2 id={`${id}-heading`} className="panel__title">
        {t('room.quorum.heading')}
      </h2>
      <p className="quorum__status" aria-live="polite" data-testid="quorum-status">
        <span className="quorum__icon" aria-hidden="true">
          {quorum.reached ? '✓' : '!'}
        </span>
        {quorum.reached ? t('room.quorum.reached') : t('room.quorum.short')}
      </p>
      <meter
        className="quorum__meter"
        min={0}
        max={quorum.members || 1}
        low={quorum.required - 0.5}
        optimum={quorum.members || 1}
        value={quorum.present}
        aria-label={t('room.quorum.meterLabel')}
      />
      <p className="quorum__numbers" data-testid="quorum-numbers">
        {t('room.quorum.numbers', {
          present: quorum.present,
          members: quorum.members,
          percent,
          required: quorum.required,
        })}
      </p>
      <p className="field__hint">{t('room.quorum.rule')}</p>
    </section>
  );
}
