// Runs the pinned Azurite and closes it, saving its store, when the .NET process that started it goes away.
// The launcher keeps our stdin open; when that process exits (even by crashing) the pipe closes, so no
// orphaned emulator keeps the ports.
//
// Why a clean close and not an Azurite that outlives a crashed host: Azurite keeps its tables and queues in
// LokiJS databases in memory and writes them to disk every 5 s and when it closes. Its own close path
// (SIGTERM) stops listening first and then saves every store, so a host crash costs nothing once that path
// is allowed to finish. An emulator left running instead would hold the ports and the data folder with no
// owner, be silently reused by the next start whatever its settings, and still lose its last seconds when
// it is itself killed later. Three things made the close path lose data before, and are handled below:
//  1. Our stdout/stderr are pipes to the host. Once it is dead, Azurite's "closing..." line fails with
//     EPIPE, and Node exits on an unhandled stream error: before anything was saved.
//  2. A 5 s timer forced the exit whether or not the stores were saved yet.
//  3. A host restarted at once could start the next Azurite on the same folder while this one still saves.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const dist = path.join(__dirname, "node_modules", "azurite", "dist", "src");

// 1. No write to a closed pipe can end the process. (Node ignores SIGPIPE; the failure comes as 'error'.)
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", () => {});
}

// 2. Exit when Azurite's services have closed, and not before: closing a service saves its stores.
// Every service is a ServerBase; track each close() the shutdown starts.
const ServerBase = require(path.join(dist, "common", "ServerBase.js")).default;
const closing = [];
const close = ServerBase.prototype.close;
ServerBase.prototype.close = function (...args) {
  const closed = close.apply(this, args);
  closing.push(closed);
  return closed;
};

// 4. Queue operations that do not slow down as messages pile up. Before each receive, peek, update and delete, Azurite
// 3.37.0 clears the queue's expired messages with `coll.remove(docs)`, and LokiJS 1.5.12 answers a batch remove, even an
// empty one, by re-sorting every binary index of the collection: that holds the messages of every queue in the account,
// so each queue operation cost O(n log n) in all messages stored. Measured with Triggers.Bench --azurite-capacity on a
// 2-core machine: deletes fell from 269/s to 42/s with 2,000 messages in another queue and to 9/s with 10,000. The
// same query and removal, skipped when nothing has expired, keeps the emulator's behaviour and drops the re-sort.
// Pinned to the version it was read against: an upgrade must look again.
const queueStore = require(path.join(dist, "queue", "persistence", "LokiQueueMetadataStore.js")).default;
if (require(path.join(__dirname, "node_modules", "azurite", "package.json")).version === "3.37.0") {
  queueStore.prototype.clearExpiredMessages = async function (account, queue, context) {
    this.checkQueueExist(account, queue, context);
    const coll = this.db.getCollection(this.MESSAGES_COLLECTION);
    const expired = coll
      .chain()
      .find({ accountName: account, queueName: queue, expirationTime: { $lte: new Date().getTime() } })
      .data();
    if (expired.length > 0) {
      coll.remove(expired);
    }
  };
}

let stopping = false;
function stop() {
  if (stopping) {
    return;
  }
  stopping = true;
  if (closing.length === 0) {
    // Azurite's own shutdown (it listens for SIGTERM once started). Not yet started: nothing to save.
    process.emit("SIGTERM");
  }
  // Lingering keep-alive connections would keep Node alive after the close; exit explicitly once saved.
  Promise.allSettled(closing).then(() => process.exit(0));
}

process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.on("error", stop);
process.stdin.resume();
// Closing the terminal sends SIGHUP, whose default would end Node without saving.
process.on("SIGHUP", stop);

// 3. One Azurite per data folder at a time: wait for a predecessor that is still saving.
async function waitForPredecessor(location) {
  const lock = path.join(location, ".triggers-azurite.pid");
  const deadline = Date.now() + 30000;
  for (;;) {
    const pid = predecessor(lock);
    if (pid === null) {
      break;
    }
    if (Date.now() > deadline) {
      console.error(`Azurite (pid ${pid}) still runs on ${location} after 30 s; starting anyway`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fs.mkdirSync(location, { recursive: true });
  fs.writeFileSync(lock, String(process.pid));
  process.on("exit", () => {
    try {
      if (fs.readFileSync(lock, "utf8") === String(process.pid)) {
        fs.unlinkSync(lock);
      }
    } catch {
      // already gone
    }
  });
}

// The pid in the lock file if that process is alive and (where /proc tells) is one of us; else null.
function predecessor(lock) {
  let pid;
  try {
    const stat = fs.statSync(lock);
    if (stat.mtimeMs < Date.now() - os.uptime() * 1000) {
      return null; // written before this boot
    }
    pid = Number.parseInt(fs.readFileSync(lock, "utf8"), 10);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) {
    return null;
  }
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== "EPERM") {
      return null;
    }
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("start.js") ? pid : null;
  } catch {
    return os.platform() === "linux" ? null : pid;
  }
}

function locationArgument() {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--location" || args[i] === "-l") {
      return args[i + 1];
    }
    if (args[i].startsWith("--location=")) {
      return args[i].slice("--location=".length);
    }
  }
  return undefined;
}

const location = locationArgument();
(location === undefined ? Promise.resolve() : waitForPredecessor(path.resolve(location))).then(
  () => {
    if (!stopping) {
      require(path.join(dist, "azurite.js"));
    }
  },
  (err) => {
    console.error(`Cannot prepare ${location}: ${err.message}`);
    process.exit(1);
  }
);
