import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * An ECharts chart drawn as SVG in the returned element: created once, resized with its box,
 * disposed with the component, and drawn afresh whenever `option` changes (memoise it). Each chart
 * registers the ECharts components it uses with `echarts.use`, so that only those are bundled.
 */
export function useChart(option: echarts.EChartsCoreOption) {
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
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return element;
}
