// What bench/load/run.mjs and bench/load/faults.mjs share: building, Azurite, the standalone host, signed requests,
// the admin API. No dependencies beyond Node itself.
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request as httpRequest } from 'node:http';
import { createHmac } from 'node:crypto';

export const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
export const ADMIN = 'bench-admin-key';
const account = 'devstoreaccount1';
const accountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function say(prefix, message) {
  process.stderr.write(`${prefix}: ${message}\n`);
}

/** The emulator connection string for Azurite on the given ports. */
export function connectionFor(ports) {
  return `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${accountKey};` +
    `BlobEndpoint=http://127.0.0.1:${ports.blob}/${account};QueueEndpoint=http://127.0.0.1:${ports.queue}/${account};` +
    `TableEndpoint=http://127.0.0.1:${ports.table}/${account};`;
}

export function build(projects) {
  for (const project of projects) {
    execFileSync('dotnet', ['build', '-c', 'Release', '--nologo', '-v', 'q', project], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

export function ensureAzuriteInstalled(log) {
  try {
    readFileSync(join(root, 'tools/azurite/node_modules/azurite/package.json'));
  } catch {
    log('installing the pinned Azurite (npm ci in tools/azurite)');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: join(root, 'tools/azurite'), stdio: 'inherit' });
  }
}

/** Azurite through the repository's start.js (which saves its stores when it is closed), on its own ports and folder. */
export function startAzurite(ports, dataDirectory) {
  return spawn('node', [join(root, 'tools/azurite/start.js'),
    '--blobHost', '127.0.0.1', '--blobPort', `${ports.blob}`, '--queueHost', '127.0.0.1', '--queuePort', `${ports.queue}`,
    '--tableHost', '127.0.0.1', '--tablePort', `${ports.table}`, '--skipApiVersionCheck', '--loose',
    '--disableProductStyleUrl', '--disableTelemetry', '--silent', '--location', dataDirectory], { stdio: ['pipe', 'ignore', 'inherit'] });
}

/** The standalone host (Release build) on port, against the storage in connection; settings add or override. */
export function startHost(port, connection, settings = {}) {
  const env = {
    ...process.env,
    AzureWebJobsStorage: connection,
    Storage__StartEmulator: 'false',
    Admin__Key: ADMIN,
    // Every signal logged to the console is what a laptop wants, not what a host under load does.
    Logging__LogLevel__Default: 'Warning',
    DOTNET_ENVIRONMENT: 'Production',
    ASPNETCORE_ENVIRONMENT: 'Production',
    ...settings,
  };
  const dll = join(root, 'functions/Triggers.App/bin/Release/net10.0/Triggers.App.dll');
  return spawn('dotnet', [dll, '--urls', `http://127.0.0.1:${port}`], { env, cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Writes one rule through the CLI, as operations staff would import it. */
export function importRule(connection, file, rule) {
  writeFileSync(file, JSON.stringify(rule) + '\n');
  execFileSync('dotnet', [join(root, 'functions/Triggers.Cli/bin/Release/net10.0/triggers.dll'), 'rules', 'import', file, '--connection', connection],
    { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** A generic signal envelope signed as docs/platforms/generic.md says. */
export function signed(secret, envelope) {
  const body = JSON.stringify(envelope);
  const ts = `${Math.floor(Date.now() / 1000)}`;
  const signature = 'sha256=' + createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
  return { body, headers: { 'Content-Type': 'application/json', 'X-Triggers-Timestamp': ts, 'X-Triggers-Signature': signature } };
}

/** POSTs and resolves with the status (0 when the connection failed) and the time it took. */
export function post(url, agent, { body, headers }, timeoutMs = 10000) {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: 'POST', agent, headers, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: elapsed(), retryAfter: res.headers['retry-after'] }));
    });
    req.on('error', () => resolve({ status: 0, ms: elapsed() }));
    req.on('timeout', () => { req.destroy(); });
    req.end(body);
  });
}

export function status(url) {
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: 'GET', timeout: 2000 }, (res) => { res.resume(); resolve(res.statusCode); });
    req.on('error', () => resolve(0));
    req.on('timeout', () => { req.destroy(); resolve(0); });
    req.end();
  });
}

export function getJson(url) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { 'x-functions-key': ADMIN } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        try { resolve(JSON.parse(Buffer.concat(chunks).toString())); } catch (e) { reject(new Error(`${url}: ${res.statusCode} ${e.message}`)); }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export async function waitFor(probe, what, limitSeconds = 120) {
  const start = Date.now();
  while (!(await probe())) {
    if (Date.now() - start > limitSeconds * 1000) throw new Error(`${what} did not come up within ${limitSeconds} s`);
    await sleep(250);
  }
}

export function round(x, digits) {
  return x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;
}
