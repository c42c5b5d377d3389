#!/usr/bin/env bash
# Stops the n8n peer started by start.sh (only the pid it recorded, then
# whatever is left in its process group, such as the task runner).
set -euo pipefail

PEER=n8n
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../common.sh
source "$HERE/../common.sh"
# shellcheck source=SCRIPTDIR/env.sh
source "$HERE/env.sh"

PID_FILE="$N8N_USER_FOLDER/n8n.pid"
# n8n waits up to N8N_GRACEFUL_SHUTDOWN_TIMEOUT (30 s) for running executions.
stop_pid "n8n/bin/n8n start" 40
