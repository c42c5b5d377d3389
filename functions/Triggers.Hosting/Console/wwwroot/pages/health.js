window.Pages = window.Pages || {};
window.Pages.health = async (main, { t, el }) => {
  let health;
  try {
    health = await Api.get('/api/admin/health');
  } catch (error) {
    // 503 still carries the report; anything else is shown as it is.
    if (!(error instanceof Api.ApiError) || error.status !== 503) throw error;
    health = { status: 'unhealthy', detail: error.message, channels: [], rules: { problems: [] } };
  }
  main.append(el('h1', {}, t('health.title')), el('p', { class: 'sub' }, t('health.sub')));
  main.append(el('div', { class: 'cards' },
    el('div', { class: 'card' }, el('div', { class: 'label' }, t('health.status')), el('div', { class: 'value', 'data-testid': 'health-status' }, t(health.status))),
    el('div', { class: 'card' }, el('div', { class: 'label' }, t('health.storage')), el('div', { class: 'value' }, health.storage ? t(health.storage) : '—')),
    el('div', { class: 'card' }, el('div', { class: 'label' }, t('health.channels')), el('div', { class: 'value' }, String(health.channels.length)))));
  const problems = [
    ...(health.rules?.problems ?? []).map(p => ['Rules', `${p.tenant} / ${p.ruleId}`, p.problem]),
    ...(health.topics?.problems ?? []).map(p => ['Topics', `${p.tenant} / ${p.topic}`, p.problem]),
    ...(health.rewards?.problems ?? []).map(p => ['Rewards', `${p.tenant} / ${p.reward}`, p.problem]),
    ...(health.scoring?.problems ?? []).map(p => ['Scoring', `${p.tenant} / ${p.row}`, p.problem]),
    ...(health.portfolio?.problems ?? []).map(p => ['Portfolio', `${p.tenant} / ${p.row}`, p.problem]),
    ...(health.portfolio?.promotions ?? []).map(p => ['Promotions', `${p.tenant} / ${p.row}`, p.problem]),
  ];
  const section = el('section', {}, el('h2', {}, t('health.problems')));
  section.append(problems.length === 0
    ? el('div', { class: 'empty' }, t('health.none'))
    : el('table', { class: 'stack', 'data-testid': 'health-problems' },
      el('thead', {}, el('tr', {}, ...['health.table', 'health.row', 'health.problem'].map(k => el('th', {}, t(k))))),
      el('tbody', {}, ...problems.map(([table, row, problem]) => el('tr', {},
        el('td', { 'data-label': t('health.table') }, table), el('td', { 'data-label': t('health.row') }, el('span', { class: 'mono' }, row)),
        el('td', { 'data-label': t('health.problem') }, el('span', { class: 'problem' }, problem)))))));
  main.append(section);
};
