// ECharts is 1 MB: loaded the first time a page draws a chart.
window.Charts = (() => {
  let loading = null;
  const load = () => window.echarts ? Promise.resolve() : loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/console/vendor/echarts.min.js';
    script.onload = resolve;
    script.onerror = () => { loading = null; reject(new Error('echarts.min.js did not load')); };
    document.head.append(script);
  });
  return { load };
})();
