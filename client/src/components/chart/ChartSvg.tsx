// The SVG every chart is drawn in: scaled to its box's width, hidden from screen readers (each chart's table
// says the same), with the plot area inside the margins.
import type { ReactNode } from 'react';
import { Group } from '@visx/group';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The plot area's size: the drawing less its margins. */
export function plotArea(width: number, height: number, margin: Margin) {
  return { innerWidth: width - margin.left - margin.right, innerHeight: height - margin.top - margin.bottom };
}

export function ChartSvg({
  width,
  height,
  margin,
  children,
}: {
  width: number;
  height: number;
  margin: Margin;
  children: ReactNode;
}) {
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="programme-chart__svg" role="presentation">
      <Group left={margin.left} top={margin.top}>
        {children}
      </Group>
    </svg>
  );
}
