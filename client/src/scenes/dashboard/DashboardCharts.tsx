// The dashboard's task charts, drawn with the visx primitives the programme page uses (plain SVG, hidden from
// screen readers). Each chart comes with its table, always shown under it: the table is the chart's view for
// screen readers and keyboards, and every figure in it links to the list it counts.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { scaleBand, scaleLinear, scalePoint } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';
import { TaskStatus } from '@quorum/shared';
import { BarRows } from '../../components/chart/BarRows';
import { ChartFrame } from '../../components/chart/ChartFrame';
import { ChartSvg, plotArea } from '../../components/chart/ChartSvg';
import { tasksLink } from './dashboard-links';
import type { DashboardQuery } from '../../generated/graphql';

type Figures = DashboardQuery['dashboard'];

const statusClass: Record<TaskStatus, string> = {
  [TaskStatus.TODO]: 'dashboard-bar--todo',
  [TaskStatus.IN_PROGRESS]: 'dashboard-bar--progress',
  [TaskStatus.BLOCKED]: 'dashboard-bar--blocked',
  [TaskStatus.DONE]: 'dashboard-bar--done',
  [TaskStatus.CANCELLED]: 'dashboard-bar--cancelled',
};

/** Tasks by status: one bar each. */
export function StatusChart({ rows }: { rows: Figures['tasksByStatus'] }) {
  const { t } = useTranslation();
  const width = 360;
  const height = 180;
  const margin = { top: 16, right: 8, bottom: 24, left: 8 };
  const { innerWidth, innerHeight } = plotArea(width, height, margin);
  const x = scaleBand<TaskStatus>({
    domain: rows.map((r) => r.status),
    range: [0, innerWidth],
    padding: 0.25,
  });
  const y = scaleLinear<number>({
    domain: [0, Math.max(1, ...rows.map((r) => r.count))],
    range: [innerHeight, 0],
  });
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <ChartFrame
      block="dashboard-card"
      title={t('dashboard.tasks.byStatus')}
      summary={t('dashboard.tasks.byStatusSummary', { count: total })}
      testId="dashboard-status-chart"
      chart={
        <ChartSvg width={width} height={height} margin={margin}>
          {rows.map((r) => (
            <g key={r.status}>
              <Bar
                x={x(r.status) ?? 0}
                y={y(r.count)}
                width={x.bandwidth()}
                height={innerHeight - y(r.count)}
                className={statusClass[r.status]}
              />
              <text
                x={(x(r.status) ?? 0) + x.bandwidth() / 2}
                y={y(r.count) - 4}
                textAnchor="middle"
                className="programme-chart__label"
              >
                {r.count}
              </text>
            </g>
          ))}
        </ChartSvg>
      }
      tableTestId="dashboard-status-table"
      columns={[t('dashboard.tasks.status'), t('dashboard.tasks.count')]}
      rows={rows.map((r) => (
        <tr key={r.status} data-status={r.status}>
          <th scope="row">
            <span className={`dashboard-key ${statusClass[r.status]}`} aria-hidden="true" />
            {t(`tasks.status.${r.status}`)}
          </th>
          <td>
            <Link to={tasksLink({ status: r.status })} data-testid={`dashboard-status-${r.status}`}>
              {r.count}
            </Link>
          </td>
        </tr>
      ))}
    />
  );
}

