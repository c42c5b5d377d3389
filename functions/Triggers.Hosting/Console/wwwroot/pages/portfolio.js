window.Pages = window.Pages || {};
// The portfolio's three control lines per platform, the lines crossed, and the quadrant journey funnel.
window.Pages.portfolio = async (main, { tenant, t, el }) => {
  const query = `tenant=${encodeURIComponent(tenant)}`;
  main.append(el('h1', {}, t('portfolio.title')), el('p', { class: 'sub' }, t('portfolio.sub')));
  const compute = el('button', { type: 'button' }, t('portfolio.compute'));
  const status = el('span', { class: 'sub', role: 'status' });
  compute.addEventListener('click', async () => {
    compute.disabled = true;
    status.textContent = t('portfolio.computing');
    try { await Api.post(`/api/admin/control-lines/compute?${query}`); location.hash = `#/portfolio?at=${Date.now()}`; }
    catch (error) { status.textContent = error.message; compute.disabled = false; }
  });
  main.append(el('div', { class: 'row' }, compute, status));

  let lines = null;
  try {
    lines = await Api.get(`/api/admin/control-lines?${query}`);
  } catch (error) {
    if (!(error instanceof Api.ApiError) || error.status !== 404) throw error;
  }

  if (!lines) {
    main.append(el('div', { class: 'empty', 'data-testid': 'lines-empty' }, t('portfolio.none')));
  } else {
    const pct = v => `${(v * 100).toFixed(1)}%`;
    const crossed = new Map(lines.crossed.map(c => [`${c.line}|${c.platform ?? '-'}`, c]));
    const platforms = [...new Set([...Object.keys(lines.concentration), ...Object.keys(lines.roi)])].sort();
    const th = lines.thresholds;
    main.append(el('p', { class: 'sub' }, t('portfolio.computed', new Date(lines.computedAt).toLocaleString(I18n.language), lines.window)));
    const cell = (label, text, line) => el('td', { 'data-label': label, class: `nowrap${line && crossed.has(line) ? ' crossed' : ''}` }, text);
    main.append(el('table', { class: 'stack', 'data-testid': 'lines' },
      el('thead', {}, el('tr', {},
        el('th', {}, t('portfolio.platform')),
        el('th', {}, t('portfolio.signals'), th ? el('div', { class: 'threshold' }, t('portfolio.line.at', t('portfolio.line.concentration'), pct(th.concentration))) : ''),
        el('th', {}, t('portfolio.revenue')),
        el('th', {}, t('portfolio.roi'), th ? el('div', { class: 'threshold' }, t('portfolio.line.at', t('portfolio.line.roi'), String(th.roi))) : ''))),
      el('tbody', {}, ...platforms.map(p => el('tr', { 'data-platform': p },
        el('td', { 'data-label': t('portfolio.platform') }, el('strong', {}, p)),
        cell(t('portfolio.signals'), lines.concentration[p] ? pct(lines.concentration[p].signals) : '—', `concentration|${p}`),
        cell(t('portfolio.revenue'), lines.concentration[p] ? pct(lines.concentration[p].revenue) : '—'),
        cell(t('portfolio.roi'), lines.roi[p] === undefined || lines.roi[p] === null ? '—' : lines.roi[p].toFixed(3), `roi|${p}`))))));
    main.append(el('div', { class: 'cards' },
      el('div', { class: `card${crossed.has('innovation|-') ? ' crossed' : ''}` }, el('div', { class: 'label' }, t('portfolio.innovation')), el('div', { class: 'value' }, pct(lines.innovation.share)),
        th ? el('div', { class: 'threshold' }, t('portfolio.line.atLeast', t('portfolio.line.innovation'), pct(th.innovation))) : '')));
    const list = el('ul', { class: 'peaks', 'data-testid': 'crossed' }, ...lines.crossed.map(c => el('li', {},
      el('span', { class: 'badge broken' }, t(`portfolio.line.${c.line}`)), ' ',
      t('portfolio.crossedAt', c.platform ?? t('portfolio.newPlatforms'), c.line === 'roi' ? c.value.toFixed(3) : pct(c.value), c.line === 'roi' ? String(c.threshold) : pct(c.threshold)))));
    main.append(el('section', {}, el('h2', {}, t('portfolio.crossed')), lines.crossed.length === 0 ? el('div', { class: 'empty' }, t('portfolio.noneCrossed')) : list,
      el('p', { class: 'sub' }, el('a', { href: '#/handoffs' }, t('portfolio.alerts')))));
  }

  // The lines over their last computations: each platform's share of signals and ROI, and the innovation share, with the thresholds.
  if (lines) {
    const history = await Api.get(`/api/admin/control-lines?${query}&history=168`);
    const section = el('section', {}, el('h2', {}, t('portfolio.history')));
    if (history.length < 2) {
      section.append(el('div', { class: 'empty', 'data-testid': 'history-empty' }, t('portfolio.noHistory')));
      main.append(section);
    } else {
      const chart = el('div', { class: 'chart', 'data-testid': 'lines-history', role: 'img', 'aria-label': t('portfolio.history') });
      section.append(chart);
      main.append(section);
      await drawHistory(chart, history, t);
    }
  }

  const journeys = await Api.get(`/api/admin/journeys?${query}&days=30`);
  const steps = ['value', 'emotion', 'conversion', 'service'];
  const top = Math.max(1, ...steps.map(s => journeys.funnel?.[s] ?? 0));
  main.append(el('section', {}, el('h2', {}, t('portfolio.funnel')),
    el('p', { class: 'sub' }, journeys.people ? t('portfolio.funnelSub', journeys.people) : t('portfolio.noJourneys')),
    el('div', { class: 'funnel', 'data-testid': 'funnel' }, ...steps.map(s => {
      const count = journeys.funnel?.[s] ?? 0;
      const bar = el('div', { class: 'bar-fill' });
      bar.style.width = `${Math.round(count / top * 100)}%`;
      return el('div', { class: 'step' }, el('span', { class: 'label' }, t(`quadrant.${s}`)), el('div', { class: 'bar-track' }, bar), el('span', { class: 'count' }, String(count)));
    }))));
};

