package org.polympcnet.perfmodel.latency;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.polympcnet.perfmodel.cost.NamedOp;
import org.polympcnet.perfmodel.hardware.RunQueueDelay;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.ops.MatMul;
import org.polympcnet.protocols.ops.Mult;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Relu;
import org.polympcnet.protocols.ops.Square;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.LocalSession;
import org.polympcnet.protocols.session.SessionParams;
import org.polympcnet.protocols.session.Transport;

/**
 * Measures the online latency of single ops in a warm JVM, for holding the calibrated cpu model
 * to measurements (not run by default: it takes a minute and wants an idle machine). Both
 * parties run for real in memory; each run prepares the op (offline, untimed), meets at a
 * barrier, and times apply at each party; a run's online time is the slower party's, as
 * {@code polympc op} reports it. Writes one tidy row per run under polympc op's config keys and
 * metric (online_time, ms), so that {@code polympc compare-latency} takes the median. Runs in
 * which a party thread waited for a CPU (another process was busy; {@link RunQueueDelay}) are
 * discarded and taken again. Run it in a JVM like the calibration's (heap pre-touched, so that
 * fresh arrays do not pay page faults; see the module README):
 *
 * <pre>
 * mvn -pl fpga-perfmodel -am test -Dtest=OnlineLatencyMeasurementTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dperfmodel.argLine="-Xms4g -Xmx4g -XX:+AlwaysPreTouch" \
 *     -Dperfmodel.measure=$PWD/measured.csv [-Dperfmodel.runs=9] [-Dperfmodel.ops=relu,poly,square,mult,matmul]
 * </pre>
 *
 * matmul's n is the side of the square product, as in {@code polympc perfmodel --op matmul}.
 */
class OnlineLatencyMeasurementTest {
    private static final int[] SIZES = {1 << 12, 1 << 13, 1 << 14, 1 << 15, 1 << 16, 1 << 17, 1 << 18};
    private static final int[] MATMUL_SIDES = {16, 32, 64, 128, 256};

    @Test
    @EnabledIfSystemProperty(named = "perfmodel.measure", matches = ".+")
    void measureWarmOnlineLatency() throws Exception {
        Path out = Path.of(System.getProperty("perfmodel.measure"));
        int runs = Integer.getInteger("perfmodel.runs", 9), warmup = Integer.getInteger("perfmodel.warmup", 5);
        List<String> ops = Arrays.asList(System.getProperty("perfmodel.ops", "relu,poly,square,mult,matmul").split(","));
        List<String> rows = new ArrayList<>();
        rows.add("experiment,config,metric,value,unit");
        LocalSession session = new LocalSession(FixedPoint.standard(), Truncation.Mode.LOCAL, Transport.MEMORY, 60_000);
        for (String op : ops) {
            int[] sizes = op.equals("matmul") ? MATMUL_SIDES : SIZES;
            List<List<Double>> ms = new ArrayList<>();
            int[] discarded = new int[sizes.length];
            for (int i = 0; i < sizes.length; i++) ms.add(new ArrayList<>());
            // Warm-up rounds over every size first (the JIT compiles the op's loops), then measured
            // rounds, each over every size still short of clean runs, so that a burst of other load
            // spreads over all sizes. A run in which a party thread waited for a CPU is discarded.
            for (int r = -warmup; r < 6 * runs; r++) {
                boolean done = true;
                for (int i = 0; i < sizes.length; i++) {
                    if (r >= 0 && ms.get(i).size() >= runs) continue;
                    done = false;
                    int n = sizes[i], inputs = op.equals("matmul") ? n * n : n;
                    Function<Party, UnaryOperator<long[]>> prepare = prepare(op, n);
                    LocalSession.Result<long[]> res = session.run(new SessionParams().put("measure", op),
                            p -> time(p, prepare, inputs), p -> time(p, prepare, inputs));
                    long nanos = Math.max(res.party0()[0], res.party1()[0]), delay = Math.max(res.party0()[1], res.party1()[1]);
                    if (r < 0) continue;
                    if (delay <= RunQueueDelay.tolerated(nanos, 0.05)) ms.get(i).add(nanos / 1e6);
                    else discarded[i]++;
                }
                if (done && r >= 0) break;
            }
            for (int i = 0; i < sizes.length; i++) {
                String config = "op=" + op + ";n=" + sizes[i] + ";transport=memory;truncation=local;fracBits=16;correlations=dealer;protocol="
                        + NamedOp.parse(op).protocol();
                for (double v : ms.get(i)) rows.add(String.format(Locale.ROOT, "op-warm,%s,online_time,%.6f,ms", config, v));
                double[] s = ms.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                if (s.length == 0) {
                    System.out.printf(Locale.ROOT, "%-7s n=%-7d no clean run (%d discarded)%n", op, sizes[i], discarded[i]);
                    continue;
                }
                System.out.printf(Locale.ROOT, "%-7s n=%-7d median %9.3f ms (min %.3f, max %.3f; %d runs, %d discarded as contended)%n",
                        op, sizes[i], s[s.length / 2], s[0], s[s.length - 1], s.length, discarded[i]);
            }
        }
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".measured.", ".tmp");
        Files.write(tmp, rows, StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Function<Party, UnaryOperator<long[]>> prepare(String op, int n) {
        switch (op) {
            case "relu": return p -> new Relu(p, n)::apply;
            case "square": return p -> new Square(p, n)::apply;
            case "poly": return p -> new PolyActivation(p, n, 0.1, 0.5, 0.2)::apply;
            case "mult": return p -> {
                Mult m = new Mult(p, n);
                return x -> m.apply(x, x);
            };
            case "matmul": return p -> {
                MatMul m = new MatMul(p, n, n, n);
                return x -> m.apply(x, x);
            };
            default: throw new IllegalArgumentException("no measurement for op " + op);
        }
    }

    /**
     * One party: prepare (offline), barrier, then the timed online phase; returns its nanoseconds
     * and how long it waited, runnable, for a CPU meanwhile.
     */
    private static long[] time(Party p, Function<Party, UnaryOperator<long[]>> prepare, int inputs) {
        UnaryOperator<long[]> op = prepare.apply(p);
        long[] x = new long[inputs];
        if (p.id == 0) for (int i = 0; i < inputs; i++) x[i] = ((i * 7919L) % 4001 - 2000) << 10;
        p.peer.setPhase(Phase.SETUP);
        p.peer.sendLongs(new long[] {1});
        p.peer.flush();
        p.peer.receiveLongs(1);
        p.peer.setPhase(Phase.ONLINE);
        long d0 = RunQueueDelay.nanos();
        long t0 = System.nanoTime();
        op.apply(x);
        long t = System.nanoTime() - t0;
        return new long[] {t, RunQueueDelay.nanos() - d0};
    }
}
