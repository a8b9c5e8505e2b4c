package org.polympcnet.perfmodel.hardware;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The FPGA engine parameters, from {@code hls/engines.properties}: the one file that the HLS
 * kernels and this model both read (the build puts a copy on the classpath). A missing or
 * malformed key is an error that names the file and the key.
 *
 * @param clockMhz programmable-logic clock
 * @param reluWordLanes 64-bit AND words the ReLU engine processes per cycle (64 gates a word)
 * @param polyMultipliers 64-bit ring multipliers of the polynomial engine
 * @param matmulRows rows of the linear engine's systolic array of ring multiply-accumulate units
 * @param dspPerRingMultiplier DSP48E2 slices per 64-bit ring multiplier
 * @param aesCores pipelined AES-128 cores of the FSS engine, one 16-byte block a cycle each every
 *     {@code aesIi} cycles (the DCF walk of the FSS ReLU)
 * @param lutPerAesCore LUTs of one fully pipelined fixed-key AES-128 core (S-boxes in logic)
 * @param bramBitsPerAesCore block RAM bits of one core (0 when its S-boxes are logic)
 */
public record EngineParameters(double clockMhz, int reluWordLanes, int reluIi, int polyMultipliers, int polyIi,
                               int matmulRows, int matmulCols, int matmulIi, int dspPerRingMultiplier,
                               int lutPerRingMultiplier, int lutPerAndWordLane, int aesCores, int aesIi, int lutPerAesCore,
                               int bramBitsPerAesCore) {
    /** Where the build puts the shared file on the classpath. */
    public static final String RESOURCE = "/org/polympcnet/perfmodel/hardware/engines.properties";

    public EngineParameters {
        if (!(clockMhz > 0)) throw new IllegalArgumentException("clock_mhz must be positive, got " + clockMhz);
    }

    /** The parameters the build copied from hls/engines.properties. */
    public static EngineParameters standard() {
        try (InputStream in = EngineParameters.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("engines.properties is not on the classpath (" + RESOURCE + "); rebuild fpga-perfmodel");
            return parse(read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)), "engines.properties (classpath)");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read engines.properties from the classpath: " + e.getMessage(), e);
        }
    }

    /** Reads a file in the format of hls/engines.properties. */
    public static EngineParameters load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(read(r), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read engine parameters " + file + ": " + e.getMessage(), e);
        }
    }

    static EngineParameters parse(Properties p, String source) {
        return new EngineParameters(
                positiveDouble(p, "clock_mhz", source),
                positiveInt(p, "relu_word_lanes", source), positiveInt(p, "relu_ii", source),
                positiveInt(p, "poly_multipliers", source), positiveInt(p, "poly_ii", source),
                positiveInt(p, "matmul_rows", source), positiveInt(p, "matmul_cols", source), positiveInt(p, "matmul_ii", source),
                positiveInt(p, "dsp_per_ring_multiplier", source), positiveInt(p, "lut_per_ring_multiplier", source),
                positiveInt(p, "lut_per_and_word_lane", source),
                positiveInt(p, "aes_cores", source), positiveInt(p, "aes_ii", source), positiveInt(p, "lut_per_aes_core", source),
                nonNegativeInt(p, "bram_bits_per_aes_core", source));
    }

    /** The same parameters at another clock. */
    public EngineParameters withClockMhz(double mhz) {
        return new EngineParameters(mhz, reluWordLanes, reluIi, polyMultipliers, polyIi, matmulRows, matmulCols, matmulIi,
                dspPerRingMultiplier, lutPerRingMultiplier, lutPerAndWordLane, aesCores, aesIi, lutPerAesCore, bramBitsPerAesCore);
    }

    private static Properties read(Reader r) throws IOException {
        Properties p = new Properties();
        p.load(r);
        return p;
    }

    private static String value(Properties p, String key, String source) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(source + ": key " + key + " is missing");
        return v.trim();
    }

    private static int positiveInt(Properties p, String key, String source) {
        String v = value(p, key, source);
        try {
            int i = Integer.parseInt(v);
            if (i > 0) return i;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + ": " + key + "=" + v + " is not a positive integer");
    }

    private static int nonNegativeInt(Properties p, String key, String source) {
        String v = value(p, key, source);
        try {
            int i = Integer.parseInt(v);
            if (i >= 0) return i;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + ": " + key + "=" + v + " is not a non-negative integer");
    }

    private static double positiveDouble(Properties p, String key, String source) {
        String v = value(p, key, source);
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + ": " + key + "=" + v + " is not a positive number");
    }
}
