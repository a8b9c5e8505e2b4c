# Checks the parameters the kernels were compiled with (key=value lines from print_params)
# against engines.properties, the file the performance model reads. Keys the kernels do not use
# (resource costs, the clock) are the model's alone and are not checked here.
#   usage: awk -f check_params.awk engines.properties params.txt
function trim(s) {
    gsub(/^[ \t\r]+|[ \t\r]+$/, "", s)
    return s
}
FNR == NR {
    line = $0
    sub(/#.*/, "", line)
    line = trim(line)
    if (line == "") next
    eq = index(line, "=")
    if (eq > 0) prop[trim(substr(line, 1, eq - 1))] = trim(substr(line, eq + 1))
    props = FILENAME
    next
}
{
    eq = index($0, "=")
    key = substr($0, 1, eq - 1)
    value = substr($0, eq + 1)
    checked++
    if (!(key in prop)) {
        printf "check-params: the kernels use %s=%s but %s has no %s\n", key, value, props, key
        bad++
    } else if (prop[key] + 0 != value + 0) {
        printf "check-params: %s: the kernels are compiled with %s but %s says %s\n", key, value, props, prop[key]
        bad++
    }
}
END {
    if (checked == 0) {
        print "check-params: the kernels reported no parameters"
        exit 1
    }
    if (bad) exit 1
    printf "check-params: the kernels' %d engine parameters equal %s\n", checked, props
}
