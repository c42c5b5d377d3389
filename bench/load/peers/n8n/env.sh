# shellcheck shell=bash
# n8n settings for the bench/load peer, sourced by start.sh (and handy for
# running other n8n CLI commands against the same data:
#   source bench/load/peers/n8n/env.sh && bench/load/peers/n8n/node_modules/.bin/n8n list:workflow).
# Defaults otherwise: SQLite, regular execution mode, executions saved,
# Code nodes run in the internal JS task runner.
_N8N_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
_N8N_RUNTIME="${BENCH_RUNTIME_DIR:-$(cd "$_N8N_HERE/../.." && pwd)/.runtime}/n8n"

export N8N_PORT="${N8N_PORT:-5678}"
# Loopback only: the peer is a local benchmark target.
export N8N_LISTEN_ADDRESS="${N8N_LISTEN_ADDRESS:-127.0.0.1}"
export N8N_HOST="${N8N_HOST:-127.0.0.1}"
export N8N_PROTOCOL=http
# The task runner's broker listens on its own port (5679 by default).
if [[ "$N8N_PORT" =~ ^[0-9]+$ ]]; then _n8n_broker=$((N8N_PORT + 1)); else _n8n_broker=5679; fi
export N8N_RUNNERS_BROKER_PORT="${N8N_RUNNERS_BROKER_PORT:-$_n8n_broker}"
# n8n keeps its SQLite database, encryption key and binary data in
# $N8N_USER_FOLDER/.n8n: git-ignored, under bench/load/.runtime.
export N8N_USER_FOLDER="$_N8N_RUNTIME"
export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true
# Nothing that phones home or fetches from the internet (none is reachable here,
# and retries would only add noise to the run).
export N8N_DIAGNOSTICS_ENABLED=false
export N8N_VERSION_NOTIFICATIONS_ENABLED=false
export N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED=false
export N8N_PERSONALIZATION_ENABLED=false
export N8N_TEMPLATES_ENABLED=false
export N8N_HIRING_BANNER_ENABLED=false
export N8N_DYNAMIC_BANNERS_ENABLED=false
export N8N_COMMUNITY_PACKAGES_ENABLED=false
export N8N_LICENSE_AUTO_RENEW_ENABLED=false
export N8N_AI_ENABLED=false
# The Code node may require() node's crypto and nothing else.
export NODE_FUNCTION_ALLOW_BUILTIN=crypto
export GENERIC_TIMEZONE=UTC
# Quiet: warnings and errors only (a line per execution would skew the run).
export N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-warn}"
