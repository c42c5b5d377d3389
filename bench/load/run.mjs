#!/usr/bin/env node
// The load benchmark (issue 13, docs/benchmarks.md): one run, one machine, every figure beside its baselines.
//
//   node bench/load/run.mjs [--quick] [--no-peers] [--seconds 15] [--rate 20] [--drain-seconds 60]
//
// 1. Builds the standalone host, the CLI and the bench tool (Release), starts a fresh Azurite on its own ports
//    and data folder, and a host on it with one generic channel and a rule that plans one touchpoint per message.
// 2. One instance doing everything: a steady stream (--rate, default 20/s) for receipt -> processed p50/p99 on fresh
//    storage, then wrk from pre-signed requests at 16 and 64 connections (req/s, p50, p99, errors, storage transactions
//    per signal at ingest from the host's own counters, GET /api/admin/health), then its drain.
// 3. The ingest tier alone (Standalone:Workers false) under the same wrk runs.
// 4. Processing alone: a worker instance on that backlog for --drain-seconds (default 60).
// 5. Azurite's raw capacity for the operations we use, from the bench tool (the physical limit here), and the
//    processing limit it implies. A subscriber takes touchpoint events off their queue all through phases 1-4.
// 6. The peers on the same requests: Node-RED (stateless HMAC check) and n8n (SQLite, executions saved).
// Prints a table with ratios and writes bench/load/.runtime/last-run.json.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Agent } from 'node:http';
import {
  root, here, build, ensureAzuriteInstalled, startAzurite as launchAzurite, startHost as launchHost, connectionFor,
  importRule as importRuleFile, signed, post, status, getJson, waitFor, sleep, round, say as sayAs,
} from './lib.mjs';
const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-peers': { type: 'boolean', default: false },
    seconds: { type: 'string' },
    rate: { type: 'string' },
    'drain-seconds': { type: 'string' },
  },
});
const seconds = Number(opts.seconds ?? (opts.quick ? 8 : 15));
const SECRET = 'bench-load-secret-0000000001';
const ports = { blob: 21100, queue: 21101, table: 21102, host: 7181, worker: 7182 };
const base = `http://127.0.0.1:${ports.host}`;
const connection = connectionFor(ports);
const runtime = join(here, '.runtime');
mkdirSync(runtime, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'triggers-load-'));
const children = [];
const results = { machine: machine(), seconds, ours: {}, peers: {}, azurite: {} };

const say = (m) => sayAs('load', m);

process.on('exit', () => { for (const c of children) { try { c.kill('SIGKILL'); } catch { /* gone */ } } rmSync(work, { recursive: true, force: true }); });
process.on('SIGINT', () => process.exit(130));

try {
  await main();
} catch (err) {
  say(`failed: ${err.stack ?? err}`);
  process.exitCode = 1;
}
// Exit now, which kills the children (above): a child still running would otherwise keep this process, and the
// emulator's ports, alive after a failure.
process.exit(process.exitCode ?? 0);

