// The visual builder's model: a rule's When as a list of common condition shapes joined by "and", and its Then as
// actions, converted to and from the JsonLogic and JSON the table holds (docs/rules.md). A condition the shapes do not
// cover is left to the JSON view, untouched.
window.RuleBuilder = (() => {
  const kinds = ['message', 'comment', 'danmaku', 'follow', 'unfollow', 'contact_added', 'contact_removed', 'order', 'refund', 'review', 'event', 'redeem'];
  const platforms = ['douyin', 'xiaohongshu', 'wechat', 'wecom', 'bilibili', 'kuaishou', 'taobao', 'generic'];
  const sentiments = ['negative', 'positive', 'neutral', 'mixed'];
  const numericOps = ['>=', '>', '<=', '<'];
  const actionTypes = ['message', 'invite', 'coupon', 'handoff', 'tag', 'coins'];

  // Each shape: its fields, how it is written, and how a JsonLogic clause is read back (null when it is not this shape).
  const shapes = {
    kind: { value: 'message', write: c => ({ '==': [{ var: 'signal.kind' }, c.value] }) },
    platform: { value: 'douyin', write: c => ({ '==': [{ var: 'signal.platform' }, c.value] }) },
    sentiment: { value: 'negative', write: c => ({ '==': [{ var: 'sentiment.label' }, c.value] }) },
    topic: { value: '', write: c => ({ in: [c.value, { var: 'topics' }] }) },
    keyword: { value: '', write: c => ({ in: [c.value, { var: 'signal.text' }] }) },
    peak: { value: '', write: c => ({ '==': [{ var: `emotion.${c.value}.peak` }, true] }) },
    trust: { op: '>=', value: 60, write: c => ({ [c.op]: [{ var: 'contact.trust.score' }, Number(c.value)] }) },
    coins: { op: '>=', value: 100, write: c => ({ [c.op]: [{ var: 'contact.coins.balance' }, Number(c.value)] }) },
    control: {
      line: 'concentration', platform: 'douyin', op: '>', value: 0.4,
      write: c => ({ [c.op]: [{ var: c.line === 'innovation' ? 'controls.innovation.share' : `controls.${c.line}.${c.platform}` }, Number(c.value)] }),
    },
  };

  const isVar = node => node && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length === 1 && typeof node.var === 'string';

  const readClause = clause => {
    if (!clause || typeof clause !== 'object' || Array.isArray(clause)) return null;
    const ops = Object.keys(clause);
    if (ops.length !== 1) return null;
    const op = ops[0];
    const args = clause[op];
    if (!Array.isArray(args) || args.length !== 2) return null;
    if (op === 'in' && typeof args[0] === 'string' && isVar(args[1])) {
      if (args[1].var === 'topics') return { shape: 'topic', value: args[0] };
      if (args[1].var === 'signal.text') return { shape: 'keyword', value: args[0] };
      return null;
    }
    if (!isVar(args[0])) return null;
    const path = args[0].var;
    const value = args[1];
    if (op === '==' && typeof value === 'string') {
      if (path === 'signal.kind') return { shape: 'kind', value };
      if (path === 'signal.platform') return { shape: 'platform', value };
      if (path === 'sentiment.label') return { shape: 'sentiment', value };
    }
    const peak = /^emotion\.([^.]*)\.peak$/.exec(path);
    if (op === '==' && value === true && peak) return { shape: 'peak', value: peak[1] };
    if (!numericOps.includes(op) || typeof value !== 'number') return null;
    if (path === 'contact.trust.score') return { shape: 'trust', op, value };
    if (path === 'contact.coins.balance') return { shape: 'coins', op, value };
    if (path === 'controls.innovation.share') return { shape: 'control', line: 'innovation', platform: '', op, value };
    const control = /^controls\.(concentration|roi)\.([^.]+)$/.exec(path);
    if (control) return { shape: 'control', line: control[1], platform: control[2], op, value };
    return null;
  };

  /** The clauses of a When, or null when it is not a list of known shapes joined by "and". */
  const readWhen = when => {
    if (when === undefined || when === null || when === true) return [];
    const parts = when && typeof when === 'object' && Array.isArray(when.and) && Object.keys(when).length === 1 ? when.and : [when];
    const clauses = parts.map(readClause);
    return clauses.every(c => c) ? clauses : null;
  };

  // No condition is `true` (JsonLogic's "and" of nothing is false, so it would never fire).
  const writeWhen = clauses => {
    const written = clauses.map(c => shapes[c.shape].write(c));
    return written.length === 0 ? true : written.length === 1 ? written[0] : { and: written };
  };

  /** What a clause still lacks (an empty topic matches nothing useful, an empty keyword every text). */
  const missing = clause => {
    if (['topic', 'keyword', 'peak'].includes(clause.shape) && !String(clause.value ?? '').trim()) return 'value';
    if (['trust', 'coins', 'control'].includes(clause.shape) && (clause.value === null || clause.value === '' || Number.isNaN(Number(clause.value)))) return 'number';
    if (clause.shape === 'control' && clause.line !== 'innovation' && !clause.platform) return 'platform';
    return null;
  };

  const newClause = shape => {
    const { write, ...defaults } = shapes[shape];
    return { shape, ...defaults };
  };

  // ISO-8601 durations as staff write them in a rule: days, hours, minutes, seconds.
  const durationPattern = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

  /** Minutes in an ISO-8601 duration, or null when it is not one the builder reads. */
  const minutes = iso => {
    if (!iso) return 0;
    const m = durationPattern.exec(iso);
    if (!m || iso === 'P' || iso.endsWith('T')) return null;
    return (Number(m[1] ?? 0) * 1440) + (Number(m[2] ?? 0) * 60) + Number(m[3] ?? 0) + (Number(m[4] ?? 0) / 60);
  };

  const iso = totalMinutes => {
    const seconds = Math.round((totalMinutes ?? 0) * 60);
    if (seconds <= 0) return undefined;
    const days = Math.floor(seconds / 86400);
    const hours = Math.floor((seconds % 86400) / 3600);
    const mins = Math.floor((seconds % 3600) / 60);
    const secs = seconds % 60;
    const time = (hours ? `${hours}H` : '') + (mins ? `${mins}M` : '') + (secs ? `${secs}S` : '');
    return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
  };

  /** When the action is sent, after its signal: from the delay to the delay plus its slack (a share of the delay, 0.1 by default). */
  const windowOf = action => {
    const from = minutes(action.delay);
    if (from === null) return null;
    const slack = typeof action.slack === 'number' ? action.slack : 0.1;
    return { from, to: from * (1 + slack) };
  };

  return { kinds, platforms, sentiments, numericOps, actionTypes, shapes: Object.keys(shapes), readWhen, writeWhen, missing, newClause, minutes, iso, windowOf };
})();
