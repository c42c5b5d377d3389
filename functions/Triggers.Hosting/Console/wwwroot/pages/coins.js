window.Pages = window.Pages || {};
// The knowledge-coin bank: rewards with their stock, and one person's wallet (balance, experience, statement) with
// deposits and redemptions. Each form carries an idempotency key made when it is shown and kept until the bank has
// answered, so a retried click never applies twice.
window.Pages.coins = async (main, { tenant, t, el }) => {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const account = params.get('account') ?? '';
  const q = `tenant=${encodeURIComponent(tenant)}`;
  main.append(el('h1', {}, t('coins.title')), el('p', { class: 'sub' }, t('coins.sub')));

  const catalogue = await Api.get(`/api/admin/rewards?${q}`);
  const rewardsSection = el('section', { 'data-testid': 'rewards' }, el('h2', {}, t('coins.rewards')));
  if (catalogue.rewards.length === 0) {
    rewardsSection.append(el('div', { class: 'empty' }, t('coins.noRewards')));
  } else {
    rewardsSection.append(el('table', { class: 'stack' },
      el('thead', {}, el('tr', {}, ...['coins.reward', 'coins.cost', 'coins.stock', 'coins.remaining', 'coins.available'].map(k => el('th', {}, t(k))))),
      el('tbody', {}, ...catalogue.rewards.map(r => el('tr', { 'data-reward': r.id },
        el('td', { 'data-label': t('coins.reward') }, el('strong', {}, r.title ?? r.id), el('div', { class: 'mono muted' }, r.id)),
        el('td', { 'data-label': t('coins.cost'), class: 'nowrap' }, String(r.cost)),
        el('td', { 'data-label': t('coins.stock'), class: 'nowrap' }, r.stock === null || r.stock === undefined ? t('coins.unlimited') : String(r.stock)),
        el('td', { 'data-label': t('coins.remaining'), class: `nowrap ${r.remaining === 0 ? 'crossed' : ''}` }, r.remaining === null || r.remaining === undefined ? '—' : String(r.remaining)),
        el('td', { 'data-label': t('coins.available') }, el('span', { class: `badge ${r.available ? 'enabled' : 'disabled'}` }, r.available ? t('coins.yes') : t('coins.no'))))))));
  }
  for (const problem of catalogue.problems ?? []) rewardsSection.append(el('p', { class: 'problem' }, `${problem.reward}: ${problem.problem}`));
  main.append(rewardsSection);

  const input = el('input', { type: 'search', value: account, placeholder: 'wechat:oAbC123', 'aria-label': t('coins.search') });
  const form = el('form', { class: 'row search' }, input, el('button', { type: 'submit' }, t('contacts.search')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#/coins?account=${encodeURIComponent(input.value.trim())}`;
  });
  main.append(el('section', {}, el('h2', {}, t('coins.wallet')), form));
  if (!account) {
    main.append(el('div', { class: 'empty' }, t('coins.empty')));
    return;
  }

  const path = `/api/admin/contacts/${encodeURIComponent(account)}/coins`;
  const wallet = await Api.get(`${path}?${q}`);
  main.append(el('div', { class: 'cards', 'data-testid': 'wallet' },
    el('div', { class: 'card' }, el('div', { class: 'label' }, t('coins.balance')), el('div', { class: 'value', 'data-testid': 'balance' }, String(wallet.balance))),
    el('div', { class: 'card' }, el('div', { class: 'label' }, t('coins.xp')), el('div', { class: 'value' }, String(wallet.xp))),
    el('div', { class: 'card' }, el('div', { class: 'label' }, t('coins.walletId')), el('div', { class: 'mono' }, wallet.wallet))));

  const who = () => sessionStorage.getItem('triggers.by') || undefined;
  const status = el('p', { role: 'status', 'data-testid': 'coins-status' });

  // One key per intended operation: made when the form is drawn, reused by a retry, replaced once the bank has answered
  // or the operation is changed.
  const keyed = (form, send) => {
    let key = crypto.randomUUID();
    form.addEventListener('input', () => { key = crypto.randomUUID(); });
    form.addEventListener('change', () => { key = crypto.randomUUID(); });
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const button = form.querySelector('button');
      button.disabled = true;
      try {
        const result = await send(key);
        key = crypto.randomUUID();
        Flash.show(result);
      } catch (error) {
        // A refusal (400, 404, 409) is an answer, so the next try is a new operation. A lost connection or a server error
        // may have come after the bank applied it, so the retry keeps the key and cannot apply it twice.
        if (error instanceof Api.ApiError && [400, 404, 409].includes(error.status)) key = crypto.randomUUID();
        status.replaceChildren(el('span', { class: 'problem' }, error.message));
      } finally {
        button.disabled = false;
      }
    });
  };

  const available = catalogue.rewards.filter(r => r.available);
  const reward = el('select', { 'aria-label': t('coins.reward') }, ...available.map(r => el('option', { value: r.id }, `${r.title ?? r.id} · ${r.cost}`)));
  const redeem = el('form', { class: 'row card', 'data-testid': 'redeem' }, el('strong', {}, t('coins.redeem')), reward, el('button', { type: 'submit' }, t('coins.redeemButton')));
  keyed(redeem, async key => {
    const result = await Api.post(`${path}/redeem?${q}`, { reward: reward.value, idempotencyKey: key, by: who() });
    return t('coins.redeemed', result.reward, result.balance);
  });
  const amount = el('input', { type: 'number', min: '1', step: '1', required: '', 'aria-label': t('coins.amount'), class: 'narrow' });
  const reason = el('input', { 'aria-label': t('coins.reason'), placeholder: t('coins.reason') });
  const deposit = el('form', { class: 'row card', 'data-testid': 'deposit' }, el('strong', {}, t('coins.deposit')), amount, reason, el('button', { type: 'submit', class: 'secondary' }, t('coins.depositButton')));
  keyed(deposit, async key => {
    const result = await Api.post(`${path}/deposit?${q}`, { amount: Number(amount.value), reason: reason.value.trim() || undefined, idempotencyKey: key, by: who() });
    return t('coins.deposited', amount.value, result.balance);
  });
  if (available.length === 0) redeem.replaceChildren(el('span', { class: 'sub' }, t('coins.nothingToRedeem')));
  status.textContent = Flash.take();
  main.append(el('section', {}, redeem, deposit, status));

  const statement = el('section', { 'data-testid': 'statement' }, el('h2', {}, t('coins.statement')));
  if (wallet.entries.length === 0) {
    statement.append(el('div', { class: 'empty' }, t('coins.noEntries')));
  } else {
    statement.append(el('table', { class: 'stack' },
      el('thead', {}, el('tr', {}, ...['coins.at', 'coins.kind', 'coins.coins', 'coins.xp', 'coins.outcome', 'coins.after', 'coins.reason', 'coins.by'].map(k => el('th', {}, t(k))))),
      el('tbody', {}, ...[...wallet.entries].sort((a, b) => new Date(b.at) - new Date(a.at)).map(e => el('tr', {},
        el('td', { 'data-label': t('coins.at'), class: 'nowrap' }, new Date(e.at).toLocaleString(I18n.language)),
        el('td', { 'data-label': t('coins.kind') }, t(`coinKind.${e.kind}`, e.kind)),
        el('td', { 'data-label': t('coins.coins'), class: 'nowrap' }, e.coins > 0 ? `+${e.coins}` : String(e.coins)),
        el('td', { 'data-label': t('coins.xp'), class: 'nowrap' }, String(e.xp)),
        el('td', { 'data-label': t('coins.outcome') }, el('span', { class: `badge ${e.outcome === 'applied' ? 'enabled' : 'broken'}` }, t(`coinOutcome.${e.outcome}`, e.outcome))),
        el('td', { 'data-label': t('coins.after'), class: 'nowrap' }, String(e.coinsAfter)),
        el('td', { 'data-label': t('coins.reason') }, e.reason ?? ''),
        el('td', { 'data-label': t('coins.by') }, e.by))))));
  }
  main.append(statement);
};
