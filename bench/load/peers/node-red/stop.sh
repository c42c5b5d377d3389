#!/usr/bin/env bash
# Stops the Node-RED peer started by start.sh (only the pid it recorded).
set -euo pipefail

PEER=node-red
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../common.sh
source "$HERE/../common.sh"

PID_FILE="$RUNTIME_ROOT/node-red/node-red.pid"
stop_pid node-red 15
