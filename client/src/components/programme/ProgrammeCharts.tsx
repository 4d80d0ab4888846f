// The programme's progress drawn: planned against adopted, cumulated month by month, and each lead unit's
// share. Drawn with visx primitives (plain SVG we mark up ourselves, about 23 kB gzipped with the page); each
// chart has its figures as a table, read by screen readers while the chart shows and shown instead of it on
// request.
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';
import type { ProgrammeMonthProgress, ProgrammeUnitProgress } from '../../apollo/programme.types';
import { MONTHS, usePercent } from './programme-format';

interface ChartFrameProps {
  title: string;
  summary: string;
  testId: string;
  chart: ReactNode;
  table: ReactNode;
}

/** A chart with its table: the table is visually hidden under the chart, or shown in its place. */
function ChartFrame({ title, summary, testId, chart, table }: ChartFrameProps) {
  const { t } = useTranslation();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <figure className="programme-chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className="programme-chart__head">
        <figcaption id={`${id}-title`} className="programme-chart__title">
          {title}
        </figcaption>
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
      <p className="programme-chart__summary">{summary}</p>
      {!asTable && (
        <div className="programme-chart__canvas" aria-hidden="true">
          {chart}
        </div>
      )}
      <div className={asTable ? 'table-wrap' : 'visually-hidden'}>{table}</div>
    </figure>
  );
}

