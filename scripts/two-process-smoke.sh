#!/usr/bin/env bash
# Smoke test of runs across processes, on loopback: (1) the dealer and both parties as three
# ./polympc processes, ReLU by the GMW carry tree; (2) the two parties alone, no dealer
# (--correlations ot), ReLU by the CrypTFlow2 millionaires' protocol. Party 1's output is checked
# line by line against a plaintext reference computed here with awk. Exits non-zero on any failure.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/two-process-smoke.sh [--n N] [--keep] [--help]

Runs ReLU on N generated values (default 1000) across processes on free loopback ports, twice:
  1. `polympc dealer` and `polympc op relu --party 0/1 --dealer ...` (three processes, GMW);
  2. `polympc op relu --protocol millionaire --correlations ot --party 0/1` (two processes, no
     dealer: the parties make their correlations by oblivious transfer over their own link).
Each time party 1's output is checked against a plaintext reference computed with awk.
The whole script is bounded by `timeout 120`.

  --n N     number of input values (default 1000)
  --keep    keep the work directory (inputs, outputs, logs, stats) and print its path
  --help    show this help

Needs the jar: (cd <repo> && mvn -B -DskipTests package). POLYMPC_JAVA_OPTS is passed to each
JVM (default here: -Xmx512m). Exit status: 0 when the output matches, non-zero otherwise.
USAGE
}

# Bound the whole run: timeout signals its whole process group, so the three JVMs started
# below go too if anything hangs.
if [ -z "${POLYMPC_SMOKE_BOUNDED:-}" ]; then
  export POLYMPC_SMOKE_BOUNDED=1
  exec timeout 120 "$0" "$@"
fi

n=1000
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --n) [ $# -ge 2 ] || { echo "smoke: error: --n needs a value" >&2; exit 2; }; n="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "smoke: error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "smoke: error: --n must be a positive integer, got '$n'" >&2; exit 2; }

repo="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
polympc="$repo/polympc"
if [ ! -f "$repo/cli/target/polympc.jar" ]; then
  echo "smoke: error: $repo/cli/target/polympc.jar not found; build it first: (cd $repo && mvn -B -DskipTests package)" >&2
  exit 2
fi
export POLYMPC_JAVA_OPTS="${POLYMPC_JAVA_OPTS:--Xmx512m}"

work="$(mktemp -d "${TMPDIR:-/tmp}/polympc-smoke.XXXXXX")"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  if [ "$keep" = 1 ]; then echo "smoke: work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 124' TERM INT  # so that cleanup runs when timeout or Ctrl-C stops us

free_port() {
  # Ask the kernel for a free port; without python3, guess in 40000..59999 (a taken port makes
  # `polympc` fail with "cannot listen", and the run is retried with new ports).
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
  else
    echo $((40000 + RANDOM % 20000))
  fi
}

# Input: quarters in [-50, 50] written the way polympc prints exact decimals (no trailing
# zeros, "0" for zero), so the reference can compare strings. A comment and a blank line check
# that both are skipped.
awk -v n="$n" 'BEGIN {
  print "# two-process smoke input"; print ""
  for (i = 0; i < n; i++) {
    q = (i * 7919) % 401 - 200; a = q < 0 ? -q : q; r = a % 4
    s = (q < 0 ? "-" : "") int(a / 4) (r == 1 ? ".25" : r == 2 ? ".5" : r == 3 ? ".75" : "")
    print (q == 0 ? "0" : s)
  }
}' > "$work/in.txt"
awk '/^[[:space:]]*(#|$)/ { next } { print ($1 ~ /^-/ ? "0" : $1) }' "$work/in.txt" > "$work/ref.txt"

