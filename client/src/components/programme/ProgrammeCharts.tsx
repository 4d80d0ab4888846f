// The programme's progress drawn: planned against adopted, cumulated month by month, and each lead unit's
// share. Drawn with visx primitives (plain SVG we mark up ourselves, about 23 kB gzipped with the page); each
// chart has its figures as a table, read by screen readers while the chart shows and shown instead of it on
// request.
import { useTranslation } from 'react-i18next';
import { scaleLinear, scalePoint } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { BarRows } from '../chart/BarRows';
import { ChartFrame } from '../chart/ChartFrame';
import { ChartSvg, plotArea } from '../chart/ChartSvg';
import { MONTHS, usePercent } from './programme-format';
import type { ProgrammeFieldsFragment } from '../../generated/graphql';

/** Planned and adopted items up to each month of the year: two cumulative lines. */
export function MonthChart({
  months,
}: {
  months: readonly ProgrammeFieldsFragment['progressByMonth'][number][];
}) {
  const { t } = useTranslation();
  const width = 640;
  const height = 240;
  const margin = { top: 16, right: 16, bottom: 28, left: 36 };
  const { innerWidth, innerHeight } = plotArea(width, height, margin);
  const last = months.at(-1);
  const max = Math.max(1, last?.plannedToDate ?? 0);
  const x = scalePoint<number>({ domain: [...MONTHS], range: [0, innerWidth], padding: 0.3 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const ticks = y.ticks(Math.min(5, max)).filter((tick) => Number.isInteger(tick));
  const at = (month: number) => x(month) ?? 0;

  const chart = (
    <ChartSvg width={width} height={height} margin={margin}>
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
          <circle cx={at(d.month)} cy={y(d.plannedToDate)} r={3} className="programme-chart__dot--planned" />
          <circle
            cx={at(d.month)}
            cy={y(d.adoptedToDate)}
            r={3.5}
            className="programme-chart__dot--adopted"
          />
        </g>
      ))}
    </ChartSvg>
  );

  return (
    <ChartFrame
      block="programme-chart"
      tableOnRequest
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
      tableTestId="programme-month-table"
      columns={[
        t('programme.charts.monthColumn'),
        t('programme.charts.planned'),
        t('programme.charts.adopted'),
        t('programme.charts.plannedToDate'),
        t('programme.charts.adoptedToDate'),
      ]}
      rows={months.map((d) => (
        <tr key={d.month} data-testid="programme-month-row" data-month={d.month}>
          <th scope="row">{t('programme.charts.month', { month: d.month })}</th>
          <td>{d.planned}</td>
          <td>{d.adopted}</td>
          <td>{d.plannedToDate}</td>
          <td data-testid="adopted-to-date">{d.adoptedToDate}</td>
        </tr>
      ))}
    />
  );
}

/** Each lead unit: its planned items as a bar, the adopted ones filled in, the slipping ones counted. */
export function UnitChart({
  units,
}: {
  units: readonly ProgrammeFieldsFragment['progressByUnit'][number][];
}) {
  const { t } = useTranslation();
  const percent = usePercent();
  const chart = (
    <BarRows
      rows={units}
      keyOf={(entry) => entry.unit.id}
      labelOf={(entry) => entry.unit.shortName ?? entry.unit.name}
      max={Math.max(1, ...units.map((unit) => unit.planned))}
      marginRight={120}
      bars={(entry) => [
        { value: entry.planned, className: 'programme-chart__bar--planned' },
        { value: entry.adopted, className: 'programme-chart__bar--adopted' },
      ]}
      note={(entry) => ({
        after: entry.planned,
        content: (
          <>
            {`${entry.adopted}/${entry.planned}`}
            {entry.slipping > 0 && (
              <tspan className="programme-chart__slipping">
                {` · ${t('programme.charts.slippingShort', { count: entry.slipping })}`}
              </tspan>
            )}
          </>
        ),
      })}
    />
  );

  return (
    <ChartFrame
      block="programme-chart"
      tableOnRequest
      title={t('programme.charts.byUnit')}
      summary={
        units.length === 0
          ? t('programme.charts.noUnits')
          : t('programme.charts.unitSummary', { count: units.length })
      }
      testId="programme-unit-chart"
      chart={units.length > 0 ? chart : null}
      tableTestId="programme-unit-table"
      columns={[
        t('programme.charts.unit'),
        t('programme.charts.plannedTotal'),
        t('programme.charts.adoptedTotal'),
        t('programme.charts.slipping'),
        t('programme.charts.progress'),
      ]}
      rows={units.map((entry) => (
        <tr key={entry.unit.id} data-testid="programme-unit-row" data-unit-id={entry.unit.id}>
          <th scope="row">{entry.unit.name}</th>
          <td>{entry.planned}</td>
          <td>{entry.adopted}</td>
          <td>{entry.slipping}</td>
          <td>{percent(entry.progress)}</td>
        </tr>
      ))}
    />
  );
}
