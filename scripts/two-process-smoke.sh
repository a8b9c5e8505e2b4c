#!/usr/bin/env bash
# Smoke test of a run across processes: the dealer and both parties as three ./polympc
# processes on loopback, ReLU on a generated input, party 1's output checked line by line
# against a plaintext reference computed here with awk. Exits non-zero on any failure.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/two-process-smoke.sh [--n N] [--keep] [--help]

Starts `polympc dealer` and `polympc op relu --party 0/1` as three processes on free loopback
ports, runs ReLU on N generated values (default 1000), and checks party 1's output against a
plaintext reference computed with awk. The whole script is bounded by `timeout 120`.

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

run_once() {
  local peer_port dealer_port dealer_pid p0_pid p1_pid rc=0
  peer_port="$(free_port)"
  dealer_port="$(free_port)"
  while [ "$dealer_port" = "$peer_port" ]; do dealer_port="$(free_port)"; done
  rm -f "$work"/*.err "$work/out.txt"
  "$polympc" dealer --listen "$dealer_port" --timeout 60 2>"$work/dealer.err" &
  dealer_pid=$!
  "$polympc" op relu --party 0 --listen "$peer_port" --dealer "127.0.0.1:$dealer_port" \
    --input "$work/in.txt" --stats "$work/stats0.json" --timeout 60 2>"$work/p0.err" &
  p0_pid=$!
  "$polympc" op relu --party 1 --connect "127.0.0.1:$peer_port" --dealer "127.0.0.1:$dealer_port" \
    --output "$work/out.txt" --stats "$work/stats1.json" --timeout 60 2>"$work/p1.err" &
  p1_pid=$!
  pids=("$dealer_pid" "$p0_pid" "$p1_pid")
  wait "$p1_pid" || rc=1
  wait "$p0_pid" || rc=1
  wait "$dealer_pid" || rc=1
  pids=()
  return "$rc"
}

attempt=1
until run_once; do
  if grep -qs "cannot listen on port" "$work"/*.err && [ "$attempt" -lt 3 ]; then
    attempt=$((attempt + 1))
    echo "smoke: a port was taken; retrying with new ports (attempt $attempt)" >&2
    continue
  fi
  echo "smoke: FAILED: a process exited non-zero" >&2
  for f in dealer p0 p1; do sed "s/^/  $f: /" "$work/$f.err" >&2; done
  exit 1
done

if [ ! -f "$work/out.txt" ]; then
  echo "smoke: FAILED: party 1 wrote no output" >&2
  exit 1
fi
if ! cmp -s "$work/ref.txt" "$work/out.txt"; then
  echo "smoke: FAILED: party 1's output differs from the plaintext reference" >&2
  diff "$work/ref.txt" "$work/out.txt" | head -n 10 | sed 's/^/  /' >&2 || true
  echo "  (reference: $(wc -l <"$work/ref.txt") lines, output: $(wc -l <"$work/out.txt") lines)" >&2
  keep=1
  exit 1
fi

bytes="$(tr -d ' \n' <"$work/stats1.json" | sed -n 's/.*"onlineBytes":\[\([0-9]*\),\([0-9]*\)\].*/\1 and \2/p')"
echo "smoke: OK: relu of $n values across three processes matches the plaintext reference" \
  "(online bytes sent by party 0 and party 1: ${bytes:-?}; $(cat "$work/dealer.err"))"