# Runs one configuration: $1 = dealer (three processes) or ot (two processes, no dealer).
# Outputs and logs go to $work/<mode>-*.
run_once() {
  local mode="$1" peer_port dealer_port dealer_pid="" p0_pid p1_pid rc=0
  local -a corr=()
  peer_port="$(free_port)"
  rm -f "$work/$mode"-*.err "$work/$mode-out.txt"
  if [ "$mode" = dealer ]; then
    dealer_port="$(free_port)"
    while [ "$dealer_port" = "$peer_port" ]; do dealer_port="$(free_port)"; done
    "$polympc" dealer --listen "$dealer_port" --timeout 60 2>"$work/$mode-dealer.err" &
    dealer_pid=$!
    corr=(--dealer "127.0.0.1:$dealer_port")
  else
    corr=(--protocol millionaire --correlations ot)
  fi
  "$polympc" op relu "${corr[@]}" --party 0 --listen "$peer_port" \
    --input "$work/in.txt" --stats "$work/$mode-stats0.json" --timeout 60 2>"$work/$mode-p0.err" &
  p0_pid=$!
  "$polympc" op relu "${corr[@]}" --party 1 --connect "127.0.0.1:$peer_port" \
    --output "$work/$mode-out.txt" --stats "$work/$mode-stats1.json" --timeout 60 2>"$work/$mode-p1.err" &
  p1_pid=$!
  pids=("$p0_pid" "$p1_pid" $dealer_pid)
  wait "$p1_pid" || rc=1
  wait "$p0_pid" || rc=1
  if [ -n "$dealer_pid" ]; then wait "$dealer_pid" || rc=1; fi
  pids=()
  return "$rc"
}

# Runs a configuration (retrying when a port was taken) and checks party 1's output.
check() {
  local mode="$1" what="$2" attempt=1 f
  until run_once "$mode"; do
    if grep -qs "cannot listen on port" "$work/$mode"-*.err && [ "$attempt" -lt 3 ]; then
      attempt=$((attempt + 1))
      echo "smoke: a port was taken; retrying with new ports (attempt $attempt)" >&2
      continue
    fi
    echo "smoke: FAILED ($what): a process exited non-zero" >&2
    for f in "$work/$mode"-*.err; do sed "s/^/  $(basename "$f" .err): /" "$f" >&2; done
    exit 1
  done
  if [ ! -f "$work/$mode-out.txt" ]; then
    echo "smoke: FAILED ($what): party 1 wrote no output" >&2
    exit 1
  fi
  if ! cmp -s "$work/ref.txt" "$work/$mode-out.txt"; then
    echo "smoke: FAILED ($what): party 1's output differs from the plaintext reference" >&2
    diff "$work/ref.txt" "$work/$mode-out.txt" | head -n 10 | sed 's/^/  /' >&2 || true
    echo "  (reference: $(wc -l <"$work/ref.txt") lines, output: $(wc -l <"$work/$mode-out.txt") lines)" >&2
    keep=1
    exit 1
  fi
}

# A per-party array field of a STATS.json, as "A and B".
pair() {
  tr -d ' \n' <"$1" | sed -n 's/.*"'"$2"'":\[\([0-9]*\),\([0-9]*\)\].*/\1 and \2/p'
}

check dealer "relu, gmw, with a dealer"
echo "smoke: OK: relu (gmw) of $n values across three processes matches the plaintext reference" \
  "(online bytes sent by party 0 and party 1: $(pair "$work/dealer-stats1.json" onlineBytes); $(grep -v "Using incubator modules" "$work/dealer-dealer.err"))"

check ot "relu, millionaire, no dealer"
if [ "$(pair "$work/ot-stats1.json" offlineBytesFromDealer)" != "0 and 0" ] \
    || ! tr -d ' \n' <"$work/ot-stats0.json" | grep -q '"correlations":"ot"'; then
  echo "smoke: FAILED (relu, millionaire, no dealer): STATS.json does not record a dealer-free run" >&2
  keep=1
  exit 1
fi
echo "smoke: OK: relu (millionaire) of $n values across two processes without a dealer matches the plaintext reference" \
  "(online bytes sent by party 0 and party 1: $(pair "$work/ot-stats1.json" onlineBytes);" \
  "offline bytes by OT on their link: $(pair "$work/ot-stats1.json" offlineBytesSent))"
