window.Pages = window.Pages || {};
window.Pages.rules = async (main, { tenant, t, el }) => {
  const rules = await Api.get(`/api/admin/rules?tenant=${encodeURIComponent(tenant)}`);
  main.append(el('div', { class: 'row head' }, el('h1', {}, t('rules.title')), el('span', { class: 'spacer' }),
    el('a', { href: '#/rule', class: 'button', 'data-testid': 'new-rule' }, t('rules.new'))), el('p', { class: 'sub' }, t('rules.sub')));
  if (rules.length === 0) {
    main.append(el('div', { class: 'empty', 'data-testid': 'rules-empty' }, t('rules.empty')));
    return;
  }
  const rows = rules.map(rule => el('tr', { 'data-rule': rule.id },
    el('td', { 'data-label': t('rules.id') }, el('a', { href: `#/rule?id=${encodeURIComponent(rule.id)}`, class: 'rule-link' }, el('strong', {}, rule.id)), rule.description ? el('div', { class: 'muted' }, rule.description) : '',
      ...rule.problems.map(p => el('p', { class: 'problem' }, p))),
    el('td', { 'data-label': t('rules.status') }, el('span', { class: `badge ${rule.status}` }, t(`status.${rule.status}`))),
    el('td', { 'data-label': t('rules.priority'), class: 'nowrap' }, String(rule.priority)),
    el('td', { 'data-label': t('rules.changed'), class: 'nowrap' }, rule.version ? new Date(rule.version).toLocaleString(I18n.language) : '—'),
    el('td', { 'data-label': t('rules.by'), class: 'nowrap' }, rule.changedBy ?? '—')));
  main.append(el('table', { class: 'stack' },
    el('thead', {}, el('tr', {}, ...['rules.id', 'rules.status', 'rules.priority', 'rules.changed', 'rules.by'].map(k => el('th', {}, t(k))))),
    el('tbody', {}, ...rows)));
};
