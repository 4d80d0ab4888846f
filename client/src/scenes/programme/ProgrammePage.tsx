import { useCallback, useId, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { UnitKind } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { Alert } from '../../components/Alert';
import { LiveErrorAlert } from '../../components/LiveErrorAlert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { MonthChart, UnitChart } from '../../components/programme/ProgrammeCharts';
import { ProgrammeItemDialog } from '../../components/programme/ProgrammeItemDialog';
import { ProgrammeItemsTable } from '../../components/programme/ProgrammeItemsTable';
import { ProgrammeTitle } from '../../components/programme/ProgrammeTitle';
import { usePercent } from '../../components/programme/programme-format';
import { RemoveItemDialog } from '../../components/programme/RemoveItemDialog';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useProgrammeEvents } from '../../hooks/useProgrammeEvents';
import { ProgrammeDocument, ProgrammeProposalOptionsDocument, UnitsDocument } from '../../generated/graphql';
import './setup';
import './programme.css';

type Editing = { mode: 'add' } | { mode: 'edit' | 'remove'; itemId: string } | null;

export function ProgrammePage() {
  const { id = '' } = useParams();
  // Another programme is another page: nothing carries over.
  return <ProgrammeScreen key={id} programmeId={id} />;
}

function ProgrammeScreen({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const percent = usePercent();
  const [editing, setEditing] = useState<Editing>(null);
  const [onlySlipping, setOnlySlipping] = useState(false);
  const { data, error, loading, refetch } = useQuery(ProgrammeDocument, {
    variables: { id: programmeId },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const programme = data?.programme;
  const canEdit = programme?.viewerCan.update ?? false;
  const units = useQuery(UnitsDocument, { variables: { first: 100 }, skip: !canEdit });
  const leadUnits = useMemo(
    () =>
      (units.data?.units.edges.map((edge) => edge.node) ?? []).filter(
        (unit) => unit.kind !== UnitKind.COMMITTEE,
      ),
    [units.data],
  );
  const proposals = useQuery(ProgrammeProposalOptionsDocument, { skip: !canEdit || !editing });
  const proposalOptions = useMemo(
    () => proposals.data?.proposals.edges.map((edge) => edge.node) ?? [],
    [proposals.data],
  );
  useDocumentTitle(programme?.title ?? t('programme.page.heading'));

  const reload = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  const live = useProgrammeEvents(programmeId, reload);

  if (!programme) {
    if (loading && !error)
      return <LoadingState label={t('programme.page.loading')} testId="programme-loading" />;
    if (error)
      return (
        <ErrorState
          testId="programme-error"
          message={t('programme.page.loadError')}
          error={error}
          onRetry={reload}
        />
      );
    return (
      <section className="panel not-found" data-testid="programme-not-found">
        <h1 className="panel__title panel__title--page">{t('programme.page.notFound')}</h1>
        <p>{t('programme.page.notFoundHint')}</p>
        <Link className="button" to="/programme">
          {t('programme.page.back')}
        </Link>
      </section>
    );
  }

  const shown = onlySlipping ? programme.items.filter((item) => item.slipping) : programme.items;
  const editedItem =
    editing && editing.mode !== 'add'
      ? programme.items.find((item) => item.id === editing.itemId)
      : undefined;

  return (
    <div className="programme-page" data-testid="programme-page" data-programme-id={programme.id}>
      <header className="panel meeting-header" aria-labelledby={`${id}-title`}>
        <nav className="breadcrumb" aria-label={t('programme.page.breadcrumb')}>
          <Link to="/programme">{t('programme.nav')}</Link> <span aria-hidden="true">›</span>{' '}
          <span aria-current="page">{programme.year}</span>
        </nav>
        <ProgrammeTitle programme={programme} headingId={`${id}-title`} />
        <dl className="facts">
          <div>
            <dt>{t('programme.page.committee')}</dt>
            <dd>{programme.unit.name}</dd>
          </div>
          <div>
            <dt>{t('programme.page.year')}</dt>
            <dd>{programme.year}</dd>
          </div>
        </dl>
      </header>
      <LiveErrorAlert live={live} message={t('programme.liveError')} />
      {error && (
        <Alert tone="warning">
          {t('programme.page.refreshError')} {t(`errors.${apiErrorInfo(error)?.code ?? 'NETWORK'}`)}
        </Alert>
      )}

      <section className="panel programme-progress" aria-labelledby={`${id}-progress`}>
        <h2 id={`${id}-progress`} className="panel__title">
          {t('programme.summary.heading')}
        </h2>
        <div className="programme-progress__figures">
          <p
            className="programme-progress__main"
            data-testid="programme-progress"
            data-adopted={programme.adoptedCount}
            data-planned={programme.plannedCount}
          >
            <span className="programme-progress__count">
              {t('programme.summary.adoptedOf', {
                adopted: programme.adoptedCount,
                planned: programme.plannedCount,
              })}
            </span>{' '}
            <span className="programme-progress__percent">{percent(programme.progress)}</span>
          </p>
          <progress
            className="programme-progress__bar"
            value={programme.adoptedCount}
            max={Math.max(1, programme.plannedCount)}
            aria-label={t('programme.summary.progressLabel', {
              adopted: programme.adoptedCount,
              planned: programme.plannedCount,
            })}
          />
          {programme.slippingCount > 0 && (
            <p className="programme-progress__slipping" data-testid="programme-slipping-count">
              <span className="badge badge--slipping">
                {t('programme.summary.slipping', { count: programme.slippingCount })}
              </span>
            </p>
          )}
        </div>
        <div className="programme-charts">
          <MonthChart months={programme.progressByMonth} />
          <UnitChart units={programme.progressByUnit} />
        </div>
      </section>

      <section className="panel" aria-labelledby={`${id}-items`}>
        <div className="programme-items__head">
          <h2 id={`${id}-items`} className="panel__title">
            {t('programme.items.heading')} <span className="panel__count">{programme.items.length}</span>
          </h2>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={onlySlipping}
              onChange={(event) => setOnlySlipping(event.target.checked)}
              data-testid="programme-only-slipping"
            />{' '}
            {t('programme.items.onlySlipping')}
          </label>
          {canEdit && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setEditing({ mode: 'add' })}
              data-testid="programme-add-item"
            >
              {t('programme.items.add')}
            </button>
          )}
        </div>
        {shown.length === 0 ? (
          <div className="placeholder placeholder--empty" data-testid="programme-items-empty">
            <p>{onlySlipping ? t('programme.items.noneSlipping') : t('programme.items.empty')}</p>
            {!onlySlipping && (
              <p className="placeholder__hint">
                {canEdit ? t('programme.items.emptyHintOffice') : t('programme.items.emptyHint')}
              </p>
            )}
          </div>
        ) : (
          <ProgrammeItemsTable
            items={shown}
            {...(canEdit
              ? {
                  onEdit: (item) => setEditing({ mode: 'edit', itemId: item.id }),
                  onRemove: (item) => setEditing({ mode: 'remove', itemId: item.id }),
                }
              : {})}
          />
        )}
      </section>

      {canEdit && editing?.mode === 'add' && (
        <ProgrammeItemDialog
          programmeId={programme.id}
          units={leadUnits}
          proposals={proposalOptions}
          onClose={() => setEditing(null)}
          onConflict={reload}
        />
      )}
      {canEdit && editing?.mode === 'edit' && editedItem && (
        <ProgrammeItemDialog
          programmeId={programme.id}
          item={editedItem}
          units={leadUnits}
          proposals={proposalOptions}
          onClose={() => setEditing(null)}
          onConflict={reload}
        />
      )}
      {canEdit && editing?.mode === 'remove' && editedItem && (
        <RemoveItemDialog item={editedItem} onClose={() => setEditing(null)} onConflict={reload} />
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="live-announcement">
        {live.announcement}
      </div>
    </div>
  );
}