async function main() {
  say('building Release (host, CLI, bench tool)');
  build(['functions/Triggers.App', 'functions/Triggers.Cli', 'bench/Triggers.Bench']);
  ensureAzuriteInstalled(say);

  const azurite = startAzurite();
  await waitFor(async () => (await status(`http://127.0.0.1:${ports.table}/`)) !== 0, 'Azurite');
  // A subscriber takes the touchpoint events off their queue all through the run, as one would in production: Azurite
  // scans every message stored in the account on each queue operation, so an events queue nobody reads would slow
  // the signals queue more and more.
  const subscriber = startSubscriber();

  // Phase 1, one instance doing everything, as `dotnet run` does on a laptop, on fresh storage.
  const oneBase = `http://127.0.0.1:${ports.worker}`;
  // The rule first, so the host's first reading of table Rules has it.
  importRule();
  const one = startHost(ports.worker, true);
  await waitFor(async () => (await status(`${oneBase}/api/health`)) === 200, 'the host (GET /api/health)');
  say(`host pid ${one.pid}, Azurite pid ${azurite.pid}`);
  await wrk('warm-up', 16, Math.min(5, seconds), `${oneBase}/api/webhooks/bench`);
  await drain(oneBase, 120);
  // Receipt -> processed first, while the tables are small: a steady stream at a rate processing keeps up with.
  const steadyRate = Number(opts.rate ?? 20);
  results.ours.latency = await steadyStream(oneBase, steadyRate, Math.min(seconds, 10));
  say(`receipt -> processed at ${steadyRate}/s: p50 ${results.ours.latency.p50Ms} ms, p99 ${results.ours.latency.p99Ms} ms`);
  for (const connections of [16, 64]) {
    results.ours[`combined_c${connections}`] = await measureWebhook(`combined-c${connections}`, connections, azurite, one, oneBase);
  }
  results.ours.combinedDrain = await drain(oneBase, 120);
  results.ours.combinedPeakRssMb = peakRssMb(one.pid);
  one.kill('SIGTERM');
  await sleep(500);

  // Phase 2, the ingest tier alone (Standalone:Workers false): what the webhook path itself carries.
  const ingest = startHost(ports.host, false);
  await waitFor(async () => (await status(`${base}/api/health`)) === 200, 'the ingest host (GET /api/health)');
  await wrk('ingest-warm-up', 16, Math.min(5, seconds));
  for (const connections of [16, 64]) {
    results.ours[`ingest_c${connections}`] = await measureWebhook(`ingest-c${connections}`, connections, azurite, ingest, base);
  }
  results.ours.ingestPeakRssMb = peakRssMb(ingest.pid);
  const backlog = (await work_(base)).signalsEnqueued;
  ingest.kill('SIGTERM');

  // Phase 3, processing alone: a worker instance works through that backlog for a while (not necessarily to the end).
  const worker = startHost(ports.worker, true);
  await waitFor(async () => (await status(`${oneBase}/api/health`)) === 200, 'the worker host (GET /api/health)');
  const drainCpu0 = cpuSeconds(azurite.pid), drainHostCpu0 = cpuSeconds(worker.pid), drainStart = Date.now();
  results.ours.processing = await drain(oneBase, Number(opts['drain-seconds'] ?? 60), backlog);
  const drainSeconds = (Date.now() - drainStart) / 1000;
  results.ours.processing.azuriteCpuCores = round((cpuSeconds(azurite.pid) - drainCpu0) / drainSeconds, 2);
  results.ours.processing.hostCpuCores = round((cpuSeconds(worker.pid) - drainHostCpu0) / drainSeconds, 2);
  say(`processing: ${results.ours.processing.decidedPerSecond} signals/s on a backlog of ${backlog}, ${results.ours.processing.transactionsPerSignal} transactions/signal, ` +
    `Azurite ${results.ours.processing.azuriteCpuCores} cores, host ${results.ours.processing.hostCpuCores} cores`);
  worker.kill('SIGTERM');

  results.ours.eventsConsumed = await stopSubscriber(subscriber);
  results.azurite = azuriteCapacity();
  azurite.kill('SIGKILL'); // its data folder is thrown away: no need to wait while it saves
  await sleep(1000);

  if (!opts['no-peers']) {
    for (const peer of ['node-red', 'n8n']) {
      results.peers[peer] = await measurePeer(peer);
    }
  }

  report();
  writeFileSync(join(runtime, 'last-run.json'), JSON.stringify(results, null, 2));
  say(`figures written to ${join(runtime, 'last-run.json')}`);
}

