#!/usr/bin/env node
// Fault proofs at full size (issue 13; the test suite runs small versions: HostCrashTests, StorageOutageTests, PoisonTests).
//
//   node bench/load/faults.mjs [--only kills|outage|dispatch] [--signals 10000] [--kills 20] [--outage-seconds 30] [--outage-mode freeze|kill]
//
// kills:  the standalone host is killed with SIGKILL --kills times while --signals webhooks are replayed by senders
//         that retry every request not answered 2xx (as platforms do). Every signal plans one touchpoint, which
//         publishes one event. Afterwards: exactly one processed signal, one touchpoint and one distinct event per input.
// dispatch: --dispatch-count touchpoints (one per contact) all fall due at the same moment and go out through the
//         generic sender to a receiver on loopback, at Dispatch:SendsPerSecond (--sends-per-second); each delivered
//         once (the receiver counts X-Triggers-Delivery, the idempotency key), at no more than the configured rate.
// outage: under a steady stream (senders retrying as platforms do, after Retry-After), Azurite is out for
//         --outage-seconds. While it is out no webhook may get a 2xx; once the outage is known the 503s must come at once
//         (p99 under 50 ms); the host must recover without a restart; every signal answered 2xx must be processed.
//         --outage-mode freeze (default): SIGSTOP, then SIGCONT: storage stops answering, as in a network partition, and
//         nothing it stored is at risk. --outage-mode kill: SIGKILL, then a new Azurite on the same data: Azurite saves
//         its stores every 5 s, so it loses what it acknowledged in its last seconds (docs/architecture.md); losses
//         then measure the emulator, not Triggers. (A SIGTERM does not end Azurite while the host keeps its
//         keep-alive connections open.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Agent, createServer } from 'node:http';
import {
  root, here, build, ensureAzuriteInstalled, startAzurite, startHost, connectionFor, importRule, signed, post, status,
  getJson, waitFor, sleep, round, say as sayAs,
} from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    only: { type: 'string' },
    signals: { type: 'string', default: '10000' },
    kills: { type: 'string', default: '20' },
    'outage-seconds': { type: 'string', default: '30' },
    'outage-mode': { type: 'string', default: 'freeze' },
    'dispatch-count': { type: 'string', default: '10000' },
    'sends-per-second': { type: 'string', default: '200' },
  },
});
const say = (m) => sayAs('faults', m);
const SECRET = 'bench-faults-secret-00000001';
const epoch = Date.now(); // events' own timestamps: fixed per input, so a retry is the same event
const ports = { blob: 21200, queue: 21201, table: 21202, host: 7191 };
const base = `http://127.0.0.1:${ports.host}`;
const connection = connectionFor(ports);
const work = mkdtempSync(join(tmpdir(), 'triggers-faults-'));
const children = new Set();
const results = {};
let failed = false;

process.on('exit', () => { for (const c of children) { try { c.kill('SIGKILL'); } catch { /* gone */ } } rmSync(work, { recursive: true, force: true }); });
process.on('SIGINT', () => process.exit(130));

try {
  say('building Release (host, CLI, bench tool)');
  build(['functions/Triggers.App', 'functions/Triggers.Cli', 'bench/Triggers.Bench']);
  ensureAzuriteInstalled(say);
  if (!opts.only || opts.only === 'kills') results.kills = await kills(Number(opts.signals), Number(opts.kills));
  if (!opts.only || opts.only === 'outage') results.outage = await outage(Number(opts['outage-seconds']), opts['outage-mode']);
  if (!opts.only || opts.only === 'dispatch') results.dispatch = await dispatch(Number(opts['dispatch-count']), Number(opts['sends-per-second']));
  mkdirSync(join(here, '.runtime'), { recursive: true });
  writeFileSync(join(here, '.runtime', 'last-faults.json'), JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results, null, 2));
  process.exitCode = failed ? 1 : 0;
} catch (err) {
  say(`failed: ${err.stack ?? err}`);
  process.exitCode = 1;
}
// Exit now, which kills the children (above): a child still running would otherwise keep this process, and the
// emulator's ports, alive after a failure.
process.exit(process.exitCode ?? 0);

function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function channelsFor(count) {
  // 500 signals a channel (each its own tenant), so the admin API's 1,000-row pages show a doubled one.
  return Array.from({ length: Math.max(1, Math.ceil(count / 500)) }, (_, i) => `fault${i}`);
}

function hostSettings(channels) {
  const settings = {};
  for (const channel of channels) {
    settings[`Channels__${channel}__Platform`] = 'generic';
    settings[`Channels__${channel}__Tenant`] = `t-${channel}`;
    settings[`Channels__${channel}__Secret`] = SECRET;
  }
  return settings;
}

