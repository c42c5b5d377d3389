// A line diff (longest common subsequence) between two versions of a rule, as staff compare them in its history.
window.LineDiff = (() => {
  /** [{ kind: 'same' | 'removed' | 'added', text }] turning `before` into `after`. */
  const lines = (before, after) => {
    const a = before.split('\n');
    const b = after.split('\n');
    const common = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    const result = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { result.push({ kind: 'same', text: a[i] }); i++; j++; }
      else if (common[i + 1][j] >= common[i][j + 1]) result.push({ kind: 'removed', text: a[i++] });
      else result.push({ kind: 'added', text: b[j++] });
    }
    while (i < a.length) result.push({ kind: 'removed', text: a[i++] });
    while (j < b.length) result.push({ kind: 'added', text: b[j++] });
    return result;
  };

  /** A rule version as the lines compared: its fields, with When and Then laid out one value per line. */
  const ruleText = version => {
    const parse = text => { try { return JSON.parse(text); } catch { return text ?? null; } };
    return JSON.stringify({
      enabled: version.enabled, priority: version.priority, cooldown: version.cooldown ?? null,
      description: version.description ?? null, when: parse(version.when), then: parse(version.then),
    }, null, 2);
  };

  return { lines, ruleText };
})();
