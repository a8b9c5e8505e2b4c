package org.polympcnet.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polympcnet.perfmodel.cost.OpCost;
import org.polympcnet.perfmodel.hardware.CpuProfile;
import org.polympcnet.perfmodel.latency.OnlineLatencyMeasurement;
import org.polympcnet.perfmodel.latency.OnlineLatencyMeasurement.Point;
import org.polympcnet.perfmodel.schedule.CryptoScheduler;
import org.polympcnet.perfmodel.schedule.Workload;
import org.polympcnet.protocols.net.NetworkProfile;
import org.polympcnet.protocols.ops.Truncation;

/**
 * {@code polympc compare-latency --measure}: the points of the cpu model's acceptance test (single
 * ops and op sequences), measured in this JVM and modelled by the calibrated cpu profile, as
 * tidy rows under the config keys of {@code polympc op} and {@code polympc perfmodel --op}, so
 * that the ordinary comparison joins them.
 */
final class CompareLatencyOps {
    static final int FRAC_BITS = 16;
    static final Truncation.Mode TRUNCATION = Truncation.Mode.LOCAL;

    /**
     * The acceptance points (relu, poly, square, mult at n = 2^12..2^18; matmul n x n by n x n at
     * n = 16..256) and op sequences (a polynomial layer then a ReLU, a linear layer then a ReLU).
     */
    static final List<String> DEFAULT_POINTS = List.of(
            "relu,poly,square,mult:4096,8192,16384,32768,65536,131072,262144",
            "matmul:16,32,64,128,256",
            "square+relu,poly+mult:4096,65536",
            "matmul+relu:32,128");

    private CompareLatencyOps() {}

    /** "relu,poly:4096,8192" -> four points; errors name the spec. */
    static List<Point> parse(List<String> specs) {
        List<Point> points = new ArrayList<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            if (colon <= 0 || colon == spec.length() - 1) throw new CliException("--point '" + spec + "': want OPS:N[,N...], e.g. relu,poly:4096,8192");
            for (String ops : spec.substring(0, colon).split(",")) {
                for (String n : spec.substring(colon + 1).split(",")) {
                    try {
                        points.add(Point.parse(ops.trim(), Integer.parseInt(n.trim())));
                    } catch (NumberFormatException e) {
                        throw new CliException("--point '" + spec + "': size '" + n + "' is not an integer");
                    } catch (IllegalArgumentException e) {
                        throw new CliException("--point '" + spec + "': " + e.getMessage());
                    }
                }
            }
        }
        return points;
    }

    /** Measured rows (one per clean run, metric online_time in ms), as polympc op names them. */
    static List<TidyRow> measured(List<OnlineLatencyMeasurement.Result> results) {
        List<TidyRow> rows = new ArrayList<>();
        for (OnlineLatencyMeasurement.Result r : results) {
            Map<String, String> c = key(r.point());
            c.put("transport", "memory");
            c.put("correlations", "dealer");
            c.put("protocol", r.point().protocol());
            c.put("jvm", "warm");
            for (double v : r.millis()) rows.add(new TidyRow("op-warm", c, "online_time", v, "ms"));
        }
        return rows;
    }

    /** Modelled rows: each point's cost scheduled on the calibrated cpu, no network (the parties share memory). */
    static List<TidyRow> modelled(List<Point> points, CpuProfile cpu) {
        List<TidyRow> rows = new ArrayList<>();
        NetworkProfile none = NetworkProfile.parse("none");
        CryptoScheduler s = new CryptoScheduler(cpu, none);
        for (Point p : points) {
            OpCost c = p.cost(TRUNCATION, FRAC_BITS);
            double seconds = s.schedule(Workload.ofOp(p.name(), c, null)).makespan();
            Map<String, String> k = key(p);
            k.put("protocol", p.protocol());
            k.put("correlations", "dealer");
            k.put("hw", "cpu");
            k.put("net", none.name());
            k.put("engine", CpuProfile.UNIT);
            rows.add(new TidyRow(PerfmodelRows.EXPERIMENT, k, "online_time", seconds * 1e3, "ms"));
            Map<String, String> counts = key(p);
            counts.put("hw", "cpu");
            counts.put("net", none.name());
            rows.add(new TidyRow(PerfmodelRows.EXPERIMENT, counts, "online_bytes_p0", c.onlineBytes(), "bytes"));
            rows.add(new TidyRow(PerfmodelRows.EXPERIMENT, counts, "online_rounds", c.rounds(), "rounds"));
        }
        return rows;
    }

    static List<OnlineLatencyMeasurement.Result> measure(List<Point> points, OnlineLatencyMeasurement.Options o, PrintStream log)
            throws Exception {
        return OnlineLatencyMeasurement.measure(points, o, log);
    }

    private static Map<String, String> key(Point p) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("op", p.name());
        c.put("n", Integer.toString(p.n()));
        c.put("truncation", TRUNCATION.json());
        c.put("fracBits", Integer.toString(FRAC_BITS));
        return c;
    }
}
