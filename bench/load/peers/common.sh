# shellcheck shell=bash
# shellcheck disable=SC2154 # PEER, PID_FILE and LOG_FILE are set by the script that sources this
# Helpers shared by the peers' start.sh and stop.sh (sourced, not run).
# Each peer keeps its pid file, log and data under bench/load/.runtime/<peer>/,
# which is git-ignored and can be deleted to start from scratch.

LOAD_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck disable=SC2034 # read by the scripts that source this
RUNTIME_ROOT="${BENCH_RUNTIME_DIR:-$LOAD_DIR/.runtime}"

die() {
  echo "$PEER: $*" >&2
  exit 1
}

say() {
  echo "$PEER: $*" >&2
}

# Prints the pid in $PID_FILE if that process is alive and its command line
# contains $1 (so a stale pid reused by another program is never touched).
running_pid() {
  local pid cmdline
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # Read first: with pipefail, grep -q closing the pipe early would fail tr.
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *"$1"* ]] || return 1
  echo "$pid"
}

# Fails unless port $1 (from variable $2) is a number and nothing listens on
# it: wrk would otherwise measure the wrong server.
port_free() {
  local port="$1" name="$2" listeners
  if ! [[ "$port" =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then
    die "$name='$port' is not a TCP port"
  fi
  listeners="$(ss -Htln "sport = :$port")" || die "ss failed; cannot tell whether port $port is free"
  if [[ -n "$listeners" ]]; then
    die "port $port is already in use (see: ss -tlnp 'sport = :$port'); set $name to another port"
  fi
}

# HTTP status of an unsigned POST to $1 ("000" while nothing answers).
probe_status() {
  curl -s -o /dev/null -m 5 -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data '{}' "$1" || true
}

# Waits until $1 answers an unsigned POST with 401 (the flow is loaded and
# checking signatures). Gives up after $2 seconds or when pid $3 exits.
wait_for_401() {
  local url="$1" timeout="$2" pid="$3" status="000" waited=0
  while ((waited < timeout)); do
    kill -0 "$pid" 2>/dev/null || die "exited while starting; last lines of $LOG_FILE:
$(tail -n 30 "$LOG_FILE")"
    status="$(probe_status "$url")"
    [[ "$status" == "401" ]] && return 0
    sleep 1
    waited=$((waited + 1))
  done
  die "$url did not answer 401 to an unsigned POST within ${timeout}s (last status $status); see $LOG_FILE"
}

# Runs "$@" in the background in a session (and process group) of its own, its
# output in $LOG_FILE, and records its pid in $PID_FILE. setsid execs without
# forking here (a non-interactive shell's background child leads no group), so
# $! is the program itself, and stop_pid can end it with any helper it spawned
# (n8n's task runner) by that group, without touching anything else.
start_detached() {
  setsid "$@" >"$LOG_FILE" 2>&1 </dev/null &
  echo "$!" >"$PID_FILE"
  cat "$PID_FILE"
}

# Stops the pid in $PID_FILE if its command line contains $1: TERM to it so it
# shuts down cleanly, then KILL to its whole process group after $2 seconds.
stop_pid() {
  local match="$1" grace="$2" pid waited=0
  if ! pid="$(running_pid "$match")"; then
    say "not running"
    rm -f "$PID_FILE"
    return 0
  fi
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null && ((waited < grace)); do
    sleep 1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still running ${grace}s after TERM; sending KILL to process group $pid"
  fi
  # Whatever is left in its group (the main process, or helpers it spawned).
  if kill -0 -- "-$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  say "stopped (pid $pid)"
}