function importRules(channels) {
  for (const channel of channels) {
    importRule(connection, join(work, `rule-${channel}.jsonl`), {
      PartitionKey: `t-${channel}`, RowKey: 'reply-later', Enabled: true, Priority: 10,
      When: { '==': [{ var: 'signal.kind' }, 'message'] },
      Then: [{ type: 'message', text: '收到，稍后回复您', delay: 'PT6H' }],
      Description: 'bench/load faults: every message plans one touchpoint',
    });
  }
}

function envelope(channel, i) {
  // A platform's retry carries the same event, timestamp included; only the request is signed again.
  // Actors spread over 400 per channel, so frequency caps (3 a day) never block a planned touch.
  return { id: `${channel}-${i}`, kind: 'message', actor: { id: `cust-${i % 400}` }, text: `fault signal ${channel} ${i}`, occurredAt: new Date(epoch + i).toISOString() };
}

async function startHealthyHost(settings) {
  const host = track(startHost(ports.host, connection, settings));
  await waitFor(async () => (await status(`${base}/api/health`)) === 200, 'the host (GET /api/health)');
  return host;
}

async function kills(total, killCount) {
  say(`kills: ${total} signals, ${killCount} kills of the host`);
  const channels = channelsFor(total);
  const azurite = track(startAzurite(ports, join(work, 'azurite-kills')));
  await waitFor(async () => (await status(`http://127.0.0.1:${ports.table}/`)) !== 0, 'Azurite');
  const settings = hostSettings(channels);
  // Rules first, so the host's first reading of table Rules has them.
  importRules(channels);
  let host = await startHealthyHost(settings);

  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const perChannel = Math.ceil(total / channels.length);
  const jobs = [];
  for (let i = 0; i < perChannel; i++) for (const channel of channels) if (jobs.length < total) jobs.push([channel, i]);
  let next = 0, acknowledged = 0, retries = 0;
  const started = Date.now();
  const sender = async () => {
    while (next < jobs.length) {
      const [channel, i] = jobs[next++];
      // Re-signed on every attempt, as a platform's retry is.
      while ((await post(`${base}/api/webhooks/${channel}`, agent, signed(SECRET, envelope(channel, i)))).status !== 200) {
        retries++;
        await sleep(50);
      }
      acknowledged++;
    }
  };
  const senders = Array.from({ length: 32 }, sender);
  const killer = (async () => {
    for (let k = 1; k <= killCount; k++) {
      while (acknowledged < (k * total) / (killCount + 1)) await sleep(10);
      host.kill('SIGKILL');
      say(`kill -9 #${k} after ${acknowledged} acknowledgements`);
      await new Promise((r) => host.once('exit', r));
      host = await startHealthyHost(settings);
    }
  })();
  await Promise.all([...senders, killer]);
  agent.destroy();
  const sendSeconds = (Date.now() - started) / 1000;
  say(`all ${total} acknowledged in ${round(sendSeconds, 1)} s (${retries} retried requests); waiting for processing`);

  // The admin API names signals by their Triggers id (a hash); each input's text is unique, so it identifies the input.
  const signals = await settle(async () => {
    const counts = new Map();
    for (const channel of channels) {
      for (const s of await getJson(`${base}/api/admin/signals?channel=${channel}&limit=1000`)) counts.set(s.text, (counts.get(s.text) ?? 0) + 1);
    }
    return counts;
  }, (c) => c.size);
  const touchpoints = await settle(async () => {
    const bySignal = new Map();
    for (const channel of channels) {
      for (const t of await getJson(`${base}/api/admin/touchpoints?tenant=t-${channel}&limit=1000`)) bySignal.set(t.signalId, (bySignal.get(t.signalId) ?? 0) + 1);
    }
    return bySignal;
  }, (c) => c.size);
  await sleep(2000); // events of the last touchpoints are published right after they are written
  host.kill('SIGTERM');
  await new Promise((r) => host.once('exit', r));
  const events = JSON.parse(execFileSync('dotnet', [join(root, 'bench/Triggers.Bench/bin/Release/net10.0/Triggers.Bench.dll'), '--count-events', connection]).toString().trim().split('\n').pop());
  // Its data folder is thrown away: no need to wait while it saves.
  azurite.kill('SIGKILL');

  const doubledSignals = [...signals.values()].filter((n) => n > 1).length;
  const doubledTouchpoints = [...touchpoints.values()].filter((n) => n > 1).length;
  const outcome = {
    signals: total, kills: killCount, sendSeconds: round(sendSeconds, 1), retriedRequests: retries,
    processedSignals: signals.size, lostSignals: total - signals.size, doubledSignals,
    touchpoints: touchpoints.size, lostTouchpoints: total - touchpoints.size, doubledTouchpoints,
    distinctEvents: events.distinct, eventCopiesOnTheLocalQueue: events.copies,
  };
  const ok = outcome.lostSignals === 0 && doubledSignals === 0 && outcome.lostTouchpoints === 0 && doubledTouchpoints === 0 && events.distinct === total;
  failed ||= !ok;
  say(`kills: ${ok ? 'PASS' : 'FAIL'} ${JSON.stringify(outcome)}`);
  return outcome;
}

