import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

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
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const categoryAxis = { type: 'category' as const, data: categories, axisLabel: { interval: 0, fontSize: 11 } };
    const valueAxis = { type: 'value' as const, axisLabel: format ? { formatter: (v: number) => format(v) } : {} };
    chart.current?.setOption(
      {
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
      },
      { notMerge: true },
    );
  }, [categories, series, horizontal, format, label]);

  const size = height ?? (horizontal ? Math.max(240, categories.length * 22 * Math.max(1, series.length * 0.7) + 60) : 320);
  return (
    <figure style={{ margin: 0 }}>
      <div ref={element} role="img" aria-label={label} style={{ width: '100%', height: size }} />
    </figure>
  );
}
