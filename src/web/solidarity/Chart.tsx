import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useChart } from '../app/useChart';

// Only what the pages use, bundled: the charts need no other host (the CSP allows only this server).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export interface BarSeries {
  name: string;
  values: Array<number | null>;
}

interface Props {
  /** The accessible name of the chart; a table on the page carries the same figures. */
  label: string;
  categories: string[];
  series: BarSeries[];
  /** Horizontal bars read better with many States. */
  horizontal?: boolean;
  format?: (value: number) => string;
  height?: number;
}

/** A bar chart drawn as SVG in the page, with its figures in a table beside it. */
export function BarChartView({ label, categories, series, horizontal = false, format, height }: Props) {
  const option = useMemo(() => {
    const categoryAxis = { type: 'category' as const, data: categories, axisLabel: { interval: 0, fontSize: 11 } };
    const valueAxis = { type: 'value' as const, axisLabel: format ? { formatter: (v: number) => format(v) } : {} };
    return {
      aria: { enabled: true, label: { description: label } },
      animationDuration: 300,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => (typeof value === 'number' && format ? format(value) : String(value ?? '—')),
      },
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: { left: horizontal ? 110 : 50, right: 20, top: series.length > 1 ? 30 : 10, bottom: horizontal ? 20 : 60 },
      xAxis: horizontal ? valueAxis : { ...categoryAxis, axisLabel: { ...categoryAxis.axisLabel, rotate: 45 } },
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
    };
  }, [categories, series, horizontal, format, label]);
  const element = useChart(option);

  const size = height ?? (horizontal ? Math.max(240, categories.length * 22 * Math.max(1, series.length * 0.7) + 60) : 320);
  return (
    <figure style={{ margin: 0 }}>
      <div ref={element} role="img" aria-label={label} style={{ width: '100%', height: size }} />
    </figure>
  );
}
