package org.polympcnet.perfmodel.hls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.polympcnet.protocols.io.AtomicFile;

/**
 * The text format the HLS testbenches read (hls/tb/golden.h parses it): '#' comment lines, then
 * {@code param NAME VALUE} lines (signed decimal) and {@code section NAME COUNT} lines, each
 * followed by COUNT lines of one 64-bit word as 16 lowercase hex digits. LF line endings and a
 * fixed order, so the same protocols give the same bytes and a test can compare files exactly.
 */
final class GoldenFile {
    private final StringBuilder text = new StringBuilder();

    GoldenFile(String kernel, String... description) {
        text.append("# PolyMPCNet-J golden vectors for the HLS C-simulation testbench of ").append(kernel).append('\n');
        text.append("# Written by org.polympcnet.perfmodel.hls.GoldenVectors from the Java protocols; do not edit.\n");
        text.append("# Regenerate with `make -C hls golden`; GoldenVectorsTest fails when these drift from the protocols.\n");
        for (String d : description) text.append("# ").append(d).append('\n');
    }

    GoldenFile param(String name, long value) {
        checkName(name);
        text.append("param ").append(name).append(' ').append(value).append('\n');
        return this;
    }

    GoldenFile section(String name, long[] words) {
        checkName(name);
        text.append("section ").append(name).append(' ').append(words.length).append('\n');
        for (long w : words) text.append(String.format(Locale.ROOT, "%016x", w)).append('\n');
        return this;
    }

    String text() {
        return text.toString();
    }

    /** Temp file in the same folder, then rename: a reader never sees half a file. */
    void writeAtomically(Path file) throws IOException {
        AtomicFile.write(file, text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static void checkName(String name) {
        if (!name.matches("[a-z0-9_.]+")) throw new IllegalArgumentException("bad golden name '" + name + "'");
    }
}