async function dispatch(total, sendsPerSecond) {
  say(`dispatch: ${total} touchpoints due at once, ${sendsPerSecond} sends/s`);
  const deliveries = new Map();
  const times = [];
  const receiverPort = 7199;
  const receiver = createServer((req, res) => {
    const id = req.headers['x-triggers-delivery'];
    deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
    times.push(Date.now());
    req.resume();
    req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{}'); });
  });
  await new Promise((r) => receiver.listen(receiverPort, '127.0.0.1', r));
  const azurite = track(startAzurite(ports, join(work, 'azurite-dispatch')));
  await waitFor(async () => (await status(`http://127.0.0.1:${ports.table}/`)) !== 0, 'Azurite');
  // Every touch falls due at the same moment, far enough ahead for processing to plan all of them first.
  const delayMinutes = Math.max(3, Math.ceil(total / 2000));
  importRule(connection, join(work, 'rule-dispatch.jsonl'), {
    PartitionKey: 't-dispatch0', RowKey: 'send-together', Enabled: true, Priority: 10,
    When: { '==': [{ var: 'signal.kind' }, 'message'] },
    Then: [{ type: 'message', text: '您好', delay: `PT${delayMinutes}M`, slack: 0 }],
    Description: 'bench/load faults: one touch per contact, all due together',
  });
  const host = await startHealthyHost({
    ...hostSettings(['dispatch0']),
    Channels__dispatch0__OutboundUrl: `http://127.0.0.1:${receiverPort}/receive`,
    Dispatch__SendsPerSecond: `${sendsPerSecond}`,
    Dispatch__Interval: '00:00:10',
    Guardrails__QuietHoursEnabled: 'false',
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const at = new Date(epoch).toISOString();
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < total) {
      const i = next++;
      const event = { id: `dispatch-${i}`, kind: 'message', actor: { id: `buyer-${i}` }, text: `dispatch ${i}`, occurredAt: at };
      while ((await post(`${base}/api/webhooks/dispatch0`, agent, signed(SECRET, event))).status !== 200) await sleep(50);
    }
  }));
  agent.destroy();
  const dueAt = epoch + delayMinutes * 60000;
  say(`all ${total} accepted; due at +${Math.round((dueAt - Date.now()) / 1000)} s from now`);
  // Wait for the due moment, then for the receiver to stop receiving.
  while (Date.now() < dueAt) await sleep(1000);
  // Until all arrived, or nothing arrived for 30 s (15 minutes at most).
  let lastCount = -1, lastChange = Date.now();
  const deadline = Date.now() + 15 * 60000;
  while (Date.now() < deadline && deliveries.size < total && Date.now() - lastChange < 30000) {
    if (times.length !== lastCount) { lastCount = times.length; lastChange = Date.now(); }
    await sleep(1000);
  }
  host.kill('SIGTERM');
  azurite.kill('SIGKILL');
  receiver.close();
  times.sort((a, b) => a - b);
  const seconds = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : 0;
  // The fastest any one second ran, as a check on the pacing (the bucket holds a tenth of a second's worth).
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= 1000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  const twice = [...deliveries.values()].filter((n) => n > 1).length;
  const outcome = {
    touchpoints: total, sendsPerSecond, delivered: deliveries.size, deliveredTwice: twice, requests: times.length,
    drainSeconds: round(seconds, 1), averagePerSecond: round(times.length / Math.max(seconds, 0.001), 1), peakPerSecond: peak,
  };
  const ok = deliveries.size === total && twice === 0 && outcome.averagePerSecond <= sendsPerSecond * 1.05
    && peak <= sendsPerSecond + Math.max(1, Math.floor(sendsPerSecond / 10));
  failed ||= !ok;
  say(`dispatch: ${ok ? 'PASS' : 'FAIL'} ${JSON.stringify(outcome)}`);
  return outcome;
}

// Polls until the figure stops growing for 20 s (or reaches the goal); returns the last reading.
async function settle(read, size, goal = Number(opts.signals)) {
  let last = await read(), since = Date.now();
  while (size(last) < goal && Date.now() - since < 20000) {
    await sleep(1000);
    const now = await read();
    if (size(now) > size(last)) since = Date.now();
    last = now;
  }
  return last;
}

