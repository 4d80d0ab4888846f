import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProgrammeItemStatus } from '@quorum/shared';
import { useFormatDateTime } from '../../hooks/useFormat';
import type { ProgrammeItemFieldsFragment } from '../../generated/graphql';

interface ProgrammeItemsTableProps {
  items: readonly ProgrammeItemFieldsFragment[];
  describedBy?: string;
  /** The office's actions on each row; none for readers. */
  onEdit?: (item: ProgrammeItemFieldsFragment) => void;
  onRemove?: (item: ProgrammeItemFieldsFragment) => void;
}

/** Items grouped by planned month (the server's order: month, then title), slipping ones flagged. */
export function ProgrammeItemsTable({ items, describedBy, onEdit, onRemove }: ProgrammeItemsTableProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const months = [...new Set(items.map((item) => item.plannedMonth))].sort((a, b) => a - b);
  const editable = Boolean(onEdit || onRemove);
  const columns = editable ? 7 : 6;

  return (
    <div className="table-wrap">
      <table
        className="meetings-table programme-items"
        aria-describedby={describedBy}
        data-testid="programme-items"
      >
        <caption className="visually-hidden">{t('programme.items.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programme.items.columns.title')}</th>
            <th scope="col">{t('programme.items.columns.kind')}</th>
            <th scope="col">{t('programme.items.columns.leadUnit')}</th>
            <th scope="col">{t('programme.items.columns.status')}</th>
            <th scope="col">{t('programme.items.columns.proposal')}</th>
            <th scope="col">{t('programme.items.columns.meeting')}</th>
            {editable && (
              <th scope="col" className="cell-actions">
                <span className="visually-hidden">{t('programme.items.columns.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        {months.map((month) => (
          <tbody key={month} data-testid="programme-month-group" data-month={month}>
            <tr className="programme-items__month">
              <th scope="rowgroup" colSpan={columns}>
                {t('programme.charts.month', { month })}
              </th>
            </tr>
            {items
              .filter((item) => item.plannedMonth === month)
              .map((item) => (
                <tr
                  key={item.id}
                  className={item.slipping ? 'programme-items__row--slipping' : undefined}
                  data-testid="programme-item-row"
                  data-item-id={item.id}
                  data-status={item.status}
                >
                  <td className="cell-title">
                    <span className="cell-stack">
                      <span className="meeting-title" data-testid="programme-item-title">
                        {item.title}
                      </span>
                      <span className="visually-hidden">{t('programme.charts.month', { month })}</span>
                    </span>
                  </td>
                  <td>{t(`enums.proposalKind.${item.kind}`)}</td>
                  <td title={item.leadUnit.name}>{item.leadUnit.shortName ?? item.leadUnit.name}</td>
                  <td>
                    <span className="cell-stack">
                      <span
                        className={`badge badge--programme-${item.status.toLowerCase()}`}
                        data-testid="programme-item-status"
                      >
                        {t(`programme.status.${item.status}`)}
                      </span>
                      {item.slipping && (
                        <span
                          className="badge badge--slipping"
                          title={t('programme.items.slippingHint')}
                          data-testid="programme-item-slipping"
                        >
                          {t('programme.items.slipping')}
                        </span>
                      )}
                    </span>
                  </td>
                  <td>
                    {item.proposal ? (
                      <Link to={`/proposals/${item.proposal.id}`} data-testid="programme-item-proposal">
                        {item.proposal.referenceNumber ?? item.proposal.title}
                      </Link>
                    ) : (
                      <span className="admin-table__muted">{t('common.none')}</span>
                    )}
                  </td>
                  <td>
                    {item.meeting ? (
                      <span className="cell-stack">
                        <Link to={`/meetings/${item.meeting.id}`} data-testid="programme-item-meeting">
                          {item.meeting.title}
                        </Link>
                        <span className="admin-table__muted">{formatDateTime(item.meeting.startsAt)}</span>
                      </span>
                    ) : (
                      <span className="admin-table__muted">{t('common.none')}</span>
                    )}
                  </td>
                  {editable && (
                    <td className="cell-actions">
                      {onEdit && (
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => onEdit(item)}
                          aria-label={t('programme.items.editLabel', { title: item.title })}
                          data-testid="programme-item-edit"
                        >
                          {t('programme.items.edit')}
                        </button>
                      )}{' '}
                      {onRemove && item.status === ProgrammeItemStatus.PLANNED && (
                        <button
                          type="button"
                          className="button button--small button--ghost"
                          onClick={() => onRemove(item)}
                          aria-label={t('programme.items.removeLabel', { title: item.title })}
                          data-testid="programme-item-remove"
                        >
                          {t('programme.items.remove')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