async function measureWebhook(label, connections, azurite, host, url) {
  const before = await work_(url);
  const cpu0 = cpuSeconds(azurite.pid), hostCpu0 = cpuSeconds(host.pid);
  const w = await wrk(label, connections, seconds, `${url}/api/webhooks/bench`);
  const after = await work_(url);
  const enqueued = after.signalsEnqueued - before.signalsEnqueued;
  const figures = {
    ...w,
    signalsEnqueued: enqueued,
    ingestTransactionsPerSignal: round((after.storageTransactions.ingest - before.storageTransactions.ingest) / Math.max(1, enqueued), 3),
    ingestQueueTransactionsPerSignal: round((after.queueTransactions.ingest - before.queueTransactions.ingest) / Math.max(1, enqueued), 3),
    decidedPerSecondDuringLoad: round((after.signalsDecided - before.signalsDecided) / w.seconds, 1),
    azuriteCpuCores: round((cpuSeconds(azurite.pid) - cpu0) / w.seconds, 2),
    hostCpuCores: round((cpuSeconds(host.pid) - hostCpu0) / w.seconds, 2),
  };
  say(`${label}: ${w.requestsPerSecond} req/s, p50 ${w.p50Ms} ms, p99 ${w.p99Ms} ms, ${w.non2xx} non-2xx, ${figures.ingestTransactionsPerSignal} ingest transactions/signal, ` +
    `Azurite ${figures.azuriteCpuCores} cores, host ${figures.hostCpuCores} cores`);
  return figures;
}

function machine() {
  const cpu = cpus();
  return { cpus: cpu.length, model: cpu[0]?.model ?? 'unknown', memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version,
    dotnet: execFileSync('dotnet', ['--version']).toString().trim(), date: new Date().toISOString() };
}


function startAzurite() {
  const child = launchAzurite(ports, join(work, 'azurite'));
  children.push(child);
  return child;
}

