// Runs the pinned Azurite and stops it when the .NET process that started it goes away.
// The launcher keeps our stdin open; when that process exits (even by crashing) the pipe closes,
// so no orphaned emulator keeps the ports.
"use strict";
const path = require("path");

let stopping = false;
function stop() {
  if (stopping) {
    return;
  }
  stopping = true;
  // Azurite closes its servers on SIGTERM; the timer ends the process if a keep-alive connection lingers.
  process.emit("SIGTERM");
  setTimeout(() => process.exit(0), 5000).unref();
}

process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.on("error", stop);
process.stdin.resume();

require(path.join(__dirname, "node_modules", "azurite", "dist", "src", "azurite.js"));
