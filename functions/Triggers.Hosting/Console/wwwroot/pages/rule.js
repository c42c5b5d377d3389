window.Pages = window.Pages || {};
// One rule: the visual builder for the common condition shapes and actions, the JSON view for the rest (both checked
// by the admin API as staff type), simulation over recorded signals, save, enable and disable, and the history with diffs.
window.Pages.rule = async (main, { tenant, t, el }) => {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const q = `tenant=${encodeURIComponent(tenant)}`;
  const [rules, health] = await Promise.all([Api.get(`/api/admin/rules?${q}`), Api.get('/api/admin/health')]);
  const existing = rules.find(r => r.id === params.get('id')) ?? null;
  const channels = health.channels.filter(c => c.tenant === tenant).map(c => c.name);
  const parse = text => { try { return JSON.parse(text); } catch { return text; } };
  const draft = existing
    ? { when: parse(existing.when), then: parse(existing.then), priority: existing.priority, cooldown: existing.cooldown ?? '', description: existing.description ?? '' }
    : { when: { '==': [{ var: 'signal.kind' }, 'message'] }, then: [{ type: 'message', text: '', delay: 'PT10M', slack: 0.1 }], priority: 100, cooldown: 'P1D', description: '' };
  let ruleId = existing?.id ?? '';

  main.append(
    el('p', {}, el('a', { href: '#/rules' }, t('rule.back'))),
    el('h1', {}, existing ? t('rule.editTitle', existing.id) : t('rule.newTitle')),
    el('p', { class: 'sub' }, t('rule.sub')));
  if (existing) {
    main.append(el('p', { class: 'row' }, el('span', { class: `badge ${existing.status}`, 'data-testid': 'rule-status' }, t(`status.${existing.status}`)),
      existing.changedBy ? el('span', { class: 'sub' }, t('rule.lastBy', existing.changedBy)) : ''));
  }

  // Who is editing, kept for the session: recorded with the key's name on every change.
  const who = el('input', { value: sessionStorage.getItem('triggers.by') ?? '', 'aria-label': t('handoffs.agent'), placeholder: t('handoffs.agent') });
  who.addEventListener('change', () => sessionStorage.setItem('triggers.by', who.value.trim()));

  // ---- fields ----
  const idInput = el('input', { value: ruleId, 'aria-label': t('rule.id'), placeholder: 'range-peak-livestream', required: '' });
  if (existing) idInput.disabled = true;
  idInput.addEventListener('input', () => { ruleId = idInput.value.trim(); changed(); });
  const description = el('input', { value: draft.description, 'aria-label': t('rule.description'), class: 'wide' });
  description.addEventListener('input', () => { draft.description = description.value; changed(); });
  const priority = el('input', { type: 'number', value: String(draft.priority), 'aria-label': t('rules.priority'), class: 'narrow' });
  priority.addEventListener('input', () => { draft.priority = Number(priority.value); changed(); });
  const cooldowns = ['', 'PT10M', 'PT1H', 'P1D', 'P7D'];
  if (!cooldowns.includes(draft.cooldown)) cooldowns.push(draft.cooldown);
  const cooldown = el('select', { 'aria-label': t('rule.cooldown') }, ...cooldowns.map(c => el('option', { value: c }, c ? t(`cooldown.${c}`, c) : t('cooldown.none'))));
  cooldown.value = draft.cooldown;
  cooldown.addEventListener('change', () => { draft.cooldown = cooldown.value; changed(); });
  main.append(el('section', { class: 'card form' },
    field(t('rule.id'), idInput), field(t('rule.description'), description),
    el('div', { class: 'row' }, field(t('rules.priority'), priority), field(t('rule.cooldown'), cooldown), field(t('handoffs.agent'), who))));

  // ---- builder and JSON view ----
  const tabs = el('div', { class: 'tabs', role: 'tablist' });
  const builderTab = el('a', { href: '#', role: 'tab', 'data-view': 'builder' }, t('rule.builder'));
  const jsonTab = el('a', { href: '#', role: 'tab', 'data-view': 'json' }, t('rule.json'));
  tabs.append(builderTab, jsonTab);
  const builder = el('div', { 'data-testid': 'builder' });
  const jsonText = el('textarea', { rows: '18', spellcheck: 'false', class: 'mono json', 'aria-label': t('rule.json'), 'data-testid': 'rule-json' });
  const jsonError = el('p', { class: 'problem', role: 'alert', 'data-testid': 'json-error' });
  const jsonView = el('div', { hidden: '' }, jsonText, jsonError);
  const validation = el('div', { class: 'validation', role: 'status', 'data-testid': 'validation' });
  main.append(el('section', {}, tabs, builder, jsonView, validation));
  const show = view => {
    builderTab.classList.toggle('active', view === 'builder');
    jsonTab.classList.toggle('active', view === 'json');
    builder.hidden = view !== 'builder';
    jsonView.hidden = view !== 'json';
    if (view === 'json') { jsonText.value = JSON.stringify(draft, null, 2); jsonError.textContent = ''; } else drawBuilder();
  };
  builderTab.addEventListener('click', e => { e.preventDefault(); show('builder'); });
  jsonTab.addEventListener('click', e => { e.preventDefault(); show('json'); });
  jsonText.addEventListener('input', () => {
    try {
      const parsed = JSON.parse(jsonText.value);
      jsonError.textContent = '';
      for (const name of ['when', 'then', 'priority', 'cooldown', 'description']) draft[name] = parsed[name];
      changed();
    } catch (error) {
      pending++; // a check already under way is for text that is gone
      jsonError.textContent = t('rule.jsonError', where(jsonText.value, error), error.message);
      validation.replaceChildren();
    }
    save.disabled = jsonError.textContent !== '';
  });

  function field(label, input) { return el('label', { class: 'field' }, el('span', {}, label), input); }

  // A JSON.parse error as a line and column, where the browser says the position.
  function where(text, error) {
    const position = Number(/position (\d+)/.exec(error.message)?.[1] ?? text.length);
    const before = text.slice(0, position).split('\n');
    return t('rule.at', before.length, before[before.length - 1].length + 1);
  }

  function drawBuilder() {
    builder.replaceChildren();
    const clauses = RuleBuilder.readWhen(draft.when);
    const conditions = el('div', { class: 'card', 'data-testid': 'conditions' }, el('h2', {}, t('rule.when')));
    if (clauses === null) {
      conditions.append(el('p', { class: 'empty' }, t('rule.beyondBuilder')));
    } else {
      clauses.forEach((clause, index) => conditions.append(clauseRow(clauses, clause, index)));
      const add = el('select', { 'aria-label': t('rule.addCondition') }, el('option', { value: '' }, t('rule.addCondition')),
        ...RuleBuilder.shapes.map(s => el('option', { value: s }, t(`shape.${s}`))));
      add.addEventListener('change', () => {
        if (!add.value) return;
        clauses.push(RuleBuilder.newClause(add.value));
        draft.when = RuleBuilder.writeWhen(clauses);
        changed();
        drawBuilder();
      });
      conditions.append(clauses.length === 0 ? el('p', { class: 'sub' }, t('rule.everySignal')) : '', add);
    }
    const actions = el('div', { class: 'card', 'data-testid': 'actions' }, el('h2', {}, t('rule.then')));
    if (!Array.isArray(draft.then) || draft.then.some(a => !a || typeof a !== 'object')) {
      actions.append(el('p', { class: 'empty' }, t('rule.beyondBuilder')));
    } else {
      draft.then.forEach((action, index) => actions.append(actionRow(action, index)));
      const add = el('button', { type: 'button', class: 'secondary' }, t('rule.addAction'));
      add.addEventListener('click', () => { draft.then.push({ type: 'message', text: '', delay: 'PT10M', slack: 0.1 }); changed(); drawBuilder(); });
      actions.append(add);
    }
    builder.append(conditions, actions);
  }

  function clauseRow(clauses, clause, index) {
    const update = () => { draft.when = RuleBuilder.writeWhen(clauses); changed(); };
    const row = el('div', { class: 'row clause', 'data-shape': clause.shape });
    const shape = el('select', { 'aria-label': t('rule.condition') }, ...RuleBuilder.shapes.map(s => el('option', { value: s }, t(`shape.${s}`))));
    shape.value = clause.shape;
    shape.addEventListener('change', () => { clauses[index] = RuleBuilder.newClause(shape.value); update(); drawBuilder(); });
    const choice = (values, key, label, redraw) => {
      const select = el('select', { 'aria-label': label }, ...values.map(v => el('option', { value: v }, t(`value.${v}`, v))));
      if (!values.includes(clause[key])) select.append(el('option', { value: clause[key] }, clause[key]));
      select.value = clause[key];
      select.addEventListener('change', () => {
        clause[key] = select.value;
        if (key === 'line' && clause.line !== 'innovation' && !clause.platform) clause.platform = RuleBuilder.platforms[0];
        update();
        if (redraw) drawBuilder();
      });
      return select;
    };
    const text = (key, label, placeholder) => {
      const input = el('input', { value: String(clause[key] ?? ''), 'aria-label': label, placeholder });
      input.addEventListener('input', () => { clause[key] = input.value.trim(); update(); });
      return input;
    };
    const number = (key, label, step) => {
      const input = el('input', { type: 'number', step, value: String(clause[key]), 'aria-label': label, class: 'narrow' });
      input.addEventListener('input', () => { clause[key] = input.value === '' ? null : Number(input.value); update(); });
      return input;
    };
    row.append(shape);
    switch (clause.shape) {
      case 'kind': row.append('=', choice(RuleBuilder.kinds, 'value', t('shape.kind'))); break;
      case 'platform': row.append('=', choice(RuleBuilder.platforms, 'value', t('shape.platform'))); break;
      case 'sentiment': row.append('=', choice(RuleBuilder.sentiments, 'value', t('shape.sentiment'))); break;
      case 'topic': row.append(t('rule.contains'), text('value', t('shape.topic'), 'range_anxiety')); break;
      case 'keyword': row.append(t('rule.contains'), text('value', t('shape.keyword'), '试驾')); break;
      case 'peak': row.append(t('rule.topicIs'), text('value', t('shape.peak'), 'range_anxiety')); break;
      case 'trust': case 'coins': row.append(choice(RuleBuilder.numericOps, 'op', t('rule.operator')), number('value', t(`shape.${clause.shape}`), '1')); break;
      case 'control':
        row.append(choice(['concentration', 'roi', 'innovation'], 'line', t('rule.line'), true));
        if (clause.line !== 'innovation') row.append(choice(RuleBuilder.platforms, 'platform', t('shape.platform')));
        row.append(choice(RuleBuilder.numericOps, 'op', t('rule.operator')), number('value', t('shape.control'), '0.01'));
        break;
      default: break;
    }
    const remove = el('button', { type: 'button', class: 'link', 'aria-label': t('rule.remove') }, '✕');
    remove.addEventListener('click', () => { clauses.splice(index, 1); update(); drawBuilder(); });
    row.append(remove);
    return row;
  }

  function actionRow(action, index) {
    const row = el('div', { class: 'action', 'data-action': String(index) });
    const type = el('select', { 'aria-label': t('rule.actionType') }, ...RuleBuilder.actionTypes.map(v => el('option', { value: v }, t(`action.${v}`))));
    if (!RuleBuilder.actionTypes.includes(action.type)) type.append(el('option', { value: action.type }, action.type));
    type.value = action.type;
    type.addEventListener('change', () => { action.type = type.value; changed(); drawBuilder(); });
    const text = el('input', { value: action.text ?? action.template ?? '', 'aria-label': t('rule.text'), class: 'wide', placeholder: t('rule.textHint') });
    text.addEventListener('input', () => { if ('template' in action && !('text' in action)) action.template = text.value; else action.text = text.value; changed(); });
    const delayMinutes = RuleBuilder.minutes(action.delay);
    const [amount, unit] = delayMinutes === null ? [null, 'raw']
      : delayMinutes % 1440 === 0 && delayMinutes > 0 ? [delayMinutes / 1440, '1440']
        : delayMinutes % 60 === 0 && delayMinutes > 0 ? [delayMinutes / 60, '60'] : [delayMinutes, '1'];
    const delay = el('input', { type: 'number', min: '0', value: amount === null ? '' : String(amount), 'aria-label': t('rule.delay'), class: 'narrow' });
    const units = el('select', { 'aria-label': t('rule.unit') }, ...['1', '60', '1440'].map(u => el('option', { value: u }, t(`unit.${u}`))));
    units.value = unit === 'raw' ? '1' : unit;
    const slack = el('input', { type: 'number', min: '0', max: '100', value: String(Math.round((typeof action.slack === 'number' ? action.slack : 0.1) * 100)), 'aria-label': t('rule.slack'), class: 'narrow' });
    const windowText = el('span', { class: 'window', 'data-testid': 'window' });
    const drawWindow = () => {
      const w = RuleBuilder.windowOf(action);
      windowText.textContent = w === null ? t('rule.windowUnknown', action.delay)
        : w.from === 0 ? t('rule.windowNow') : t('rule.window', duration(w.from), duration(w.to));
    };
    // The delay is rewritten only from its own fields, and only when the builder could read it: a delay it cannot show
    // (P1M, PT90.5S…) is kept as written, and slack alone can still be changed.
    const setDelay = () => {
      action.delay = RuleBuilder.iso(Number(delay.value || 0) * Number(units.value));
      if (action.delay === undefined) delete action.delay;
      drawWindow();
      changed();
    };
    const setSlack = () => {
      action.slack = Math.max(0, Number(slack.value || 0)) / 100;
      drawWindow();
      changed();
    };
    if (delayMinutes === null) {
      delay.disabled = true;
      units.disabled = true;
      delay.placeholder = action.delay;
    }
    delay.addEventListener('input', setDelay);
    units.addEventListener('change', setDelay);
    slack.addEventListener('input', setSlack);
    drawWindow();
    row.append(el('div', { class: 'row' }, type, text));
    const timing = el('div', { class: 'row' }, t('rule.after'), delay, units, t('rule.slackLabel'), slack, '%', windowText);
    row.append(timing);
    if (action.type === 'coupon' || action.type === 'coins') {
      const key = action.type === 'coupon' ? 'value' : 'amount';
      const money = el('input', { type: 'number', min: '0', step: action.type === 'coupon' ? '0.01' : '1', value: action[key] === undefined ? '' : String(action[key]), 'aria-label': t(`rule.${key}`), class: 'narrow' });
      money.addEventListener('input', () => { if (money.value === '') delete action[key]; else action[key] = Number(money.value); changed(); });
      row.append(el('div', { class: 'row' }, t(`rule.${key}`), money));
    }
    const remove = el('button', { type: 'button', class: 'link' }, t('rule.removeAction'));
    remove.addEventListener('click', () => { draft.then.splice(index, 1); changed(); drawBuilder(); });
    row.append(remove);
    return row;
  }

  function duration(totalMinutes) {
    if (totalMinutes >= 1440 && totalMinutes % 1440 === 0) return t('span.days', totalMinutes / 1440);
    if (totalMinutes >= 60) return t('span.hours', +(totalMinutes / 60).toFixed(1));
    return t('span.minutes', +totalMinutes.toFixed(1));
  }

  // ---- validation as staff type ----
  let pending = 0;
  function body() {
    return { id: ruleId, when: draft.when, then: draft.then, priority: draft.priority, cooldown: draft.cooldown || undefined, description: draft.description || undefined };
  }
  function changed() {
    const ticket = ++pending;
    setTimeout(async () => {
      if (ticket !== pending) return;
      try {
        const result = await Api.post(`/api/admin/rules/validate?${q}`, body());
        if (ticket !== pending) return;
        // What the builder knows is still empty, then what the API would refuse.
        const clauses = RuleBuilder.readWhen(draft.when) ?? [];
        const problems = [
          ...clauses.map((c, i) => [c, i]).filter(([c]) => RuleBuilder.missing(c)).map(([c, i]) => t(`rule.missing.${RuleBuilder.missing(c)}`, i + 1, t(`shape.${c.shape}`))),
          ...result.problems,
        ];
        validation.replaceChildren(problems.length === 0
          ? el('p', { class: 'ok' }, t('rule.valid'))
          : el('ul', { class: 'problems' }, ...problems.map(p => el('li', { class: 'problem' }, p))));
      } catch (error) {
        if (ticket !== pending) return;
        validation.replaceChildren(el('p', { class: 'problem' }, error.message));
      }
    }, 300);
  }

  // ---- save, enable, disable ----
  const saveStatus = el('p', { role: 'status', 'data-testid': 'save-status' });
  const save = el('button', { type: 'button' }, t('rule.save'));
  save.addEventListener('click', async () => {
    try {
      const result = await Api.put(`/api/admin/rules/${encodeURIComponent(ruleId)}?${q}`,
        { ...body(), enabled: existing?.enabled ?? false, version: existing?.version, by: who.value.trim() || undefined });
      Flash.show(t('rule.saved', result.rule.id), `#/rule?id=${encodeURIComponent(result.rule.id)}`);
    } catch (error) {
      saveStatus.replaceChildren(el('span', { class: 'problem' }, t('rule.notSaved', error.message)));
    }
  });
  const actions = el('div', { class: 'row' }, save);
  if (existing) {
    const toggle = el('button', { type: 'button', class: 'secondary' }, existing.enabled ? t('rule.disable') : t('rule.enable'));
    toggle.addEventListener('click', async () => {
      try {
        await Api.post(`/api/admin/rules/${encodeURIComponent(existing.id)}/${existing.enabled ? 'disable' : 'enable'}?${q}`, { by: who.value.trim() || undefined });
        Flash.show(existing.enabled ? t('rule.disabledNow') : t('rule.enabledNow'));
      } catch (error) {
        saveStatus.replaceChildren(el('span', { class: 'problem' }, error.message));
      }
    });
    actions.append(toggle);
  }
  saveStatus.textContent = Flash.take();
  main.append(el('section', {}, actions, saveStatus));

  // ---- simulate over recorded signals ----
  const range = el('select', { 'aria-label': t('rule.range') }, ...['1', '7', '30', '90'].map(d => el('option', { value: d }, t('rule.lastDays', d))));
  range.value = '7';
  const channel = el('select', { 'aria-label': t('rule.channel') }, el('option', { value: '' }, t('rule.allChannels')), ...channels.map(c => el('option', { value: c }, c)));
  const simulate = el('button', { type: 'button', class: 'secondary' }, t('rule.simulate'));
  const progress = el('progress', { max: '1', value: '0', hidden: '', 'aria-label': t('rule.progress') });
  const progressText = el('span', { class: 'sub', role: 'status', 'data-testid': 'simulation-progress' });
  const results = el('div', { 'data-testid': 'simulation' });
  simulate.addEventListener('click', async () => {
    simulate.disabled = true;
    progress.hidden = false;
    results.replaceChildren();
    const now = new Date();
    const request = {
      tenant, channel: channel.value || undefined, from: new Date(now - Number(range.value) * 86400000).toISOString(), to: now.toISOString(),
      rules: [{ RowKey: ruleId || 'draft', Enabled: true, Priority: draft.priority, When: JSON.stringify(draft.when), Then: JSON.stringify(draft.then), Cooldown: draft.cooldown || null }],
    };
    try {
      const last = await Api.stream('/api/admin/rules/simulate', request, line => {
        if (line.phase === 'reading') { progress.max = line.total; progress.value = line.done; progressText.textContent = t('rule.reading', line.channel, line.done + 1, line.total); }
        if (line.phase === 'deciding') { progress.max = Math.max(1, line.total); progress.value = line.done; progressText.textContent = t('rule.deciding', line.done, line.total); }
      });
      if (last?.phase !== 'done') throw new Error(last?.error ?? t('rule.simulationStopped'));
      drawSimulation(last.result);
    } catch (error) {
      results.replaceChildren(el('p', { class: 'problem' }, error.message));
    } finally {
      simulate.disabled = false;
    }
  });
  main.append(el('section', {}, el('h2', {}, t('rule.simulateTitle')), el('p', { class: 'sub' }, t('rule.simulateSub')),
    el('div', { class: 'row' }, range, channel, simulate, progress, progressText), results));

  function drawSimulation(report) {
    const mine = report.results.find(r => r.id === (ruleId || 'draft'));
    if (!mine) { results.append(el('p', { class: 'empty' }, t('rule.noResult'))); return; }
    if (mine.problems.length > 0) { results.append(el('ul', {}, ...mine.problems.map(p => el('li', { class: 'problem' }, p)))); return; }
    const stopped = mine.touchpoints.filter(tp => tp.status !== 'planned');
    results.append(el('p', { 'data-testid': 'simulation-summary' },
      t('rule.simulated', report.signals, mine.matched, mine.touchpoints.length - stopped.length, stopped.length),
      mine.cooledDown ? ` ${t('rule.cooledDown', mine.cooledDown)}` : ''));
    if (report.signals === 0) { results.append(el('div', { class: 'empty' }, t('rule.noSignals'))); return; }
    if (mine.touchpoints.length === 0) { results.append(el('div', { class: 'empty' }, t('rule.firesOnNothing'))); return; }
    results.append(el('table', { class: 'stack' },
      el('thead', {}, el('tr', {}, ...['rule.signalAt', 'rule.contact', 'rule.signal', 'rule.actionType', 'rules.status', 'rule.guardrail'].map(k => el('th', {}, t(k))))),
      el('tbody', {}, ...mine.touchpoints.map(tp => el('tr', { 'data-signal': tp.signalId, class: tp.status === 'planned' ? '' : 'stopped' },
        el('td', { 'data-label': t('rule.signalAt'), class: 'nowrap' }, tp.signalAt ? new Date(tp.signalAt).toLocaleString(I18n.language) : '—'),
        el('td', { 'data-label': t('rule.contact') }, tp.contact),
        el('td', { 'data-label': t('rule.signal') }, tp.signalText ?? tp.signalId),
        el('td', { 'data-label': t('rule.actionType') }, t(`action.${tp.type}`)),
        el('td', { 'data-label': t('rules.status') }, el('span', { class: `badge ${tp.status === 'planned' ? 'enabled' : 'broken'}` }, t(`tp.${tp.status}`, tp.status))),
        el('td', { 'data-label': t('rule.guardrail') }, tp.guardrail ? el('span', {}, el('strong', {}, tp.guardrail), tp.reason ? el('div', { class: 'why' }, tp.reason) : '') : '—'))))));
  }

  // ---- history with diffs ----
  if (existing) {
    const history = await Api.get(`/api/admin/rules/history?${q}&rule=${encodeURIComponent(existing.id)}&limit=20`);
    const section = el('section', { 'data-testid': 'history' }, el('h2', {}, t('rule.history')));
    if (history.length === 0) section.append(el('div', { class: 'empty' }, t('rule.noHistory')));
    const diffBox = el('pre', { class: 'diff mono', 'data-testid': 'diff', hidden: '' });
    const list = el('ol', { class: 'history' });
    history.forEach((entry, index) => {
      const newer = index === 0 ? existing : history[index - 1];
      const compare = el('button', { type: 'button', class: 'link' }, t('rule.compare'));
      compare.addEventListener('click', () => {
        diffBox.hidden = false;
        diffBox.replaceChildren(...LineDiff.lines(LineDiff.ruleText(entry), LineDiff.ruleText(newer)).map(line =>
          el('span', { class: `line ${line.kind}` }, `${line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '} ${line.text}`)));
      });
      list.append(el('li', {},
        el('span', { class: 'nowrap' }, new Date(entry.changedAt).toLocaleString(I18n.language)), ' ',
        t(`change.${entry.change}`, entry.change), ' ', el('strong', {}, entry.changedBy), ' ', compare));
    });
    section.append(list, diffBox);
    main.append(section);
  }

  drawBuilder();
  show('builder');
  changed();
};
