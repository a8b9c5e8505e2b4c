#!/usr/bin/env bash
# Runs the HLS kernels on a ZCU104 and writes the measured latencies as tidy CSV
# (experiment,config,metric,value,unit; experiment=board), the schema the performance model
# writes, so `polympc compare-latency` can set modelled against measured.
#
# NEEDS THE XILINX TOOLCHAIN AND A BOARD (unlike `make -C hls csim`, which needs only g++):
#   - Vitis 2022.1 or later (vitis_hls, v++) on the build machine: source <Vitis>/settings64.sh
#   - XRT for the host program: XILINX_XRT (source /opt/xilinx/xrt/setup.sh) to build natively,
#     or SYSROOT, a ZCU104 (aarch64) sysroot with XRT, and an aarch64 cross compiler (HOST_CXX)
#   - the ZCU104 Vitis platform, a .xpfm file: --platform FILE or PLATFORM
#   - a ZCU104 booted from a Linux image with XRT and the zocl driver (such as the platform's
#     prebuilt SD card image), reachable by ssh (--board USER@HOST); or copy build/board/ to the
#     board and run `board_run.sh --stage run` there
#
# Stages (all by default, in this order; --stage NAME runs one):
#   check  the tools the other stages need are present (exits 3 with what is missing)
#   synth  vitis_hls -f scripts/synth.tcl: C synthesis at clock_mhz of engines.properties, .xo
#   link   v++ -l for the platform: build/board/polympc.xclbin
#   host   compile host/host.cpp (XRT native API) with the kernels as its CPU reference
#   run    run the host on the board: checks FPGA against CPU, writes the CSV (--out)
set -euo pipefail

HLS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$HLS_DIR/build/board
# The kernels the host launches (ring_matmul_tile is ring_matmul's inner tile, not launched alone).
KERNELS=(relu_msb_round1_send relu_msb_round1_recv relu_msb_level_send relu_msb_level relu_msb_final
         ring_mask poly_eval ring_matmul)

PLATFORM=${PLATFORM:-}
BOARD=""
OUT="$HLS_DIR/../results/raw/board-zcu104.csv"
N=65536
MATMUL=256x256x256
REPS=10
STAGE=all
REMOTE_DIR=polympc-hls

