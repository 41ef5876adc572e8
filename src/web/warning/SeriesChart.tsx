import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, MarkPointComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useChart } from '../app/useChart';
import { LEVEL_COLOURS } from './queries';

// Only what the charts use, bundled: no other host (the CSP allows only this server).
echarts.use([LineChart, GridComponent, TooltipComponent, AriaComponent, MarkPointComponent, SVGRenderer]);

interface Props {
  label: string;
  points: Array<{ label: string; value: number }>;
  alerts: Array<{ label: string; value: number; level: string; text: string }>;
}

/** One indicator's series for a country, with a marker at every period where an alert fired. */
export function SeriesChart({ label, points, alerts }: Props) {
  const option = useMemo(
    () => ({
      aria: { enabled: true, label: { description: label } },
      animationDuration: 300,
      tooltip: { trigger: 'axis' },
      grid: { left: 70, right: 20, top: 30, bottom: 40 },
      xAxis: { type: 'category', data: points.map((p) => p.label) },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'line',
          name: label,
          data: points.map((p) => p.value),
          showSymbol: points.length < 60,
          markPoint: {
            symbol: 'circle',
            symbolSize: 16,
            label: { show: false },
            data: alerts.map((a) => ({
              name: a.text,
              coord: [a.label, a.value],
              itemStyle: { color: LEVEL_COLOURS[a.level] ?? '#c92a2a' },
            })),
          },
        },
      ],
    }),
    [label, points, alerts],
  );
  const element = useChart(option);

  return <div ref={element} role="img" aria-label={label} data-alerts={alerts.length} style={{ width: '100%', height: 280 }} />;
}
