// ECharts is 1 MB: loaded the first time a page draws a chart. Charts share one layout.
window.Charts = (() => {
  let loading = null;
  const load = () => window.echarts ? Promise.resolve() : loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/console/vendor/echarts.min.js';
    script.onload = resolve;
    script.onerror = () => { loading = null; reject(new Error('echarts.min.js did not load')); };
    document.head.append(script);
  });

  /** A time-series line chart in the console's layout (legend on top, time on x), resized with its container. */
  const timeLines = async (container, { grid, yAxis, series }) => {
    await load();
    const chart = echarts.init(container, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { top: 36, bottom: 28, ...grid },
      xAxis: { type: 'time' },
      yAxis,
      series,
    });
    new ResizeObserver(() => chart.resize()).observe(container);
    return chart;
  };
  return { load, timeLines };
})();
