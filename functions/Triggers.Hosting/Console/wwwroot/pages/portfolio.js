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
    main.append(el('p', { class: 'sub' }, t('portfolio.computed', new Date(lines.computedAt).toLocaleString(I18n.language), lines.window)));
    const cell = (label, text, line) => el('td', { 'data-label': label, class: `nowrap${line && crossed.has(line) ? ' crossed' : ''}` }, text);
    main.append(el('table', { class: 'stack', 'data-testid': 'lines' },
      el('thead', {}, el('tr', {}, ...['portfolio.platform', 'portfolio.signals', 'portfolio.revenue', 'portfolio.roi'].map(k => el('th', {}, t(k))))),
      el('tbody', {}, ...platforms.map(p => el('tr', { 'data-platform': p },
        el('td', { 'data-label': t('portfolio.platform') }, el('strong', {}, p)),
        cell(t('portfolio.signals'), lines.concentration[p] ? pct(lines.concentration[p].signals) : '—', `concentration|${p}`),
        cell(t('portfolio.revenue'), lines.concentration[p] ? pct(lines.concentration[p].revenue) : '—'),
        cell(t('portfolio.roi'), lines.roi[p] === undefined || lines.roi[p] === null ? '—' : lines.roi[p].toFixed(3), `roi|${p}`))))));
    main.append(el('div', { class: 'cards' },
      el('div', { class: `card${crossed.has('innovation|-') ? ' crossed' : ''}` }, el('div', { class: 'label' }, t('portfolio.innovation')), el('div', { class: 'value' }, pct(lines.innovation.share)))));
    const list = el('ul', { class: 'peaks', 'data-testid': 'crossed' }, ...lines.crossed.map(c => el('li', {},
      el('span', { class: 'badge broken' }, t(`portfolio.line.${c.line}`)), ' ',
      t('portfolio.crossedAt', c.platform ?? t('portfolio.newPlatforms'), c.line === 'roi' ? c.value.toFixed(3) : pct(c.value), c.line === 'roi' ? String(c.threshold) : pct(c.threshold)))));
    main.append(el('section', {}, el('h2', {}, t('portfolio.crossed')), lines.crossed.length === 0 ? el('div', { class: 'empty' }, t('portfolio.noneCrossed')) : list,
      el('p', { class: 'sub' }, el('a', { href: '#/handoffs' }, t('portfolio.alerts')))));
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