/** Each assignee unit: open, overdue and done side by side. */
export function UnitChart({ rows }: { rows: Figures['tasksByUnit'] }) {
  const { t } = useTranslation();
  return (
    <ChartFrame
      block="dashboard-card"
      title={t('dashboard.tasks.byUnit')}
      summary={rows.length === 0 ? t('dashboard.tasks.noUnits') : ''}
      testId="dashboard-unit-chart"
      chart={
        rows.length > 0 && (
          <BarRows
            rows={rows}
            keyOf={(r) => r.unit.id}
            labelOf={(r) => r.unit.shortName ?? r.unit.name}
            max={Math.max(1, ...rows.map((r) => r.open + r.done))}
            marginRight={40}
            bars={(r) => [
              { value: r.open, className: 'dashboard-bar--progress' },
              { value: r.overdue, className: 'dashboard-bar--blocked' },
              { from: r.open, value: r.done, className: 'dashboard-bar--done' },
            ]}
          />
        )
      }
      tableTestId="dashboard-unit-table"
      columns={[
        t('dashboard.tasks.unit'),
        <>
          <span className="dashboard-key dashboard-bar--progress" aria-hidden="true" />
          {t('dashboard.tasks.open')}
        </>,
        <>
          <span className="dashboard-key dashboard-bar--blocked" aria-hidden="true" />
          {t('dashboard.tasks.overdue')}
        </>,
        <>
          <span className="dashboard-key dashboard-bar--done" aria-hidden="true" />
          {t('dashboard.tasks.done')}
        </>,
      ]}
      rows={rows.map((r) => (
        <tr key={r.unit.id} data-testid="dashboard-unit-row" data-unit-id={r.unit.id}>
          <th scope="row">{r.unit.name}</th>
          <td>
            <Link to={tasksLink({ unitId: r.unit.id })} data-testid="dashboard-unit-open">
              {r.open}
            </Link>
          </td>
          <td>
            <Link to={tasksLink({ unitId: r.unit.id, overdue: true })} data-testid="dashboard-unit-overdue">
              {r.overdue}
            </Link>
          </td>
          <td>
            <Link
              to={tasksLink({ unitId: r.unit.id, status: TaskStatus.DONE })}
              data-testid="dashboard-unit-done"
            >
              {r.done}
            </Link>
          </td>
        </tr>
      ))}
    />
  );
}

/** Overdue tasks now and at the same moment each of the seven weeks before. */
export function OverdueTrendChart({
  points,
  formatDate,
}: {
  points: Figures['overdueTrend'];
  formatDate: (iso: string) => string;
}) {
  const { t } = useTranslation();
  const width = 360;
  const height = 180;
  const margin = { top: 16, right: 16, bottom: 24, left: 28 };
  const { innerWidth, innerHeight } = plotArea(width, height, margin);
  const x = scalePoint<number>({ domain: points.map((_, i) => i), range: [0, innerWidth], padding: 0.2 });
  const max = Math.max(1, ...points.map((p) => p.overdue));
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const now = points.at(-1)?.overdue ?? 0;
  return (
    <ChartFrame
      block="dashboard-card"
      title={t('dashboard.tasks.trend')}
      summary={t('dashboard.tasks.trendSummary', { count: now })}
      testId="dashboard-trend-chart"
      chart={
        <ChartSvg width={width} height={height} margin={margin}>
          <line x1={0} x2={innerWidth} y1={innerHeight} y2={innerHeight} className="programme-chart__grid" />
          <text x={-6} y={y(max)} dy="0.32em" textAnchor="end" className="programme-chart__tick">
            {max}
          </text>
          <LinePath
            data={points.map((p, i) => ({ i, v: p.overdue }))}
            x={(d) => x(d.i) ?? 0}
            y={(d) => y(d.v)}
            className="programme-chart__line dashboard-line--overdue"
          />
          {points.map((p, i) => (
            <circle key={p.at} cx={x(i) ?? 0} cy={y(p.overdue)} r={3} className="dashboard-dot--overdue" />
          ))}
        </ChartSvg>
      }
      tableTestId="dashboard-trend-table"
      columns={[t('dashboard.tasks.trendDate'), t('dashboard.tasks.overdue')]}
      rows={points.map((p, i) => (
        <tr key={p.at}>
          <th scope="row">{i === points.length - 1 ? t('dashboard.tasks.trendNow') : formatDate(p.at)}</th>
          <td>
            {i === points.length - 1 ? (
              <Link to={tasksLink({ overdue: true })} data-testid="dashboard-overdue-now">
                {p.overdue}
              </Link>
            ) : (
              p.overdue
            )}
          </td>
        </tr>
      ))}
    />
  );
}
