package org.polympcnet.perfmodel.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The cpu profile's calibration: for each {@link CpuPrimitive}, nanoseconds per unit measured at
 * several sizes with two threads running at once (as the two parties do), and the hand-off time
 * of one exchange between two party threads, and the round trip of a one-element "op" from the
 * parties' last synchronization (the fixed cost every online phase pays once, see
 * {@link #startOverheadNs}). Written by {@code polympc calibrate}; the JSON schema is
 * "polympcnet-cpu-calibration/2" (version 1 lacked opRoundTripNs and the MAC size meaning of
 * {@link CpuPrimitive#MAC}; such files are refused with a request to calibrate again). A file of
 * version 2 written before {@link CpuPrimitive#FIXED_KEY_AES} existed (the FSS ReLU's AES) is refused
 * with one error naming the file and that primitive: there is no fallback, since the fixed-key rate
 * is what an FSS ReLU's latency mostly is.
 *
 * <p>Cost at a size between two measured sizes interpolates the total time (units x ns per
 * unit) linearly, so a larger op never costs less; outside the measured range the nearest size's
 * ns per unit applies.
 */
public record CpuCalibration(String machine, String date, int[] sizes, Map<CpuPrimitive, double[]> nsPerUnit, double handoffNs,
                             double opRoundTripNs) {
    public static final String SCHEMA = "polympcnet-cpu-calibration/2";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public CpuCalibration {
        sizes = sizes.clone();
        if (sizes.length == 0) throw new IllegalArgumentException("a calibration needs at least one size");
        for (int i = 1; i < sizes.length; i++) {
            if (sizes[i] <= sizes[i - 1]) throw new IllegalArgumentException("calibration sizes must increase");
        }
        Map<CpuPrimitive, double[]> copy = new EnumMap<>(CpuPrimitive.class);
        for (CpuPrimitive p : CpuPrimitive.values()) {
            double[] v = nsPerUnit.get(p);
            if (v == null || v.length != sizes.length) throw new IllegalArgumentException("primitive " + p.key() + ": want one value per size");
            for (double d : v) if (!(d > 0) || !Double.isFinite(d)) throw new IllegalArgumentException("primitive " + p.key() + ": " + d + " ns is not positive");
            copy.put(p, v.clone());
        }
        nsPerUnit = copy;
        if (!(handoffNs > 0) || !Double.isFinite(handoffNs)) throw new IllegalArgumentException("handoffNs must be positive");
        if (!(opRoundTripNs > 0) || !Double.isFinite(opRoundTripNs)) throw new IllegalArgumentException("opRoundTripNs must be positive");
    }

    /**
     * The fixed cost of an online phase beyond its steps: what a one-element op round trip from
     * synchronized parties costs more than the model's price of its one flight (a hand-off and 8
     * bytes through the channel). It is the parties' skew: after their last exchange (a barrier,
     * or the end of the previous phase) the party that had to wait is still waking up when the
     * other starts, and the faster party's first receive waits for it. Never negative.
     */
    public double startOverheadNs() {
        return Math.max(0, opRoundTripNs - handoffNs - nanos(CpuPrimitive.CHANNEL_BYTE, Long.BYTES, 1));
    }

    /** Nanoseconds for `units` of a primitive in a loop of `size` (elements, words, or matrix columns). */
    public double nanos(CpuPrimitive p, double units, long size) {
        if (units <= 0) return 0;
        double[] v = nsPerUnit.get(p);
        if (size <= sizes[0]) return units * v[0];
        int last = sizes.length - 1;
        if (size >= sizes[last]) return units * v[last];
        int i = 0;
        while (sizes[i + 1] < size) i++;
        // Interpolate the time of a loop of `size` units, then scale to `units`.
        double t0 = sizes[i] * v[i], t1 = sizes[i + 1] * v[i + 1];
        double t = t0 + (t1 - t0) * (size - sizes[i]) / (double) (sizes[i + 1] - sizes[i]);
        return units * t / size;
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("machine", machine);
        o.put("date", date);
        o.put("note", "ns per unit of each primitive at each size, two threads at once (the two parties); "
                + "handoffNs: one exchange between two party threads (each works, sends, receives), beyond the work, in bursts of 8 right after the threads start, as an op makes its rounds; "
                + "opRoundTripNs: a one-element op (allocate, send a word, receive the other's) timed at the slower party "
                + "right after the parties synchronized, as an op's online phase is timed; "
                + "mac: size = elements of the right-hand matrix (16 x k by k x size/k, k about sqrt(size))");
        ArrayNode s = o.putArray("sizes");
        for (int z : sizes) s.add(z);
        ObjectNode units = o.putObject("units");
        ObjectNode ns = o.putObject("nsPerUnit");
        for (CpuPrimitive p : CpuPrimitive.values()) {
            units.put(p.key(), p.unit());
            ArrayNode a = ns.putArray(p.key());
            for (double d : nsPerUnit.get(p)) a.add(d);
        }
        o.put("handoffNs", handoffNs);
        o.put("opRoundTripNs", opRoundTripNs);
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a calibration file; errors name the file and the field. */
    public static CpuCalibration read(Path file) {
        JsonNode o;
        try {
            o = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("calibration file " + file + " does not exist (run: polympc calibrate --out " + file + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("calibration file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            if (o == null || !SCHEMA.equals(o.path("schema").asText())) {
                throw new IllegalArgumentException("schema: want " + SCHEMA + ", found '" + (o == null ? "" : o.path("schema").asText())
                        + "' (an older or foreign file: run polympc calibrate again)");
            }
            JsonNode s = o.path("sizes");
            if (!s.isArray() || s.isEmpty()) throw new IllegalArgumentException("sizes: want an array of sizes");
            int[] sizes = new int[s.size()];
            for (int i = 0; i < sizes.length; i++) sizes[i] = s.get(i).asInt();
            Map<CpuPrimitive, double[]> ns = new EnumMap<>(CpuPrimitive.class);
            for (CpuPrimitive p : CpuPrimitive.values()) {
                JsonNode a = o.path("nsPerUnit").path(p.key());
                if (!a.isArray()) {
                    throw new IllegalArgumentException("nsPerUnit." + p.key() + ": missing: the file has no figure for the primitive "
                            + p.key() + " (" + p.unit() + "), which calibrations made before it was added lack; run polympc calibrate again");
                }
                double[] v = new double[a.size()];
                for (int i = 0; i < v.length; i++) v[i] = a.get(i).asDouble(Double.NaN);
                ns.put(p, v);
            }
            for (String f : new String[] {"handoffNs", "opRoundTripNs"}) {
                if (!o.path(f).isNumber()) throw new IllegalArgumentException(f + ": missing");
            }
            return new CpuCalibration(o.path("machine").asText(""), o.path("date").asText(""), sizes, ns, o.path("handoffNs").asDouble(),
                    o.path("opRoundTripNs").asDouble());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("calibration file " + file + ": " + e.getMessage(), e);
        }
    }
}