async function drawHistory(container, history, t) {
  const platforms = [...new Set(history.flatMap(h => Object.keys(h.concentration ?? {})))].sort();
  const series = platforms.map(p => ({
    name: `${p} · ${t('portfolio.signals')}`, type: 'line', showSymbol: true, symbolSize: 5,
    data: history.map(h => [h.computedAt, h.concentration?.[p]?.signals ?? null]),
  }));
  series.push({ name: t('portfolio.innovation'), type: 'line', showSymbol: true, symbolSize: 5, data: history.map(h => [h.computedAt, h.innovation?.share ?? null]) });
  // The warning line as the latest computation was judged against it (older results without thresholds: their crossings).
  const threshold = history[history.length - 1].thresholds?.concentration
    ?? history.flatMap(h => h.crossed ?? []).filter(c => c.line === 'concentration').pop()?.threshold;
  if (typeof threshold === 'number') {
    series[0].markLine = { symbol: 'none', lineStyle: { color: '#c4320a', type: 'dashed' }, label: { formatter: t('portfolio.line.concentration') }, data: [{ yAxis: threshold }] };
  }
  const roi = platforms.filter(p => history.some(h => typeof h.roi?.[p] === 'number')).map(p => ({
    name: `${p} · ROI`, type: 'line', yAxisIndex: 1, showSymbol: true, symbolSize: 5, lineStyle: { type: 'dotted' },
    data: history.map(h => [h.computedAt, h.roi?.[p] ?? null]),
  }));
  await Charts.timeLines(container, {
    grid: { left: 44, right: 44 },
    yAxis: [{ type: 'value', min: 0, max: 1, axisLabel: { formatter: v => `${Math.round(v * 100)}%` } }, { type: 'value', name: 'ROI' }],
    series: [...series, ...roi],
  });
}
