import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlatItem } from './agenda-tree';
import type { MeetingRoomFieldsFragment } from '../../generated/graphql';

type CheckKey = 'presenterConfirmed' | 'materialsAttached' | 'appraisalFinished' | 'materialsRead';

/**
 * How far the session's preparation has come, as the server counts it: each leaf item needs
 * a confirmed presenter, its materials and a finished appraisal; the participants read.
 */
export function ReadinessPanel({
  readiness,
  flat,
}: {
  readiness: MeetingRoomFieldsFragment['readiness'];
  flat: readonly FlatItem[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const leaves = flat.filter((entry) => (entry.item.children?.length ?? 0) === 0);
  const missing = (key: Exclude<CheckKey, 'materialsRead'>) =>
    leaves
      .filter((entry) => !entry.item.readiness[key])
      .map((entry) => `${entry.item.number} ${entry.item.title}`);
  const checks: Array<{ key: CheckKey; done: number; total: number; missing: string[] }> = [
    {
      key: 'presenterConfirmed',
      done: readiness.presenterConfirmed,
      total: readiness.total,
      missing: missing('presenterConfirmed'),
    },
    {
      key: 'materialsAttached',
      done: readiness.materialsAttached,
      total: readiness.total,
      missing: missing('materialsAttached'),
    },
    {
      key: 'appraisalFinished',
      done: readiness.appraisalFinished,
      total: readiness.total,
      missing: missing('appraisalFinished'),
    },
    { key: 'materialsRead', done: readiness.materialsRead, total: readiness.participants, missing: [] },
  ];
  return (
    <section className="panel readiness" aria-labelledby={`${id}-heading`} data-testid="readiness">
      <h2 id={`${id}-heading`} className="panel__title">
        {t('room.readiness.heading')}
      </h2>
      <p
        className={`readiness__overall ${readiness.complete ? 'readiness__overall--done' : ''}`}
        data-testid="readiness-overall"
      >
        {readiness.complete
          ? t('room.readiness.complete')
          : t('room.readiness.progress', { ready: readiness.ready, total: readiness.total })}
      </p>
      <ul className="readiness__list">
        {checks.map((check) => {
          const complete = check.total === 0 || check.done >= check.total;
          return (
            <li key={check.key} className={`readiness__item ${complete ? 'readiness__item--done' : ''}`}>
              <div className="readiness__line">
                <span className="readiness__icon" aria-hidden="true">
                  {complete ? '✓' : '○'}
                </span>
                <span className="readiness__label">{t(`room.readiness.${check.key}`)}</span>
                <span className="readiness__count">
                  {check.total === 0 ? t('room.readiness.none') : `${check.done}/${check.total}`}
                </span>
              </div>
              {check.total > 0 && (
                <progress
                  className="readiness__bar"
                  max={check.total}
                  value={check.done}
                  aria-label={`${t(`room.readiness.${check.key}`)}: ${check.done}/${check.total}`}
                />
              )}
              {check.missing.length > 0 && (
                <details className="readiness__missing">
                  <summary>{t('room.readiness.missing', { count: check.missing.length })}</summary>
                  <ul>
                    {check.missing.map((entry) => (
                      <li key={entry}>{entry}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
