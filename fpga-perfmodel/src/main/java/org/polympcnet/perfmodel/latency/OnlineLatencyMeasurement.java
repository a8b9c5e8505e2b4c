package org.polympcnet.perfmodel.latency;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.polympcnet.perfmodel.cost.NamedOp;
import org.polympcnet.perfmodel.cost.OpCost;
import org.polympcnet.perfmodel.cost.OpCosts;
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
 * Measures the online latency of single ops and op sequences in this (warm) JVM, the measured
 * side of holding the calibrated cpu model to this machine. Both parties run for real in memory
 * with a dealer; each run prepares the ops (offline, untimed), synchronizes the parties with one
 * exchange, and times the online phase at each party; a run's time is the slower party's, as
 * {@code polympc op} reports it. Warm-up rounds over every point come first (the JIT compiles
 * the ops' loops), then measured rounds, each over every point still short of clean runs, so a
 * burst of other load spreads over all points. A run in which a party thread waited for a CPU
 * ({@link RunQueueDelay}: another process was busy) is discarded and taken again, up to a
 * number of rounds and a deadline.
 *
 * <p>Run it in a JVM like the calibration's (heap pre-touched, e.g. {@code -Xms4g -Xmx4g
 * -XX:+AlwaysPreTouch}), so that fresh arrays pay no page faults.
 */
public final class OnlineLatencyMeasurement {
    /** The ops a point can be made of; each takes the previous op's output (matmul: only first). */
    private static final List<NamedOp> MEASURABLE = List.of(NamedOp.RELU, NamedOp.POLY, NamedOp.SQUARE, NamedOp.MULT, NamedOp.MATMUL);
    /** Coefficients of the measured polynomial (its cost does not depend on them). */
    private static final double[] POLY = {0.1, 0.5, 0.2};

    /**
     * An op, or a sequence of ops run back to back in one online phase ("square+relu"), at size n:
     * elements, or for a leading matmul the side of its n x n by n x n product (whose n^2 outputs
     * the later ops take).
     */
    public record Point(List<NamedOp> ops, int n) {
        public Point {
            ops = List.copyOf(ops);
            if (ops.isEmpty()) throw new IllegalArgumentException("a point needs an op");
            if (n <= 0) throw new IllegalArgumentException("n must be positive, got " + n);
            for (int i = 0; i < ops.size(); i++) {
                if (!MEASURABLE.contains(ops.get(i))) {
                    throw new IllegalArgumentException("op " + ops.get(i).cliName() + " is not measured here: use "
                            + MEASURABLE.stream().map(NamedOp::cliName).collect(Collectors.joining(", ")));
                }
                if (i > 0 && ops.get(i) == NamedOp.MATMUL) throw new IllegalArgumentException("matmul can only come first in a sequence");
            }
            if (ops.get(0) == NamedOp.MATMUL && (long) n * n > 1 << 24) throw new IllegalArgumentException("matmul side " + n + " is too large");
        }

        /** "relu" or "square+relu", as the config's op field. */
        public String name() {
            return ops.stream().map(NamedOp::cliName).collect(Collectors.joining("+"));
        }

        /** The protocols, as polympc op's stats name them, joined like the ops. */
        public String protocol() {
            return ops.stream().map(NamedOp::protocol).collect(Collectors.joining("+"));
        }

        /** Elements of the input (and of every op's output). */
        public int elements() {
            return ops.get(0) == NamedOp.MATMUL ? n * n : n;
        }

        /** The modelled cost: the ops' costs in sequence. */
        public OpCost cost(Truncation.Mode mode, int fracBits) {
            OpCost c = null;
            for (NamedOp op : ops) {
                OpCost next = op == NamedOp.MATMUL ? OpCosts.matmul(mode, n, n, n, fracBits) : op.cost(mode, elements(), fracBits);
                c = c == null ? next : c.then(next, name());
            }
            return c;
        }

        /** "relu" or "square+relu": ops joined by '+'. */
        public static Point parse(String ops, int n) {
            List<NamedOp> list = new ArrayList<>();
            for (String o : ops.split("\\+", -1)) list.add(NamedOp.parse(o));
            return new Point(list, n);
        }

        @Override
        public String toString() {
            return name() + " n=" + n;
        }
    }

    /** The clean runs of one point (ms, in the order taken) and how many runs were discarded. */
    public record Result(Point point, double[] millis, int discarded) {
        public double median() {
            if (millis.length == 0) return Double.NaN;
            double[] s = millis.clone();
            Arrays.sort(s);
            int m = s.length / 2;
            return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
        }
    }

