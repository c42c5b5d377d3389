'use strict';
// json-logic-js 2.0.5 on the same rules and data as the C# evaluator (bench/Triggers.Bench --jsonlogic).
// Usage: node bench.js [plan.json]
//   with a plan (written by the C# side): exactly the conformance rows and rules that the C# build compiled;
//   without one: every row of ../../../shared/data/jsonlogic/tests.json and every rule in the data folder.
// Prints one line of JSON: evaluations per second for (a) the conformance rows, (b) rules x data.
const fs = require('fs');
const path = require('path');
const jsonLogic = require('json-logic-js');
const engineVersion = require('json-logic-js/package.json').version;

// "log" would write to the console millions of times; identity keeps the evaluation and drops the I/O.
jsonLogic.add_operation('log', (a) => a);

function loadPlan(file) {
  if (file) {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  const repo = path.resolve(__dirname, '..', '..');
  const data = path.join(repo, 'bench', 'Triggers.Bench', 'JsonLogic', 'data');
  const tests = JSON.parse(fs.readFileSync(path.resolve(repo, '..', 'shared', 'data', 'jsonlogic', 'tests.json'), 'utf8'));
  return {
    settings: { warmupSeconds: 3, rounds: 7, roundSeconds: 1 },
    conformance: tests.filter((row) => Array.isArray(row)),
    rules: JSON.parse(fs.readFileSync(path.join(data, 'rules.json'), 'utf8')),
    data: JSON.parse(fs.readFileSync(path.join(data, 'signals.json'), 'utf8')),
  };
}

// Warm-up, then timed rounds of whole passes; the median round's rate (as on the C# side).
function measure(settings, evaluationsPerPass, pass) {
  let sink = 0;
  const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
  const warm = process.hrtime.bigint();
  while (seconds(warm) < settings.warmupSeconds) sink += pass();
  const rates = [];
  for (let round = 0; round < settings.rounds; round++) {
    let passes = 0;
    const start = process.hrtime.bigint();
    let elapsed;
    do {
      sink += pass();
      passes++;
      elapsed = seconds(start);
    } while (elapsed < settings.roundSeconds);
    rates.push((passes * evaluationsPerPass) / elapsed);
  }
  rates.sort((x, y) => x - y);
  return { evalsPerSecond: rates[Math.floor(rates.length / 2)], sink };
}

const plan = loadPlan(process.argv[2]);
const { settings, conformance, rules, data } = plan;

const matchesExpected = conformance.filter(([logic, d, expected]) =>
  JSON.stringify(jsonLogic.apply(logic, d)) === JSON.stringify(expected)).length;
const truthyPerRule = rules.map((rule) => data.filter((d) => jsonLogic.truthy(jsonLogic.apply(rule, d))).length);

const a = measure(settings, conformance.length, () => {
  let n = 0;
  for (let i = 0; i < conformance.length; i++) {
    const row = conformance[i];
    n += jsonLogic.apply(row[0], row[1]) === null ? 0 : 1;
  }
  return n;
});
const b = measure(settings, rules.length * data.length, () => {
  let n = 0;
  // Signal by signal, every rule against each, as the C# figure it is compared with.
  for (let i = 0; i < data.length; i++) {
    const d = data[i];
    for (let r = 0; r < rules.length; r++) {
      n += jsonLogic.truthy(jsonLogic.apply(rules[r], d)) ? 1 : 0;
    }
  }
  return n;
});

console.log(JSON.stringify({
  engine: engineVersion,
  node: process.version,
  conformance: { rows: conformance.length, evalsPerSecond: Math.round(a.evalsPerSecond), matchesExpected },
  realistic: { rules: rules.length, data: data.length, evalsPerSecond: Math.round(b.evalsPerSecond), truthyPerRule },
}));