usage() {
    cat <<USAGE
usage: scripts/board_run.sh [--platform XPFM] [--board USER@HOST] [--out FILE] [--n N]
                            [--matmul MxKxN] [--reps R] [--stage check|synth|link|host|run]

Synthesises the PolyMPCNet-J HLS kernels, links them for a ZCU104, runs them on the board for
both parties (checked bit for bit against the same kernels on the board's CPU) and writes the
median kernel latencies as tidy CSV: experiment,config,metric,value,unit with rows such as
  board,op=relu;n=65536;hw=zcu104,latency,123.456,us

Needs Vitis (vitis_hls, v++), XRT, the ZCU104 platform and a board; see the header of this
script and hls/README.md. Without them it stops at the check stage with exit code 3.

  --platform XPFM    ZCU104 Vitis platform (default: \$PLATFORM)
  --board USER@HOST  run on this board over ssh/scp (default: run here, on the board)
  --out FILE         CSV to write (default: results/raw/board-zcu104.csv)
  --n N              elements for relu and poly (default: $N)
  --matmul MxKxN     matmul shape (default: $MATMUL)
  --reps R           timed runs per op, after one warm-up; medians are reported (default: $REPS)
  --stage NAME       run one stage only (default: all)
Environment: PLATFORM, XILINX_XRT, SYSROOT and HOST_CXX (cross-compiling the host).
USAGE
}

die() {
    echo "board_run.sh: $*" >&2
    exit 1
}

# Exit 3 naming every missing tool: the usual case on a machine without the toolchain.
missing_toolchain() {
    echo "board_run.sh: $1" >&2
    echo "board_run.sh: this script needs the Xilinx toolchain (Vitis: vitis_hls, v++; XRT) and a ZCU104;" >&2
    echo "board_run.sh: see hls/README.md. C simulation needs none of it: make -C hls csim" >&2
    exit 3
}

need_tools() {
    local missing=()
    for t in "$@"; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
    if ((${#missing[@]} > 0)); then missing_toolchain "not found on PATH: ${missing[*]}"; fi
}

need_platform() {
    [[ -n "$PLATFORM" ]] || missing_toolchain "no ZCU104 platform: pass --platform FILE.xpfm or set PLATFORM"
    [[ -f "$PLATFORM" ]] || missing_toolchain "platform $PLATFORM: no such file"
}

# Compiler and flags for the host program: cross-compiling with SYSROOT, else natively with XRT.
host_compiler() {
    if [[ -n "${SYSROOT:-}" ]]; then
        [[ -f "$SYSROOT/usr/include/xrt/xrt_kernel.h" ]] || missing_toolchain "SYSROOT=$SYSROOT has no XRT headers (usr/include/xrt)"
        HOST_CXX=${HOST_CXX:-aarch64-linux-gnu-g++}
        HOST_FLAGS=(--sysroot="$SYSROOT")
    else
        [[ -n "${XILINX_XRT:-}" && -f "${XILINX_XRT:-}/include/xrt/xrt_kernel.h" ]] \
            || missing_toolchain "XRT not found: source /opt/xilinx/xrt/setup.sh (XILINX_XRT) or set SYSROOT to a ZCU104 sysroot"
        HOST_CXX=${HOST_CXX:-g++}
        HOST_FLAGS=(-I"$XILINX_XRT/include" -L"$XILINX_XRT/lib")
    fi
    need_tools "$HOST_CXX"
}

stage_check() {
    need_tools vitis_hls v++ make awk
    need_platform
    host_compiler
    if [[ -n "$BOARD" ]]; then need_tools ssh scp; fi
    echo "check: vitis_hls, v++, $HOST_CXX, platform $(basename "$PLATFORM")"
}

stage_synth() {
    need_tools vitis_hls make awk
    (cd "$HLS_DIR" && vitis_hls -f scripts/synth.tcl -tclargs "${KERNELS[@]}")
}

stage_link() {
    need_tools v++
    need_platform
    local xos=()
    for k in "${KERNELS[@]}"; do
        [[ -f "$HLS_DIR/build/vitis/$k.xo" ]] || die "build/vitis/$k.xo missing: run --stage synth first"
        xos+=("$HLS_DIR/build/vitis/$k.xo")
    done
    mkdir -p "$BUILD"
    local clock_hz
    clock_hz=$(awk -F= '$1 ~ /^[ \t]*clock_mhz[ \t]*$/ { gsub(/[ \t\r]/, "", $2); printf "%d", $2 * 1000000 }' \
        "$HLS_DIR/engines.properties")
    [[ -n "$clock_hz" ]] || die "engines.properties has no clock_mhz"
    # The kernel clock of engines.properties, as in synthesis: the ZCU104 platform's fixed clocks
    # include 200 MHz; v++ picks (or scales to) the platform clock nearest this frequency.
    (cd "$BUILD" && v++ -l -t hw --platform "$PLATFORM" --clock.defaultFreqHz "$clock_hz" \
        -o polympc.xclbin "${xos[@]}")
}

stage_host() {
    host_compiler
    make -s -C "$HLS_DIR" params
    mkdir -p "$BUILD"
    "$HOST_CXX" -std=c++17 -O2 -Wall -Wextra "${HOST_FLAGS[@]}" \
        -I"$HLS_DIR/build" -I"$HLS_DIR/kernels" \
        -o "$BUILD/polympc_hls_host" "$HLS_DIR/host/host.cpp" "$HLS_DIR"/kernels/*.cpp \
        -lxrt_coreutil -pthread
    echo "host: $BUILD/polympc_hls_host"
}

stage_run() {
    [[ -f "$BUILD/polympc.xclbin" ]] || die "build/board/polympc.xclbin missing: run --stage link first"
    [[ -x "$BUILD/polympc_hls_host" ]] || die "build/board/polympc_hls_host missing: run --stage host first"
    local args=(--n "$N" --matmul "$MATMUL" --reps "$REPS" --hw zcu104)
    mkdir -p "$(dirname "$OUT")"
    if [[ -n "$BOARD" ]]; then
        need_tools ssh scp
        ssh "$BOARD" "mkdir -p $REMOTE_DIR"
        scp "$BUILD/polympc.xclbin" "$BUILD/polympc_hls_host" "$BOARD:$REMOTE_DIR/"
        ssh "$BOARD" "cd $REMOTE_DIR && ./polympc_hls_host polympc.xclbin --out board.csv ${args[*]}"
        scp "$BOARD:$REMOTE_DIR/board.csv" "$OUT.tmp"
    else
        "$BUILD/polympc_hls_host" "$BUILD/polympc.xclbin" --out "$OUT.tmp" "${args[@]}"
    fi
    mv "$OUT.tmp" "$OUT" # atomic: a reader never sees half a file
    echo "run: wrote $OUT"
}

while (($# > 0)); do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --platform) PLATFORM=${2:?--platform needs a file}; shift 2 ;;
        --board) BOARD=${2:?--board needs USER@HOST}; shift 2 ;;
        --out) OUT=${2:?--out needs a file}; shift 2 ;;
        --n) N=${2:?--n needs a number}; shift 2 ;;
        --matmul) MATMUL=${2:?--matmul needs MxKxN}; shift 2 ;;
        --reps) REPS=${2:?--reps needs a number}; shift 2 ;;
        --stage) STAGE=${2:?--stage needs a name}; shift 2 ;;
        *) usage >&2; die "unknown argument '$1'" ;;
    esac
done
[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "--n must be a positive integer, got '$N'"
[[ "$REPS" =~ ^[1-9][0-9]*$ ]] || die "--reps must be a positive integer, got '$REPS'"
[[ "$MATMUL" =~ ^[1-9][0-9]*x[1-9][0-9]*x[1-9][0-9]*$ ]] || die "--matmul must be MxKxN, got '$MATMUL'"

case "$STAGE" in
    all) stage_check; stage_synth; stage_link; stage_host; stage_run ;;
    check|synth|link|host|run) "stage_$STAGE" ;;
    *) die "unknown stage '$STAGE' (check, synth, link, host, run)" ;;
esac