    /**
     * @param runs clean runs wanted per point
     * @param warmup rounds over every point before measuring
     * @param maxRoundsPerRun measured rounds allowed per wanted run (discarded runs are taken again)
     * @param deadlineSeconds no new round starts after this long (0: none)
     * @param toleratedWait a run whose party threads waited for a CPU longer than this fraction of
     *     its time (plus 20 us) is discarded; 0.05 for measurements, large to keep every run
     */
    public record Options(int runs, int warmup, int maxRoundsPerRun, double deadlineSeconds, double toleratedWait) {
        public Options {
            if (runs < 1 || warmup < 0 || maxRoundsPerRun < 1 || !(deadlineSeconds >= 0) || !(toleratedWait >= 0)) {
                throw new IllegalArgumentException("measurement options: runs >= 1, warmup >= 0, rounds per run >= 1, deadline >= 0, "
                        + "tolerated wait >= 0");
            }
        }

        public Options(int runs, int warmup, int maxRoundsPerRun, double deadlineSeconds) {
            this(runs, warmup, maxRoundsPerRun, deadlineSeconds, 0.05);
        }
    }

    private OnlineLatencyMeasurement() {}

    /** Measures every point with the dealer in memory, local truncation, the standard fixed point. */
    public static List<Result> measure(List<Point> points, Options o, PrintStream log) throws Exception {
        LocalSession session = new LocalSession(FixedPoint.standard(), Truncation.Mode.LOCAL, Transport.MEMORY, 60_000);
        List<List<Double>> ms = new ArrayList<>();
        int[] discarded = new int[points.size()];
        for (int i = 0; i < points.size(); i++) ms.add(new ArrayList<>());
        long deadline = o.deadlineSeconds() > 0 ? System.nanoTime() + (long) (o.deadlineSeconds() * 1e9) : Long.MAX_VALUE;
        for (int r = -o.warmup(); r < o.maxRoundsPerRun() * o.runs(); r++) {
            if (r >= 0 && System.nanoTime() > deadline) {
                if (log != null) log.printf("  deadline of %.0f s reached: stopping with the runs taken so far%n", o.deadlineSeconds());
                break;
            }
            boolean done = true;
            for (int i = 0; i < points.size(); i++) {
                if (r >= 0 && ms.get(i).size() >= o.runs()) continue;
                done = false;
                Point p = points.get(i);
                Function<Party, UnaryOperator<long[]>> prepare = prepare(p);
                int inputs = p.elements();
                LocalSession.Result<long[]> res = session.run(new SessionParams().put("measure", p.name()),
                        party -> time(party, prepare, inputs), party -> time(party, prepare, inputs));
                long nanos = Math.max(res.party0()[0], res.party1()[0]), delay = Math.max(res.party0()[1], res.party1()[1]);
                if (r < 0) continue;
                if (delay <= RunQueueDelay.tolerated(nanos, Math.min(o.toleratedWait(), 1e6))) ms.get(i).add(nanos / 1e6);
                else discarded[i]++;
            }
            if (done && r >= 0) break;
        }
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double[] v = ms.get(i).stream().mapToDouble(Double::doubleValue).toArray();
            Result res = new Result(points.get(i), v, discarded[i]);
            out.add(res);
            if (log == null) continue;
            if (v.length == 0) {
                log.printf(Locale.ROOT, "  %-14s n=%-7d no clean run (%d discarded as contended)%n", res.point().name(), res.point().n(), discarded[i]);
            } else {
                double[] s = v.clone();
                Arrays.sort(s);
                log.printf(Locale.ROOT, "  %-14s n=%-7d median %9.3f ms (min %.3f, max %.3f; %d runs, %d discarded as contended)%n",
                        res.point().name(), res.point().n(), res.median(), s[0], s[s.length - 1], s.length, discarded[i]);
            }
        }
        return out;
    }

    /** The point's ops at one party, prepared (their correlations fetched), as one function of the input. */
    private static Function<Party, UnaryOperator<long[]>> prepare(Point point) {
        return party -> {
            List<UnaryOperator<long[]>> steps = new ArrayList<>();
            int e = point.elements();
            for (NamedOp op : point.ops()) steps.add(prepare(party, op, op == NamedOp.MATMUL ? point.n() : e));
            return x -> {
                for (UnaryOperator<long[]> s : steps) x = s.apply(x);
                return x;
            };
        };
    }

    private static UnaryOperator<long[]> prepare(Party p, NamedOp op, int n) {
        switch (op) {
            case RELU: return new Relu(p, n)::apply;
            case SQUARE: return new Square(p, n)::apply;
            case POLY: return new PolyActivation(p, n, POLY[0], POLY[1], POLY[2])::apply;
            case MULT: {
                Mult m = new Mult(p, n);
                return x -> m.apply(x, x);
            }
            case MATMUL: {
                MatMul m = new MatMul(p, n, n, n);
                return x -> m.apply(x, x);
            }
            default: throw new IllegalArgumentException("no measurement for op " + op.cliName());
        }
    }

    /**
     * One party: prepare (offline), synchronize, then the timed online phase; returns its
     * nanoseconds and how long it waited, runnable, for a CPU meanwhile.
     */
    private static long[] time(Party p, Function<Party, UnaryOperator<long[]>> prepare, int inputs) {
        UnaryOperator<long[]> op = prepare.apply(p);
        long[] x = new long[inputs];
        // Party 0's share of small fixed-point values in the ops' domain; party 1's share is 0.
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
