// A chart with its table, as the programme's page and the dashboard draw them: the chart for the eye (hidden
// from screen readers), the table with the same figures for screen readers and keyboards.
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ChartFrameProps {
  /** The block its classes are named from: the figure `block`, then `block__title`, `__summary`, `__canvas`. */
  block: string;
  title: string;
  summary: string;
  testId: string;
  /** None (nothing to draw): the summary and the table alone. */
  chart: ReactNode;
  /** The table of the same figures, captioned with the title: its test id, its column heads and its rows. */
  tableTestId: string;
  columns: readonly ReactNode[];
  rows: ReactNode;
  /**
   * The table visually hidden under the chart and shown in its place on request (a button beside the title),
   * or (false) always shown under the chart, as where its figures are links.
   */
  tableOnRequest?: boolean;
}

export function ChartFrame({
  block,
  title,
  summary,
  testId,
  chart,
  tableTestId,
  columns,
  rows,
  tableOnRequest = false,
}: ChartFrameProps) {
  const { t } = useTranslation();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const caption = (
    <figcaption id={`${id}-title`} className={`${block}__title`}>
      {title}
    </figcaption>
  );
  return (
    <figure className={block} aria-labelledby={`${id}-title`} data-testid={testId}>
      {tableOnRequest ? (
        <div className={`${block}__head`}>
          {caption}
          <button
            type="button"
            className="button button--small button--ghost"
            aria-pressed={asTable}
            onClick={() => setAsTable((current) => !current)}
            data-testid={`${testId}-toggle`}
          >
            {t('programme.charts.showTable')}
          </button>
        </div>
      ) : (
        caption
      )}
      <p className={`${block}__summary`}>{summary}</p>
      {chart && !asTable && (
        <div className={`${block}__canvas`} aria-hidden="true">
          {chart}
        </div>
      )}
      <div className={tableOnRequest && !asTable ? 'visually-hidden' : 'table-wrap'}>
        <table className={`meetings-table ${block}__table`} data-testid={tableTestId}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      </div>
    </figure>
  );
}
