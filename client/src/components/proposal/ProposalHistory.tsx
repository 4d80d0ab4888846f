import { useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { apiErrorInfo } from '../../apollo/errors';
import { useFormatDateTime } from '../../hooks/useFormat';
import { LoadMore } from '../LoadMore';
import { ErrorState, LoadingState } from '../LoadState';
import { ProposalHistoryDocument } from '../../generated/graphql';
import type { ProposalHistoryQuery, UnitFieldsFragment } from '../../generated/graphql';

const PAGE = 50;
/** What an event's `changes` holds (a JSON object in the schema): each field before and after. */
type FieldChanges = Record<string, { before?: unknown; after?: unknown } | undefined>;
/** Ids that say which part of the round a change is about, not what changed. */
const HIDDEN_FIELDS = new Set(['appraisalId', 'assignmentId', 'commentId', 'parentId', 'anchorPosition']);
/** Fields whose values are enum values with labels of their own. */
const ENUM_LABELS: Record<string, string> = {
  kind: 'enums.proposalKind',
  classification: 'enums.classification',
  verdict: 'proposals.verdict',
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const LONG = 200;

interface ValueContext {
  t: TFunction;
  formatDateTime: (iso: string) => string;
  unitName: (id: string) => string | undefined;
  eventType: string;
}

function showValue(field: string, value: unknown, context: ValueContext): string {
  const { t, formatDateTime, unitName, eventType } = context;
  if (value === null || value === undefined || value === '') return t('common.none');
  if (Array.isArray(value)) return value.map((entry) => showValue(field, entry, context)).join(', ');
  if (typeof value === 'boolean') return t(value ? 'proposals.history.yes' : 'proposals.history.no');
  if (typeof value !== 'string') return JSON.stringify(value);
  if (field === 'status') {
    const scope = eventType.startsWith('proposal.')
      ? 'enums.proposalStatus'
      : eventType.startsWith('appraisal.comment')
        ? 'proposals.history.commentStatus'
        : 'proposals.history.roundStatus';
    return t(`${scope}.${value}`, { defaultValue: value });
  }
  const labels = ENUM_LABELS[field];
  if (labels) return t(`${labels}.${value}`, { defaultValue: value });
  if (field === 'leadUnitId' || field === 'unitId' || field === 'unitIds') return unitName(value) ?? value;
  if (ISO_DATE.test(value)) return formatDateTime(value);
  return value.length > LONG ? `${value.slice(0, LONG)}…` : value;
}

function ChangeList({
  event,
  context,
}: {
  event: ProposalHistoryQuery['history']['events'][number];
  context: ValueContext;
}) {
  const { t } = context;
  const entries = Object.entries((event.changes ?? {}) as FieldChanges).filter(
    ([field, change]) =>
      change && !HIDDEN_FIELDS.has(field) && !field.endsWith('ById') && field !== 'reviewerId',
  );
  const label = (field: string) =>
    event.type.startsWith('appraisal.')
      ? t(`proposals.history.appraisalFields.${field}`, {
          defaultValue: t(`proposals.history.fields.${field}`, { defaultValue: field }),
        })
      : t(`proposals.history.fields.${field}`, { defaultValue: field });
  if (entries.length === 0) return null;
  const created =
    event.type.endsWith('.created') ||
    event.type === 'appraisal.requested' ||
    event.type === 'appraisal.commentAdded';
  return (
    <dl className="history__changes">
      {entries.map(([field, change]) => (
        <div key={field} className="history__change">
          <dt>{label(field)}</dt>
          <dd>
            {/* A field the same before and after names the part of the round the change is about: shown once. */}
            {created ||
            change?.before === null ||
            change?.before === undefined ||
            JSON.stringify(change.before) === JSON.stringify(change.after) ? (
              showValue(field, change?.after, context)
            ) : (
              <>
                <del>{showValue(field, change.before, context)}</del> <span aria-hidden="true">→</span>{' '}
                <span className="visually-hidden">{t('proposals.history.becomes')} </span>
                <ins>{showValue(field, change.after, context)}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The proposal's timeline from the event trail, its rounds' included: who changed what, when. */
export function ProposalHistory({
  proposalId,
  units,
}: {
  proposalId: string;
  units: readonly UnitFieldsFragment[];
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [moreError, setMoreError] = useState<string | null>(null);
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(ProposalHistoryDocument, {
    variables: { subjectId: proposalId, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  const page = data?.history;

  if (!page) {
    if (error)
      return (
        <ErrorState message={t('proposals.history.loadError')} error={error} onRetry={() => refetch()} />
      );
    return <LoadingState />;
  }
  if (page.events.length === 0)
    return <p className="placeholder placeholder--empty">{t('proposals.history.empty')}</p>;

  return (
    <div className="history" data-testid="proposal-history">
      <ol className="history__list">
        {page.events.map((event) => {
          const context: ValueContext = {
            t,
            formatDateTime,
            unitName: (id) => names.get(id),
            eventType: event.type,
          };
          return (
            <li
              key={event.cursor}
              className="history__item"
              data-testid="history-event"
              data-type={event.type}
            >
              <p className="history__head">
                <time dateTime={event.occurredAt} className="history__time">
                  {formatDateTime(event.occurredAt)}
                </time>{' '}
                <span className="history__who">{event.actor?.fullName ?? t('common.unknownUser')}</span>{' '}
                <span className="history__what">
                  {t(`proposals.history.types.${event.type}`, { defaultValue: event.type })}
                </span>
              </p>
              <ChangeList event={event} context={context} />
            </li>
          );
        })}
      </ol>
      <LoadMore
        hasMore={page.pageInfo.hasNextPage}
        loading={networkStatus === NetworkStatus.fetchMore}
        error={moreError}
        label={t('proposals.history.more')}
        onLoadMore={() => {
          setMoreError(null);
          fetchMore({
            variables: { after: page.pageInfo.endCursor },
            updateQuery: (previous, { fetchMoreResult }) => ({
              history: {
                ...fetchMoreResult.history,
                events: [...previous.history.events, ...fetchMoreResult.history.events],
              },
            }),
          }).catch((err: unknown) => setMoreError(t(`errors.${apiErrorInfo(err)?.code ?? 'NETWORK'}`)));
        }}
      />
    </div>
  );
}