async function outage(downSeconds, mode) {
  if (mode !== 'freeze' && mode !== 'kill') throw new Error(`--outage-mode must be freeze or kill, not '${mode}'`);
  say(`outage (${mode}): Azurite out for ${downSeconds} s under a steady stream`);
  // Ten channels, so each channel's processed signals fit the admin API's 1,000-row page.
  const channels = Array.from({ length: 10 }, (_, i) => `outage${i}`);
  const data = join(work, 'azurite-outage');
  let azurite = track(startAzurite(ports, data));
  await waitFor(async () => (await status(`http://127.0.0.1:${ports.table}/`)) !== 0, 'Azurite');
  const settings = { ...hostSettings(channels), Webhooks__OutageProbeInterval: '00:00:01' };
  importRules(channels);
  const host = await startHealthyHost(settings);

  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const rate = 100;
  const log = [];
  const acked = new Set();
  let down = null, up = null, stop = false, sent = 0;
  const send = async (i) => {
    while (!stop || !acked.has(i)) {
      const at = Date.now();
      const r = await post(`${base}/api/webhooks/${channels[i % 10]}`, agent, signed(SECRET, envelope(channels[i % 10], i)));
      log.push({ at, ms: r.ms, status: r.status });
      if (r.status === 200) { acked.add(i); return; }
      await sleep(r.retryAfter ? Number(r.retryAfter) * 1000 : 500);
    }
  };
  const streams = [];
  const streaming = (async () => {
    const start = Date.now();
    while (!stop) {
      const due = start + (sent * 1000) / rate;
      if (due > Date.now()) await sleep(due - Date.now());
      streams.push(send(sent++));
    }
  })();

  await sleep(10000);
  down = Date.now();
  if (mode === 'freeze') {
    azurite.kill('SIGSTOP');
    say(`Azurite frozen (SIGSTOP) at +${(down - log[0].at) / 1000} s for ${downSeconds} s`);
    await sleep(downSeconds * 1000);
    azurite.kill('SIGCONT');
  } else {
    const exited = new Promise((r) => azurite.once('exit', r));
    azurite.kill('SIGKILL');
    await exited;
    say(`Azurite killed (SIGKILL) at +${(down - log[0].at) / 1000} s; down for ${downSeconds} s`);
    await sleep(downSeconds * 1000);
    azurite = track(startAzurite(ports, data));
    await waitFor(async () => (await status(`http://127.0.0.1:${ports.table}/`)) !== 0, 'Azurite again');
  }
  up = Date.now();
  await sleep(15000);
  stop = true;
  await streaming;
  await Promise.all(streams);
  agent.destroy();

  const during = log.filter((e) => e.at >= down && e.at + e.ms <= up);
  const twoHundredsWhileDown = during.filter((e) => e.status === 200).length;
  const firstServiceUnavailable = during.find((e) => e.status === 503);
  // "Known": answers that started a second after the first 503 told the host storage was gone.
  const known = during.filter((e) => e.status === 503 && firstServiceUnavailable && e.at >= firstServiceUnavailable.at + 1000).map((e) => e.ms).sort((a, b) => a - b);
  const firstOkAfter = log.filter((e) => e.at >= up && e.status === 200).sort((a, b) => a.at - b.at)[0];
  const processed = await settle(async () => {
    const texts = new Set();
    for (const channel of channels) {
      for (const s of await getJson(`${base}/api/admin/signals?channel=${channel}&limit=1000`)) texts.add(s.text);
    }
    return texts;
  }, (s) => s.size, acked.size);
  const lost = [...acked].filter((i) => !processed.has(envelope(channels[i % 10], i).text)).length;
  host.kill('SIGTERM');
  azurite.kill('SIGKILL');

  const at = (q) => (known.length ? round(known[Math.min(known.length - 1, Math.floor(q * known.length))], 1) : null);
  const outcome = {
    mode, downSeconds, rate, requestsWhileDown: during.length, twoHundredsWhileDown,
    knownOutage503s: known.length, knownOutage503P50Ms: at(0.5), knownOutage503P99Ms: at(0.99),
    recoverySeconds: firstOkAfter ? round((firstOkAfter.at + firstOkAfter.ms - up) / 1000, 2) : null,
    acknowledged: acked.size, processedOfThem: acked.size - lost, lost,
  };
  const ok = twoHundredsWhileDown === 0 && lost === 0 && outcome.recoverySeconds !== null && (outcome.knownOutage503P99Ms ?? 0) < 50;
  failed ||= !ok;
  say(`outage: ${ok ? 'PASS' : 'FAIL'} ${JSON.stringify(outcome)}`);
  return outcome;
}
