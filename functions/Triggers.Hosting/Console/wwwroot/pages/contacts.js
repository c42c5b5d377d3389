window.Pages = window.Pages || {};
// One person across platforms: the timeline of what happened and the "demand ECG", the emotion per topic with its
// baseline and peaks, each peak linked to the touchpoints it set off.
window.Pages.contacts = async (main, { tenant, t, el }) => {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const account = params.get('account') ?? '';
  main.append(el('h1', {}, t('contacts.title')), el('p', { class: 'sub' }, t('contacts.sub')));
  const input = el('input', { type: 'search', value: account, placeholder: 'wechat:oAbC123', 'aria-label': t('contacts.search') });
  const form = el('form', { class: 'row search' }, input, el('button', { type: 'submit' }, t('contacts.search')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#/contacts?account=${encodeURIComponent(input.value.trim())}`;
  });
  main.append(form);
  if (!account) {
    main.append(el('div', { class: 'empty' }, t('contacts.empty')));
    return;
  }

  const timeline = await Api.get(`/api/admin/contacts/${encodeURIComponent(account)}/timeline?tenant=${encodeURIComponent(tenant)}&days=90`);
  const person = timeline.person;
  main.append(el('section', { class: 'card person' },
    el('strong', {}, person.id),
    el('div', { class: 'facts' }, ...person.accounts.map(a => el('span', {}, `${a.platform}:${a.id}`)))));

  const touchpoints = timeline.items.filter(i => i.type === 'touchpoint');
  const topics = Object.entries(timeline.emotion ?? {});
  const chartSection = el('section', {}, el('h2', {}, t('contacts.emotion')));
  main.append(chartSection);
  if (topics.length === 0) {
    chartSection.append(el('div', { class: 'empty' }, t('contacts.noEmotion')));
  } else {
    const chart = el('div', { class: 'chart', 'data-testid': 'emotion-chart', role: 'img', 'aria-label': t('contacts.emotion') });
    chartSection.append(chart);
    const peaks = el('ul', { class: 'peaks', 'data-testid': 'peaks' });
    for (const [topic, points] of topics) {
      for (const point of points.filter(p => p.peak)) {
        const caused = touchpoints.filter(i => i.detail.signalId === point.signalId);
        peaks.append(el('li', {},
          el('span', { class: 'badge broken' }, `▲ ${topic}`), ' ',
          `${new Date(point.at).toLocaleString(I18n.language)} · ${t('contacts.intensity')} ${point.intensity.toFixed(2)} / ${t('contacts.baseline')} ${point.baseline.toFixed(2)} → `,
          ...(caused.length === 0 ? [t('contacts.causedNothing')] : caused.map(i => {
            const link = el('button', { type: 'button', class: 'link peak-link', 'data-touchpoint': i.detail.id }, `${i.detail.type} · ${i.detail.ruleId}`);
            link.addEventListener('click', () => showTouchpoint(i.detail.id));
            return link;
          }))));
      }
    }
    chartSection.append(peaks.children.length > 0 ? peaks : el('p', { class: 'sub' }, t('contacts.noPeaks')));
    await drawChart(chart, topics, touchpoints, t);
  }

  const list = el('ol', { class: 'timeline', 'data-testid': 'timeline' });
  for (const item of timeline.items) {
    const id = item.type === 'touchpoint' ? `tp-${item.detail.id}` : undefined;
    const entry = el('li', { class: `item ${item.type}`, ...(id ? { id } : {}) },
      el('span', { class: 'when' }, new Date(item.at).toLocaleString(I18n.language)),
      el('span', { class: `badge ${item.type === 'touchpoint' ? 'enabled' : item.type === 'handoff' ? 'broken' : 'disabled'}` }, t(`contacts.type.${item.type}`)),
      el('span', { class: 'mono' }, item.account));
    entry.append(el('div', {}, item.type === 'touchpoint' ? `${item.detail.type} · ${item.detail.status}` : item.summary));
    if (item.type === 'touchpoint') entry.append(el('div', { class: 'why' }, `${t('contacts.why')}：${item.detail.why}`));
    list.append(entry);
  }
  main.append(el('section', {}, el('h2', {}, t('contacts.timeline')), timeline.items.length === 0 ? el('div', { class: 'empty' }, t('contacts.nothing')) : list));
};

// The touchpoint in the timeline, scrolled to and marked (not by the URL's hash, which names the page).
function showTouchpoint(id) {
  document.querySelectorAll('.timeline .highlight').forEach(e => e.classList.remove('highlight'));
  const item = document.getElementById(`tp-${id}`);
  item?.classList.add('highlight');
  item?.scrollIntoView({ block: 'center' });
}

async function drawChart(container, topics, touchpoints, t) {
  const series = [];
  for (const [topic, points] of topics) {
    series.push({
      name: topic, type: 'line', smooth: true, showSymbol: true, symbolSize: 6,
      data: points.map(p => [p.at, p.intensity]),
      // Peaks as red triangles above their point; the legend and the list below name the topic.
      markPoint: {
        symbol: 'triangle', symbolSize: 12, symbolOffset: [0, -10], itemStyle: { color: '#c4320a' }, label: { show: false },
        data: points.filter(p => p.peak).map(p => ({ coord: [p.at, p.intensity], value: topic, signalId: p.signalId })),
      },
    });
    series.push({
      name: `${topic} · ${t('contacts.baseline')}`, type: 'line', showSymbol: false, lineStyle: { type: 'dashed', width: 1 },
      data: points.map(p => [p.at, p.baseline]),
    });
  }
  const chart = await Charts.timeLines(container, { grid: { left: 40, right: 16 }, yAxis: { type: 'value', min: 0, max: 1 }, series });
  // A peak leads to the touchpoints it set off, in the timeline below.
  chart.on('click', params => {
    const caused = touchpoints.find(i => i.detail.signalId === params.data?.signalId);
    if (caused) showTouchpoint(caused.detail.id);
  });
}