/** Planned and adopted items up to each month of the year: two cumulative lines. */
export function MonthChart({ months }: { months: readonly ProgrammeMonthProgress[] }) {
  const { t } = useTranslation();
  const width = 640;
  const height = 240;
  const margin = { top: 16, right: 16, bottom: 28, left: 36 };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const last = months.at(-1);
  const max = Math.max(1, last?.plannedToDate ?? 0);
  const x = scalePoint<number>({ domain: [...MONTHS], range: [0, innerWidth], padding: 0.3 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const ticks = y.ticks(Math.min(5, max)).filter((tick) => Number.isInteger(tick));
  const at = (month: number) => x(month) ?? 0;

  const chart = (
    <svg viewBox={`0 0 ${width} ${height}`} className="programme-chart__svg" role="presentation">
      <Group left={margin.left} top={margin.top}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} className="programme-chart__grid" />
            <text x={-8} y={y(tick)} dy="0.32em" textAnchor="end" className="programme-chart__tick">
              {tick}
            </text>
          </g>
        ))}
        {MONTHS.map((month) => (
          <text
            key={month}
            x={at(month)}
            y={innerHeight + 18}
            textAnchor="middle"
            className="programme-chart__tick"
          >
            {t('programme.charts.monthShort', { month })}
          </text>
        ))}
        <LinePath
          data={[...months]}
          x={(d) => at(d.month)}
          y={(d) => y(d.plannedToDate)}
          className="programme-chart__line programme-chart__line--planned"
        />
        <LinePath
          data={[...months]}
          x={(d) => at(d.month)}
          y={(d) => y(d.adoptedToDate)}
          className="programme-chart__line programme-chart__line--adopted"
        />
        {months.map((d) => (
          <g key={d.month}>
            <circle
              cx={at(d.month)}
              cy={y(d.plannedToDate)}
              r={3}
              className="programme-chart__dot--planned"
            />
            <circle
              cx={at(d.month)}
              cy={y(d.adoptedToDate)}
              r={3.5}
              className="programme-chart__dot--adopted"
            />
          </g>
        ))}
      </Group>
    </svg>
  );

  const table = (
    <table className="meetings-table programme-chart__table" data-testid="programme-month-table">
      <caption className="visually-hidden">{t('programme.charts.byMonth')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('programme.charts.monthColumn')}</th>
          <th scope="col">{t('programme.charts.planned')}</th>
          <th scope="col">{t('programme.charts.adopted')}</th>
          <th scope="col">{t('programme.charts.plannedToDate')}</th>
          <th scope="col">{t('programme.charts.adoptedToDate')}</th>
        </tr>
      </thead>
      <tbody>
        {months.map((d) => (
          <tr key={d.month} data-testid="programme-month-row" data-month={d.month}>
            <th scope="row">{t('programme.charts.month', { month: d.month })}</th>
            <td>{d.planned}</td>
            <td>{d.adopted}</td>
            <td>{d.plannedToDate}</td>
            <td data-testid="adopted-to-date">{d.adoptedToDate}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFrame
      title={t('programme.charts.byMonth')}
      summary={t('programme.charts.monthSummary', {
        adopted: last?.adoptedToDate ?? 0,
        planned: last?.plannedToDate ?? 0,
      })}
      testId="programme-month-chart"
      chart={
        <>
          {chart}
          <p className="programme-chart__legend">
            <span className="programme-chart__key programme-chart__key--planned" />
            {t('programme.charts.plannedToDate')}
            <span className="programme-chart__key programme-chart__key--adopted" />
            {t('programme.charts.adoptedToDate')}
          </p>
        </>
      }
      table={table}
    />
  );
}

/** Each lead unit: its planned items as a bar, the adopted ones filled in, the slipping ones counted. */
export function UnitChart({ units }: { units: readonly ProgrammeUnitProgress[] }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const width = 640;
  const row = 30;
  const margin = { top: 8, right: 120, bottom: 8, left: 150 };
  const innerWidth = width - margin.left - margin.right;
  const height = margin.top + margin.bottom + Math.max(1, units.length) * row;
  const max = Math.max(1, ...units.map((unit) => unit.planned));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, innerWidth] });
  const label = (unit: ProgrammeUnitProgress['unit']) => unit.shortName ?? unit.name;

  const chart = (
    <svg viewBox={`0 0 ${width} ${height}`} className="programme-chart__svg" role="presentation">
      <Group left={margin.left} top={margin.top}>
        {units.map((entry, index) => {
          const top = index * row + 6;
          return (
            <g key={entry.unit.id}>
              <text x={-8} y={top + 9} dy="0.32em" textAnchor="end" className="programme-chart__label">
                {label(entry.unit).length > 22 ? `${label(entry.unit).slice(0, 21)}…` : label(entry.unit)}
              </text>
              <Bar
                x={0}
                y={top}
                width={x(entry.planned)}
                height={18}
                className="programme-chart__bar--planned"
              />
              <Bar
                x={0}
                y={top}
                width={x(entry.adopted)}
                height={18}
                className="programme-chart__bar--adopted"
              />
              <text x={x(entry.planned) + 6} y={top + 9} dy="0.32em" className="programme-chart__label">
                {`${entry.adopted}/${entry.planned}`}
                {entry.slipping > 0 && (
                  <tspan className="programme-chart__slipping">
                    {` · ${t('programme.charts.slippingShort', { count: entry.slipping })}`}
                  </tspan>
                )}
              </text>
            </g>
          );
        })}
      </Group>
    </svg>
  );

  const table = (
    <table className="meetings-table programme-chart__table" data-testid="programme-unit-table">
      <caption className="visually-hidden">{t('programme.charts.byUnit')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('programme.charts.unit')}</th>
          <th scope="col">{t('programme.charts.plannedTotal')}</th>
          <th scope="col">{t('programme.charts.adoptedTotal')}</th>
          <th scope="col">{t('programme.charts.slipping')}</th>
          <th scope="col">{t('programme.charts.progress')}</th>
        </tr>
      </thead>
      <tbody>
        {units.map((entry) => (
          <tr key={entry.unit.id} data-testid="programme-unit-row" data-unit-id={entry.unit.id}>
            <th scope="row">{entry.unit.name}</th>
            <td>{entry.planned}</td>
            <td>{entry.adopted}</td>
            <td>{entry.slipping}</td>
            <td>{percent(entry.progress)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFrame
      title={t('programme.charts.byUnit')}
      summary={
        units.length === 0
          ? t('programme.charts.noUnits')
          : t('programme.charts.unitSummary', { count: units.length })
      }
      testId="programme-unit-chart"
      chart={units.length > 0 ? chart : null}
      table={table}
    />
  );
}
