#!/usr/bin/env bash
# Starts Node-RED (pinned in package.json) in the background with the signed-
# webhook flow, and returns once POST http://127.0.0.1:$NODE_RED_PORT/bench
# answers. Installs from package-lock.json with `npm ci` on first use.
#
#   NODE_RED_PORT=1880 BENCH_SECRET=generic-test-secret-0001 bench/load/peers/node-red/start.sh
set -euo pipefail

PEER=node-red
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../common.sh
source "$HERE/../common.sh"

PORT="${NODE_RED_PORT:-1880}"
RUN_DIR="$RUNTIME_ROOT/node-red"
PID_FILE="$RUN_DIR/node-red.pid"
LOG_FILE="$RUN_DIR/node-red.log"
URL="http://127.0.0.1:$PORT/bench"

command -v node >/dev/null || die "node is not on PATH"
command -v curl >/dev/null || die "curl is not on PATH (used to wait for the port)"

if pid="$(running_pid node-red)"; then
  say "already running (pid $pid) at $URL"
  echo "$URL"
  exit 0
fi

if [[ ! -x "$HERE/node_modules/.bin/node-red" ]]; then
  say "installing node-red from package-lock.json (npm ci)"
  (cd "$HERE" && npm ci --no-audit --no-fund) || die "npm ci failed in $HERE"
fi

port_free "$PORT" NODE_RED_PORT
mkdir -p "$RUN_DIR"
# A fresh copy each start: Node-RED may rewrite its flow file and makes backups
# beside it, and the committed one must stay as it is.
cp "$HERE/flows.json" "$RUN_DIR/flows.json"

export NODE_RED_PORT="$PORT"
export BENCH_SECRET="${BENCH_SECRET:-generic-test-secret-0001}"
pid="$(start_detached node "$HERE/node_modules/node-red/red.js" \
  --settings "$HERE/settings.js" --userDir "$RUN_DIR")"

wait_for_401 "$URL" "${NODE_RED_START_TIMEOUT:-60}" "$pid"
say "running (pid $pid) at $URL; log $LOG_FILE"
echo "$URL"
