import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useChart } from '../app/useChart';

// Only what the page uses, bundled: the chart needs no other host.
echarts.use([LineChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/** The implementation rate month by month, as a line; the page gives the same figures as text. */
export function RateChart({ label, months, rates }: { label: string; months: string[]; rates: number[] }) {
  const option = useMemo(
    () => ({
      aria: { enabled: true, label: { description: label } },
      animationDuration: 300,
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Math.round(Number(v) * 100)} %` },
      grid: { left: 50, right: 20, top: 10, bottom: 40 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` } },
      series: [{ type: 'line', data: rates, step: 'end', areaStyle: { opacity: 0.15 }, showSymbol: false }],
    }),
    [label, months, rates],
  );
  const element = useChart(option);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height: 280 }} />;
}
