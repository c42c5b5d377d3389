#!/usr/bin/env bash
# Starts n8n (pinned in package.json) in the background with the signed-webhook
# workflow (workflow.json: Webhook -> Code "Verify HMAC" -> Respond to Webhook),
# and returns once POST http://127.0.0.1:$N8N_PORT/webhook/bench answers.
# On first use it installs from package-lock.json with `npm ci` (several
# minutes: sqlite3 is compiled), and it imports and publishes the workflow
# whenever workflow.json or BENCH_SECRET changed since the last start.
#
#   N8N_PORT=5678 BENCH_SECRET=generic-test-secret-0001 bench/load/peers/n8n/start.sh
set -euo pipefail

PEER=n8n
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../common.sh
source "$HERE/../common.sh"
# shellcheck source=SCRIPTDIR/env.sh
source "$HERE/env.sh"

RUN_DIR="$N8N_USER_FOLDER"
PID_FILE="$RUN_DIR/n8n.pid"
LOG_FILE="$RUN_DIR/n8n.log"
URL="http://127.0.0.1:$N8N_PORT/webhook/bench"
N8N="$HERE/node_modules/n8n/bin/n8n"
WORKFLOW_ID=benchSignedHook1 # the id in workflow.json

command -v node >/dev/null || die "node is not on PATH"
command -v curl >/dev/null || die "curl is not on PATH (used to wait for the port)"

if pid="$(running_pid "n8n/bin/n8n start")"; then
  say "already running (pid $pid) at $URL"
  echo "$URL"
  exit 0
fi

if [[ ! -f "$N8N" ]]; then
  say "installing n8n from package-lock.json (npm ci; compiles sqlite3, takes minutes)"
  # sqlite3's install would first try to download a prebuilt binary from
  # GitHub, which is out of reach here: build it from source straight away
  # (node-gyp uses the headers under nodedir, g++, make and python3).
  # package.json's allowScripts lets only sqlite3 run an install script.
  # package.json's overrides take xlsx from the npm registry instead of the
  # SheetJS CDN that n8n-nodes-base names.
  (cd "$HERE" && npm_config_build_from_source=sqlite3 npm ci --no-audit --no-fund) \
    || die "npm ci failed in $HERE (see the npm output above)"
fi
[[ -f "$HERE/node_modules/sqlite3/build/Release/node_sqlite3.node" ]] \
  || die "sqlite3's native binding is missing; rm -rf $HERE/node_modules and run again (needs g++, make, python3)"

# Before the slow CLI steps, so a clash fails fast.
port_free "$N8N_PORT" N8N_PORT
port_free "$N8N_RUNNERS_BROKER_PORT" N8N_RUNNERS_BROKER_PORT

mkdir -p "$RUN_DIR"
export BENCH_SECRET="${BENCH_SECRET:-generic-test-secret-0001}"

# The workflow as imported: workflow.json with the Code node's secret set to
# $BENCH_SECRET (the Code node runs in the task runner, which is not given
# other environment variables).
node -e '
  const fs = require("fs");
  const [src, out, secret] = process.argv.slice(1);
  const wf = JSON.parse(fs.readFileSync(src, "utf8"));
  const code = wf.nodes.find((n) => n.type === "n8n-nodes-base.code");
  const placeholder = "\x27generic-test-secret-0001\x27";
  if (!code || !code.parameters.jsCode.includes(placeholder)) {
    console.error("n8n: workflow.json has no Code node with the secret " + placeholder);
    process.exit(1);
  }
  code.parameters.jsCode = code.parameters.jsCode.replace(placeholder, () => JSON.stringify(secret));
  fs.writeFileSync(out, JSON.stringify(wf, null, 2) + "\n");
' "$HERE/workflow.json" "$RUN_DIR/workflow.json" "$BENCH_SECRET" || die "cannot render workflow.json"

# n8n's CLI commands log their errors and still exit 0, so success is read
# from what they print.
run_cli() {
  local what="$1" expect="$2" out
  shift 2
  if ! out="$(node "$N8N" "$@" 2>&1)" || [[ "$out" != *"$expect"* ]]; then
    die "$what failed:
$out"
  fi
}

hash="$(sha256sum "$RUN_DIR/workflow.json" | cut -d' ' -f1)"
if [[ "$(cat "$RUN_DIR/workflow.imported" 2>/dev/null || true)" != "$hash" ]]; then
  say "importing and publishing workflow $WORKFLOW_ID"
  # The CLI's info lines (which carry the success messages) need log level info.
  N8N_LOG_LEVEL=info run_cli "import:workflow" "Successfully imported" import:workflow --input="$RUN_DIR/workflow.json"
  N8N_LOG_LEVEL=info run_cli "publish:workflow" "Changes will not take effect" publish:workflow --id="$WORKFLOW_ID"
  echo "$hash" >"$RUN_DIR/workflow.imported"
fi

pid="$(start_detached node "$N8N" start)"

# The first start runs database migrations; allow for a busy 2-core machine.
wait_for_401 "$URL" "${N8N_START_TIMEOUT:-300}" "$pid"
say "running (pid $pid) at $URL; log $LOG_FILE"
echo "$URL"