function startSubscriber() {
  const child = spawn('dotnet', [join(root, 'bench/Triggers.Bench/bin/Release/net10.0/Triggers.Bench.dll'), '--subscribe-events', connection],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.finished = new Promise((resolve) => child.once('exit', () => resolve(out)));
  children.push(child);
  return child;
}

async function stopSubscriber(child) {
  child.kill('SIGTERM');
  const out = await child.finished;
  const consumed = JSON.parse(out.trim().split('\n').pop() || '{"consumed":null}').consumed;
  say(`subscriber: ${consumed} touchpoint events taken off the queue`);
  return consumed;
}

function startHost(port, workers) {
  const child = launchHost(port, connection, {
    Channels__bench__Platform: 'generic',
    Channels__bench__Tenant: 'bench',
    Channels__bench__Secret: SECRET,
    Standalone__Workers: `${workers}`,
  });
  children.push(child);
  return child;
}

function importRule() {
  importRuleFile(connection, join(work, 'rules.jsonl'), {
    PartitionKey: 'bench', RowKey: 'reply-later', Enabled: true, Priority: 10,
    When: { '==': [{ var: 'signal.kind' }, 'message'] },
    Then: [{ type: 'message', text: '收到，稍后回复您', delay: 'PT1H' }],
    Description: 'bench/load: every message plans one touchpoint',
  });
}

async function wrk(label, connections, duration, url = `${base}/api/webhooks/bench`, secret = SECRET) {
  const file = join(work, `${label}.tsv`);
  // Enough distinct signals that no request repeats (a repeat would be a dedupe hit, a different path).
  const count = Math.max(20000, Math.round(duration * 6000));
  execFileSync('node', [join(here, 'make-requests.mjs'), '--count', `${count}`, '--secret', secret, '--out', file, '--prefix', `${label}-${Date.now()}-`]);
  const threads = 2;
  // n8n needs more than wrk's default 2 s at 64 connections; a timeout would read as an error, not as latency.
  const out = execFileSync('wrk', [`-t${threads}`, `-c${connections}`, `-d${duration}s`, '--timeout', '10s', '--latency', '-s', join(here, 'signed.lua'), url],
    { env: { ...process.env, REQUESTS: file, WRK_THREADS: `${threads}` }, maxBuffer: 1 << 24 }).toString();
  return parseWrk(out, duration);
}

function parseWrk(out, duration) {
  const ms = (text) => {
    const m = /^([\d.]+)(us|ms|s|m)$/.exec(text);
    if (!m) return null;
    return Number(m[1]) * { us: 0.001, ms: 1, s: 1000, m: 60000 }[m[2]];
  };
  const pct = (p) => ms((new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(out) ?? [])[1] ?? '');
  const requests = Number((/(\d+) requests in/.exec(out) ?? [])[1] ?? 0);
  const rps = Number((/Requests\/sec:\s+([\d.]+)/.exec(out) ?? [])[1] ?? 0);
  // signed.lua counts every status outside 2xx itself (wrk's own line counts only 400 and up).
  const non2xx = Number((/errors non2xx=(\d+)/.exec(out) ?? [])[1] ?? 0);
  const wrapped = /threads ran out of distinct requests/.test(out);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  return { seconds: duration, requests, requestsPerSecond: Math.round(rps), p50Ms: round(pct(50), 2), p99Ms: round(pct(99), 2), non2xx, socketErrors: errors, repeatedRequests: wrapped };
}

async function work_(url) {
  const body = await getJson(`${url}/api/admin/health`);
  return body.work;
}

// Waits until the instance at url has decided `target` signals (default: all it enqueued itself); the rate is measured
// from the first decision seen, so start-up time does not count.
async function drain(url, limitSeconds, target) {
  const first = await work_(url);
  const goal = target ?? first.signalsEnqueued;
  let start = null, startDecided = first.signalsDecided, startTx = first.storageTransactions.processing;
  let startQueueTx = first.queueTransactions.processing, startOtherQueueTx = first.queueTransactions.other;
  let last = first;
  const deadline = Date.now() + limitSeconds * 1000;
  while (Date.now() < deadline) {
    last = await work_(url);
    if (start === null && last.signalsDecided > first.signalsDecided) {
      start = Date.now(); startDecided = last.signalsDecided; startTx = last.storageTransactions.processing;
      startQueueTx = last.queueTransactions.processing; startOtherQueueTx = last.queueTransactions.other;
    }
    if (last.signalsDecided >= goal) break;
    await sleep(250);
  }
  const elapsed = start === null ? 0 : (Date.now() - start) / 1000;
  const decided = last.signalsDecided - startDecided;
  const tx = last.storageTransactions.processing - startTx;
  return { backlog: goal - first.signalsDecided, decided: last.signalsDecided - first.signalsDecided, seconds: round(elapsed, 1),
    decidedPerSecond: round(decided / Math.max(elapsed, 0.001), 1),
    transactionsPerSignal: decided ? round(tx / decided, 2) : null,
    // Of those, the event sends; and the worker's receives and deletes of signal messages (counted as other work).
    queueTransactionsPerSignal: decided ? round((last.queueTransactions.processing - startQueueTx) / decided, 3) : null,
    pollingTransactionsPerSignal: decided ? round((last.queueTransactions.other - startOtherQueueTx) / decided, 3) : null,
    left: Math.max(0, goal - last.signalsDecided) };
}

// A fixed-rate stream on keep-alive connections; then receipt -> processed from the host's own record of each signal.
async function steadyStream(url, rate, duration) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const prefix = `steady-${Date.now()}-`;
  const total = rate * duration;
  const started = Date.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    const id = `${prefix}${i}`;
    pending.push(post(`${url}/api/webhooks/bench`, agent,
      signed(SECRET, { id, kind: 'message', actor: { id: `c${i % 500}` }, text: `steady ${id}`, occurredAt: new Date().toISOString() })).then((r) => r.status));
  }
  const statuses = await Promise.all(pending);
  await drain(url, 120);
  const signals = await getJson(`${url}/api/admin/signals?channel=bench&limit=1000`);
  const lags = signals.filter((s) => s.id && s.text?.startsWith('steady'))
    .map((s) => Date.parse(s.processedAt) - Date.parse(s.receivedAt)).sort((a, b) => a - b);
  agent.destroy();
  const at = (q) => lags.length ? lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] : null;
  return { rate, seconds: duration, sent: total, non2xx: statuses.filter((s) => s < 200 || s >= 300).length, sampled: lags.length, p50Ms: at(0.5), p99Ms: at(0.99) };
}


