// Horizontal bars, a row per entry (a unit): its name on the left, its bars from the axis, a note after them.
// The programme's progress per lead unit and the dashboard's tasks per assignee unit are drawn with it.
import type { ReactNode } from 'react';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { ChartSvg, plotArea } from './ChartSvg';

const WIDTH = 640;
const ROW = 30;
const BAR = 18;
const LABEL_WIDTH = 150;
/** Longer names are cut with an ellipsis: the table under the chart has them whole. */
const LABEL_CHARS = 22;

interface BarRowsProps<T> {
  rows: readonly T[];
  keyOf: (row: T) => string;
  labelOf: (row: T) => string;
  /** What the whole width stands for. */
  max: number;
  /** Room right of the longest bar, for the notes. */
  marginRight: number;
  /** A row's bars, drawn in this order (a later one over an earlier one), each from `from` (0) `value` long. */
  bars: (row: T) => readonly { from?: number; value: number; className: string }[];
  /** Text after a row's bars, from where `after` ends. */
  note?: (row: T) => { after: number; content: ReactNode };
}

export function BarRows<T>({ rows, keyOf, labelOf, max, marginRight, bars, note }: BarRowsProps<T>) {
  const margin = { top: 8, right: marginRight, bottom: 8, left: LABEL_WIDTH };
  const height = margin.top + margin.bottom + Math.max(1, rows.length) * ROW;
  const { innerWidth } = plotArea(WIDTH, height, margin);
  const x = scaleLinear<number>({ domain: [0, max], range: [0, innerWidth] });
  return (
    <ChartSvg width={WIDTH} height={height} margin={margin}>
      {rows.map((row, index) => {
        const top = index * ROW + 6;
        const label = labelOf(row);
        const after = note?.(row);
        return (
          <g key={keyOf(row)}>
            <text x={-8} y={top + 9} dy="0.32em" textAnchor="end" className="programme-chart__label">
              {label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label}
            </text>
            {bars(row).map((bar) => (
              <Bar
                key={bar.className}
                x={x(bar.from ?? 0)}
                y={top}
                width={x(bar.value)}
                height={BAR}
                className={bar.className}
              />
            ))}
            {after && (
              <text x={x(after.after) + 6} y={top + 9} dy="0.32em" className="programme-chart__label">
                {after.content}
              </text>
            )}
          </g>
        );
      })}
    </ChartSvg>
  );
}
