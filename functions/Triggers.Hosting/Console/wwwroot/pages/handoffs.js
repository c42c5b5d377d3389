window.Pages = window.Pages || {};
// The hand-off queue, most urgent first, with what a person needs to pick one up; claim and close.
window.Pages.handoffs = async (main, { tenant, t, el }) => {
  const asked = new URLSearchParams(location.hash.split('?')[1] ?? '').get('status');
  const status = ['open', 'claimed', 'closed'].includes(asked) ? asked : 'open';
  const handoffs = await Api.get(`/api/admin/handoffs?tenant=${encodeURIComponent(tenant)}&status=${status}`);
  main.append(el('h1', {}, t('handoffs.title')), el('p', { class: 'sub' }, t('handoffs.sub')));
  main.append(el('div', { class: 'tabs' }, ...['open', 'claimed', 'closed'].map(s =>
    el('a', { href: `#/handoffs?status=${s}`, class: s === status ? 'active' : '' }, t(`handoffs.${s}`)))));
  if (handoffs.length === 0) {
    main.append(el('div', { class: 'empty', 'data-testid': 'handoffs-empty' }, t(`handoffs.empty.${status}`)));
    return;
  }

  const agent = () => sessionStorage.getItem('triggers.by') ?? '';
  for (const handoff of handoffs) {
    const context = handoff.context ?? {};
    const urgency = context.urgency ?? {};
    const card = el('article', { class: 'card handoff', 'data-handoff': handoff.id });
    card.append(
      el('div', { class: 'row' },
        el('span', { class: 'urgency', title: t('handoffs.urgency') }, Math.round(handoff.urgency * 100).toString()),
        el('strong', {}, handoff.person?.id ?? `${handoff.channel} · ${handoff.contact}`),
        el('span', { class: 'sub' }, new Date(handoff.createdAt).toLocaleString(I18n.language))),
      context.note ? el('p', { class: 'note' }, el('strong', {}, t('handoffs.note')), context.note) : '',
      el('p', {}, handoff.why));
    const facts = [
      [t('handoffs.negative'), urgency.negative], [t('handoffs.trust'), urgency.trust], [t('handoffs.amount'), urgency.amount],
      [t('handoffs.waiting'), urgency.waitingMinutes === undefined ? undefined : `${urgency.waitingMinutes} min`],
    ].filter(([, value]) => value !== undefined && value !== null);
    if (facts.length > 0) card.append(el('div', { class: 'facts' }, ...facts.map(([label, value]) => el('span', {}, `${label} ${value}`))));
    const signals = context.lastSignals ?? [];
    if (signals.length > 0) {
      card.append(el('ul', { class: 'signals' }, ...signals.slice(0, 5).map(s =>
        el('li', {}, el('span', { class: `badge ${s.sentiment === 'negative' ? 'broken' : 'disabled'}` }, s.kind), ' ', s.text ?? ''))));
    }
    const emotion = context.emotion ?? [];
    if (emotion.length > 0) {
      card.append(el('div', { class: 'facts' }, ...emotion.map(e => el('span', { class: e.peak ? 'peak' : '' }, `${e.topic} ${e.intensity}${e.peak ? ' ▲' : ''}`))));
    }
    if (handoff.suggestedReply) card.append(el('p', { class: 'suggested' }, `${t('handoffs.suggested')}：${handoff.suggestedReply}`));
    if (handoff.claimedBy) card.append(el('p', { class: 'sub' }, `${t('handoffs.claimedBy')} ${handoff.claimedBy}`));
    if (handoff.closedBy) card.append(el('p', { class: 'sub' }, `${t('handoffs.closedBy')} ${handoff.closedBy}${handoff.outcome ? ` · ${handoff.outcome}` : ''}`));
    const result = el('p', { class: 'sub', role: 'status' });
    const base = `/api/admin/handoffs/${encodeURIComponent(handoff.id)}`;
    if (handoff.status === 'open') {
      const name = el('input', { placeholder: t('handoffs.agent'), 'aria-label': t('handoffs.agent'), value: agent() });
      const claim = el('button', { type: 'button' }, t('handoffs.claim'));
      claim.addEventListener('click', async () => {
        sessionStorage.setItem('triggers.by', name.value.trim());
        try {
          const claimed = await Api.post(`${base}/claim?tenant=${encodeURIComponent(tenant)}`, { agent: name.value.trim() || '—' });
          result.textContent = t('handoffs.claimDone', claimed.automatedTouchpointsGaveWay);
          claim.disabled = true;
        } catch (error) { result.textContent = error.message; }
      });
      card.append(el('div', { class: 'row' }, name, claim), result);
    } else if (handoff.status === 'claimed') {
      const outcome = el('input', { placeholder: t('handoffs.outcome'), 'aria-label': t('handoffs.outcome') });
      const close = el('button', { type: 'button', class: 'secondary' }, t('handoffs.close'));
      close.addEventListener('click', async () => {
        try {
          await Api.post(`${base}/close?tenant=${encodeURIComponent(tenant)}`, { outcome: outcome.value.trim() || undefined, by: agent() || undefined });
          result.textContent = t('handoffs.closedNow');
          close.disabled = true;
        } catch (error) { result.textContent = error.message; }
      });
      card.append(el('div', { class: 'row' }, outcome, close), result);
    }
    main.append(card);
  }
};