function azuriteCapacity() {
  say('Azurite raw capacity (bench tool, 64 concurrent requests per operation)');
  const out = execFileSync('dotnet', [join(root, 'bench/Triggers.Bench/bin/Release/net10.0/Triggers.Bench.dll'), '--azurite-capacity', connection, `${Math.min(seconds, 5)}`, '64'],
    { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
  const capacity = {};
  for (const line of out.split('\n').filter((l) => l.startsWith('{'))) {
    const r = JSON.parse(line);
    capacity[r.operation] = r;
  }
  return capacity;
}

async function measurePeer(peer) {
  say(`peer ${peer}: starting (installs on first use; n8n's first install takes minutes)`);
  const env = { ...process.env, BENCH_SECRET: SECRET };
  const url = execFileSync('bash', [join(here, 'peers', peer, 'start.sh')], { env, stdio: ['ignore', 'pipe', 'inherit'] }).toString().trim().split('\n').pop();
  try {
    await wrk(`${peer}-warm-up`, 16, Math.min(5, seconds), url);
    const out = {};
    for (const connections of [16, 64]) {
      out[`c${connections}`] = await wrk(`${peer}-c${connections}`, connections, seconds, url);
      say(`peer ${peer} c${connections}: ${out[`c${connections}`].requestsPerSecond} req/s, p99 ${out[`c${connections}`].p99Ms} ms`);
    }
    return out;
  } finally {
    execFileSync('bash', [join(here, 'peers', peer, 'stop.sh')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

function report() {
  const o = results.ours;
  const line = (...cells) => console.log(`| ${cells.join(' | ')} |`);
  const ratio = (a, b) => (a && b ? `${round(a / b, 2)}×` : 'n/a');
  const m = results.machine;
  console.log(`\nMachine: ${m.cpus} cores (${m.model}), ${m.memoryGb} GiB, .NET SDK ${m.dotnet}, Node ${m.node}; ${m.date}; ${results.seconds} s per wrk run\n`);
  line('measure', '16 connections', '64 connections');
  line('---', '---', '---');
  for (const [key, title] of [['ingest', 'ingest tier alone (Standalone:Workers false)'], ['combined', 'one instance, processing competing']]) {
    const a = o[`${key}_c16`], b = o[`${key}_c64`];
    line(`Triggers ${title}: req/s`, a.requestsPerSecond, b.requestsPerSecond);
    line('  p50 / p99 ms', `${a.p50Ms} / ${a.p99Ms}`, `${b.p50Ms} / ${b.p99Ms}`);
    line('  non-2xx, socket errors', `${a.non2xx}, ${a.socketErrors}`, `${b.non2xx}, ${b.socketErrors}`);
    line('  storage transactions per signal at ingest', a.ingestTransactionsPerSignal, b.ingestTransactionsPerSignal);
    line('  Azurite / host CPU (cores)', `${a.azuriteCpuCores} / ${a.hostCpuCores}`, `${b.azuriteCpuCores} / ${b.hostCpuCores}`);
    if (key === 'combined') line('  signals decided per second during the load', a.decidedPerSecondDuringLoad, b.decidedPerSecondDuringLoad);
  }
  for (const [peer, figures] of Object.entries(results.peers)) {
    line(`${peer}: req/s (p99 ms)`, `${figures.c16.requestsPerSecond} (${figures.c16.p99Ms})`, `${figures.c64.requestsPerSecond} (${figures.c64.p99Ms})`);
    line(`  Triggers ingest tier ÷ ${peer}`, ratio(o.ingest_c16.requestsPerSecond, figures.c16.requestsPerSecond), ratio(o.ingest_c64.requestsPerSecond, figures.c64.requestsPerSecond));
    line(`  Triggers one instance ÷ ${peer}`, ratio(o.combined_c16.requestsPerSecond, figures.c16.requestsPerSecond), ratio(o.combined_c64.requestsPerSecond, figures.c64.requestsPerSecond));
  }
  console.log('');
  console.log(`Processing alone: ${o.processing.decidedPerSecond} signals/s over ${o.processing.seconds} s on a backlog of ${o.processing.backlog} (${o.processing.left} left), ${o.processing.transactionsPerSignal} storage transactions per signal`);
  console.log(`One instance after its load: ${o.combinedDrain.decidedPerSecond} signals/s draining ${o.combinedDrain.backlog} (${o.combinedDrain.left} left)`);
  console.log(`Receipt → processed at a steady ${o.latency.rate}/s on fresh storage: p50 ${o.latency.p50Ms} ms, p99 ${o.latency.p99Ms} ms (${o.latency.sampled} signals, ${o.latency.non2xx} non-2xx)`);
  console.log(`Peak RSS: ingest host ${o.ingestPeakRssMb} MB, one-instance host ${o.combinedPeakRssMb} MB`);
  const cap = results.azurite;
  for (const [op, r] of Object.entries(cap)) {
    console.log(`Azurite ${op}: ${r.requestsPerSecond} requests/s (${r.itemsPerSecond} items/s)`);
  }
  const limit = processingLimit(o.processing, cap);
  if (limit) {
    console.log(`Processing limit at Azurite's measured capacities: ${Math.round(limit)} signals/s (${o.processing.transactionsPerSignal - o.processing.queueTransactionsPerSignal} table and ` +
      `${o.processing.queueTransactionsPerSignal} queue transactions per signal, ${o.processing.pollingTransactionsPerSignal} to poll, and the subscriber's receive and delete of each event); ` +
      `measured ${o.processing.decidedPerSecond} = ${ratio(o.processing.decidedPerSecond, limit)} of it`);
    results.ours.processing.azuriteLimit = Math.round(limit);
  }
  const ingest = o.ingest_c64;
  const transaction = cap['table.transaction.5']?.requestsPerSecond, send = cap['queue.send']?.requestsPerSecond;
  if (transaction && send && ingest.ingestTransactionsPerSignal) {
    // A group commit at 64 connections holds a handful of signals: priced as an entity-group transaction of five.
    const tableTx = ingest.ingestTransactionsPerSignal - ingest.ingestQueueTransactionsPerSignal;
    const limit = 1 / (tableTx / transaction + ingest.ingestQueueTransactionsPerSignal / send);
    results.ours.ingestAzuriteLimit = Math.round(limit);
    console.log(`Ingest limit at Azurite's measured capacities (${round(tableTx, 3)} table transactions of a few entities and ${ingest.ingestQueueTransactionsPerSignal} queue sends per signal): ` +
      `${Math.round(limit)} signals/s; measured ${ingest.requestsPerSecond} = ${ratio(ingest.requestsPerSecond, limit)} of it`);
  }
}

// Azurite serves one request at a time on one thread, so a signal costs the sum of its requests' service times, each
// the inverse of that operation's measured capacity (table writes at the insert rate, the worker's polling at the
// delete rate, the subscriber's receive of 32 events and its delete of each).
function processingLimit(p, cap) {
  const rate = (op) => cap[op]?.requestsPerSecond;
  if (!p.transactionsPerSignal || !rate('table.insert') || !rate('queue.send') || !rate('queue.delete') || !rate('queue.receive.32')) return null;
  const seconds = (p.transactionsPerSignal - p.queueTransactionsPerSignal) / rate('table.insert')
    + p.queueTransactionsPerSignal / rate('queue.send')
    + (p.pollingTransactionsPerSignal ?? 0) / rate('queue.delete')
    + 1 / rate('queue.delete') + (1 / 32) / rate('queue.receive.32');
  return 1 / seconds;
}

function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime in clock ticks (100 Hz)
  } catch {
    return 0;
  }
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024);
}




