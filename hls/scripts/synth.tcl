# Vitis HLS synthesis of the PolyMPCNet-J kernels for the ZCU104 (Zynq UltraScale+ XCZU7EV).
# Needs the Xilinx toolchain (vitis_hls, Vitis 2022.1 or later); `make -C hls csim` does not.
#
#   cd hls && vitis_hls -f scripts/synth.tcl                      all kernels
#   cd hls && vitis_hls -f scripts/synth.tcl -tclargs poly_eval   some kernels
#
# For each top function: a project in build/vitis/TOP, C synthesis at the clock of
# engines.properties (clock_mhz, the same file the performance model and the kernels read), the
# report copied to build/vitis/reports/TOP_csynth.rpt, and the kernel exported as
# build/vitis/TOP.xo for v++ linking (scripts/board_run.sh).

set hls_dir [file normalize [file join [file dirname [info script]] ..]]
cd $hls_dir

# key=value lines of engines.properties, comments and blanks skipped.
proc read_properties {path} {
    set props [dict create]
    set f [open $path r]
    set lineno 0
    while {[gets $f line] >= 0} {
        incr lineno
        regsub {#.*} $line {} line
        set line [string trim $line]
        if {$line eq ""} continue
        set eq [string first "=" $line]
        if {$eq < 0} { error "$path:$lineno: expected key=value, got '$line'" }
        dict set props [string trim [string range $line 0 [expr {$eq - 1}]]] [string trim [string range $line [expr {$eq + 1}] end]]
    }
    close $f
    return $props
}

set props [read_properties engines.properties]
if {![dict exists $props clock_mhz]} { error "engines.properties: no clock_mhz" }
set clock_mhz [dict get $props clock_mhz]
set period_ns [expr {1000.0 / $clock_mhz}]

# The kernels include build/engine_params.h, generated from the same file.
exec make -s -C $hls_dir params

# Top function -> source. ring_matmul_tile is one tile of the systolic array; ring_matmul walks
# the tiles of a whole product and is what the host launches.
set kernels [dict create \
    relu_msb_round1_send kernels/relu_msb.cpp \
    relu_msb_round1_recv kernels/relu_msb.cpp \
    relu_msb_level_send  kernels/relu_msb.cpp \
    relu_msb_level       kernels/relu_msb.cpp \
    relu_msb_final       kernels/relu_msb.cpp \
    ring_mask            kernels/ring_mask.cpp \
    poly_eval            kernels/poly_eval.cpp \
    ring_matmul_tile     kernels/ring_matmul.cpp \
    ring_matmul          kernels/ring_matmul.cpp]

set args [expr {[info exists argv] ? $argv : {}}]
set tops [expr {[llength $args] > 0 ? $args : [dict keys $kernels]}]
file mkdir build/vitis/reports

foreach top $tops {
    if {![dict exists $kernels $top]} { error "unknown kernel '$top'; known: [dict keys $kernels]" }
    set src [dict get $kernels $top]
    puts "== $top ($src) at $clock_mhz MHz"
    open_project -reset build/vitis/$top
    set_top $top
    add_files $src -cflags "-std=c++14 -I$hls_dir/build -I$hls_dir/kernels"
    open_solution -reset solution -flow_target vitis
    set_part xczu7ev-ffvc1156-2-e
    create_clock -period $period_ns -name default
    csynth_design
    file copy -force build/vitis/$top/solution/syn/report/${top}_csynth.rpt build/vitis/reports/${top}_csynth.rpt
    export_design -format xo -output $hls_dir/build/vitis/$top.xo
    close_project
}
exit
