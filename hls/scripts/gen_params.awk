# engines.properties -> engine_params.h: every `key=value` line becomes `#define KEY value`
# (key upper-cased). Comments (#) and blank lines are skipped; anything else, or a value that is
# not a plain number, stops the build with the file and line.
#   usage: awk -f gen_params.awk engines.properties > engine_params.h
function trim(s) {
    gsub(/^[ \t\r]+|[ \t\r]+$/, "", s)
    return s
}
function fail(msg) {
    printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
    failed = 1
    exit 1
}
BEGIN {
    print "// Generated from hls/engines.properties by hls/scripts/gen_params.awk: do not edit."
    print "// The engine parameters shared by the performance model and the HLS kernels."
    print "#ifndef POLYMPC_ENGINE_PARAMS_H"
    print "#define POLYMPC_ENGINE_PARAMS_H"
}
{
    line = $0
    sub(/#.*/, "", line)
    line = trim(line)
    if (line == "") next
    eq = index(line, "=")
    if (eq == 0) fail("expected key=value, got '" $0 "'")
    key = trim(substr(line, 1, eq - 1))
    value = trim(substr(line, eq + 1))
    if (key !~ /^[a-z][a-z0-9_]*$/) fail("key '" key "' is not lower_snake_case")
    if (value !~ /^[0-9]+(\.[0-9]+)?$/) fail(key " = '" value "' is not a non-negative number")
    if (key in seen) fail(key " is set twice")
    seen[key] = 1
    printf "#define %s %s\n", toupper(key), value
}
END {
    if (failed) exit 1
    print "#endif"
}
