import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useChart } from '../app/useChart';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

interface Props {
  label: string;
  suppressedLabel: string;
  /** Rows as published: value null means not published, drawn as a short grey bar without a number. */
  rows: Array<{ label: string; value: number | null }>;
}

/** Verified incidents by one dimension as bars; suppressed counts never show a number. */
export function StatisticsChart({ label, suppressedLabel, rows }: Props) {
  const option = useMemo(
    () => ({
      aria: { enabled: true, label: { description: label } },
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data: { suppressed?: boolean; value: number } }) =>
          `${p.name}: ${p.data.suppressed ? suppressedLabel : p.data.value}`,
      },
      grid: { left: 60, right: 20, top: 20, bottom: 90 },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value', minInterval: 5 },
      series: [
        {
          type: 'bar',
          name: label,
          data: rows.map((r) =>
            r.value === null
              ? {
                  value: 0,
                  suppressed: true,
                  itemStyle: { color: '#ced4da' },
                  label: { show: true, position: 'top', formatter: '–' },
                }
              : { value: r.value, itemStyle: { color: '#c2255c' } },
          ),
        },
      ],
    }),
    [label, suppressedLabel, rows],
  );
  const element = useChart(option);
  return <div ref={element} style={{ width: '100%', height: 360 }} />;
}
