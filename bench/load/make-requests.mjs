#!/usr/bin/env node
// Writes N pre-signed generic-webhook requests for signed.lua, one per line:
//   <unix seconds> TAB sha256=<hex HMAC> TAB <raw JSON body>
// Signing happens here, ahead of the run, so wrk spends no CPU on HMACs and every
// server under test (ours and the peers) sees the very same bytes.
//
//   node make-requests.mjs --count 50000 --secret S --out /tmp/requests.tsv [--prefix load-]
//
// The signature is HMAC-SHA256 keyed with the secret's UTF-8 bytes over
// "<timestamp>.<raw body>", as docs/platforms/generic.md describes. Timestamps are
// "now", so make the file just before a run: our service rejects stale ones.
import { createHmac } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';

function fail(message) {
  process.stderr.write(`make-requests: ${message}\n`);
  process.stderr.write('usage: node make-requests.mjs --count N --secret S --out FILE [--prefix P]\n');
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      count: { type: 'string' },
      secret: { type: 'string' },
      out: { type: 'string' },
      prefix: { type: 'string', default: 'load-' },
    },
    strict: true,
  }));
} catch (err) {
  fail(err.message);
}

const count = Number(values.count);
if (!Number.isSafeInteger(count) || count < 1) fail('--count must be a positive whole number');
if (!values.secret) fail('--secret is required');
if (!values.out) fail('--out is required');
// A tab or newline inside an id would break the one-request-per-line format.
if (/[\t\r\n]/.test(values.prefix)) fail('--prefix must not contain tabs or newlines');

const key = Buffer.from(values.secret, 'utf8');
const CONTACTS = 1000;
const NAMES = ['Ann', 'Bob', 'Chen Wei', '李娜', '王芳', 'Maria', 'Omar', '张伟', 'Yuki', 'Lars'];
const TEXTS = [
  'The parcel arrived broken',
  'Where is my order?',
  'Can I change the delivery address?',
  'Thanks, that solved it!',
  'I want a refund for order 1182',
  'The app keeps logging me out',
  '快递什么时候到？',
  '包裹破损了，怎么办',
  '我想退货',
  '谢谢，问题解决了！',
  '发票可以重新开吗？',
  'Is the store open on Sunday?',
  '订单一直显示待发货',
  'Price went up after I paid?',
];

// A small deterministic PRNG (mulberry32) so two runs with the same count spread
// actors and texts the same way; only ids, timestamps and signatures differ.
let seed = 0x5eed1234;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const out = createWriteStream(values.out, { encoding: 'utf8' });
out.on('error', (err) => fail(`cannot write ${values.out}: ${err.message}`));

const now = new Date();
const ts = String(Math.floor(now.getTime() / 1000));
const occurredAt = now.toISOString(); // ends in Z

for (let i = 0; i < count; i++) {
  const contact = Math.floor(random() * CONTACTS);
  const text = random() < 0.3 ? `${pick(TEXTS)} (#${i})` : pick(TEXTS);
  // JSON.stringify leaves non-ASCII as is: the body is UTF-8, signed as sent.
  const body = JSON.stringify({
    id: `${values.prefix}${i}`,
    kind: 'message',
    actor: { id: `cust-${contact}`, name: NAMES[contact % NAMES.length] },
    text,
    occurredAt,
  });
  const signature = 'sha256=' + createHmac('sha256', key).update(`${ts}.${body}`, 'utf8').digest('hex');
  if (!out.write(`${ts}\t${signature}\t${body}\n`)) {
    await new Promise((resolve) => out.once('drain', resolve));
  }
}
out.end(() => process.stderr.write(`make-requests: wrote ${count} requests to ${values.out} (ts ${ts})\n`));
