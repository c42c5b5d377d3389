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

  // Queue depths, and the poison queues' messages with the error that stopped each, requeued once the cause is fixed.
  const queues = await Api.get('/api/admin/queues');
  const status = el('p', { role: 'status', 'data-testid': 'requeue-status' });
  const requeue = async (queue, ids) => {
    try {
      const result = await Api.post(`/api/admin/queues/${encodeURIComponent(queue)}/requeue`, ids ? { ids } : {});
      Flash.show(t('health.requeued', result.requeued.length));
    } catch (error) {
      status.replaceChildren(el('span', { class: 'problem' }, error.message));
    }
  };
  const button = (label, queue, ids, secondary) => {
    const b = el('button', { type: 'button', class: secondary ? 'secondary' : '' }, label);
    b.addEventListener('click', () => { b.disabled = true; requeue(queue, ids); });
    return b;
  };
  status.textContent = Flash.take();
  const queueSection = el('section', { 'data-testid': 'queues' }, el('h2', {}, t('health.queues')), status,
    el('div', { class: 'cards queues' }, ...queues.map(q => el('div', { class: `card${q.poison && q.depth > 0 ? ' crossed' : ''}`, 'data-queue': q.name },
      el('div', { class: 'label' }, q.name), el('div', { class: 'value' }, String(q.depth))))));
  // A scoped key sees its own messages among the first 32 of a queue; "requeue all" reaches every one of them.
  const poisoned = queues.filter(q => q.poison && (q.messages.length > 0 || (q.requeuesTo && q.depth > 0)));
  if (poisoned.length === 0) queueSection.append(el('div', { class: 'empty' }, t('health.noPoison')));
  for (const q of poisoned) {
    queueSection.append(el('div', { class: 'row head' }, el('h2', { class: 'mono' }, q.name), el('span', { class: 'spacer' }),
      q.requeuesTo ? button(t('health.requeueAll'), q.name, null, true) : el('span', { class: 'sub' }, t('health.notRequeueable'))));
    queueSection.append(el('table', { class: 'stack', 'data-poison': q.name },
      el('thead', {}, el('tr', {}, ...['health.failedAt', 'health.error', 'health.attempts', 'tenant', ''].map(k => el('th', {}, k ? t(k) : '')))),
      el('tbody', {}, ...q.messages.map(m => el('tr', { 'data-message': m.id },
        el('td', { 'data-label': t('health.failedAt'), class: 'nowrap' }, m.failedAt ? new Date(m.failedAt).toLocaleString(I18n.language) : '—'),
        el('td', { 'data-label': t('health.error') }, el('span', { class: 'problem' }, m.error ?? '—'), el('div', { class: 'mono sub' }, m.message.length > 240 ? `${m.message.slice(0, 240)}…` : m.message)),
        el('td', { 'data-label': t('health.attempts'), class: 'nowrap' }, m.dequeueCount === null || m.dequeueCount === undefined ? '—' : String(m.dequeueCount)),
        el('td', { 'data-label': t('tenant') }, m.tenants.filter(Boolean).join(', ') || '—'),
        el('td', {}, q.requeuesTo && !m.truncated ? button(t('health.requeue'), q.name, [m.id]) : ''))))));
  }
  main.append(queueSection);
};
