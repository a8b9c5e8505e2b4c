package org.polympcnet.perfmodel.hardware;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import org.polympcnet.protocols.crypto.Prg;
import org.polympcnet.protocols.net.MemoryChannel;
import org.polympcnet.protocols.ring.BitSlice;
import org.polympcnet.protocols.ring.Ring64;

/**
 * Times the primitives of {@link CpuPrimitive} on this machine, each alone, at several sizes,
 * with two threads doing the same work at once (the two parties share the machine the same way
 * when they run an op), and the hand-off of one exchange between two threads over an in-memory
 * channel. The result calibrates the cpu profile; no op is ever timed here, so predicting an
 * op's latency from it is a real test of the model.
 *
 * <p>Method: a warm-up pass over every primitive and size (so the loops are compiled), then for
 * each point the fastest of several samples, each sample repeating the primitive until it lasts
 * the target time; the hand-off and the op round trip take the median of many. A sample in which a thread waited for a CPU ({@link RunQueueDelay}: another
 * process was busy) is taken again, a few times at most.
 */
public final class CpuMicrobenchmarks {
    /** How long and at which sizes to measure. */
    public record Options(int[] sizes, int samples, double sampleMillis, double warmupMillisPerPoint, int handoffExchanges,
                          int opRoundTrips) {
        /**
         * Sizes 2^8 .. 2^20, every 2x (the last-level cache transitions of the ops' working sets fall
         * between 2^14 and 2^17 elements, and a 4x grid interpolated straight across them), 7
         * samples of about 10 ms each, 401 op round trips: about 40 s on an idle machine.
         */
        public static Options standard() {
            int[] sizes = new int[13];
            for (int i = 0; i < sizes.length; i++) sizes[i] = 1 << (8 + i);
            return new Options(sizes, 7, 10, 100, 1_000, 401);
        }

        /** A few sizes and short samples, for tests: under a second, and noisy. */
        public static Options quick() {
            return new Options(new int[] {1 << 8, 1 << 12}, 3, 1, 5, 50, 31);
        }
    }

    /** One primitive prepared at one size for one thread: run() does one repetition. */
    private interface Rep {
        void run();
    }

    private static volatile long sink;

    private CpuMicrobenchmarks() {}

    public static CpuCalibration run(Options o, PrintStream log) {
        contended = 0;
        unclean = 0;
        CpuPrimitive[] prims = CpuPrimitive.values();
        int[] sizes = o.sizes();
        int[][] reps = new int[prims.length][sizes.length];
        double[][][] samples = new double[prims.length][sizes.length][o.samples()];
        // Warm-up pass (the JIT compiles every loop) that also sizes each point's samples.
        for (int p = 0; p < prims.length; p++) {
            for (int i = 0; i < sizes.length; i++) {
                Rep[] r = {prepare(prims[p], sizes[i], 1), prepare(prims[p], sizes[i], 2)};
                timeBoth(r, repsFor(r, o.warmupMillisPerPoint()));
                reps[p][i] = repsFor(r, o.sampleMillis());
            }
        }
        // Sample passes over every point in turn, so that a burst of other load spoils one sample of
        // many points rather than every sample of one.
        for (int pass = 0; pass < o.samples(); pass++) {
            for (int p = 0; p < prims.length; p++) {
                for (int i = 0; i < sizes.length; i++) {
                    Rep[] r = {prepare(prims[p], sizes[i], 1), prepare(prims[p], sizes[i], 2)};
                    int count = reps[p][i];
                    timeBoth(r, 1);
                    samples[p][i][pass] = cleanSample(() -> timeBoth(r, count), 0.05) / (count * units(prims[p], sizes[i]));
                }
            }
        }
        Map<CpuPrimitive, double[]> ns = new EnumMap<>(CpuPrimitive.class);
        for (int p = 0; p < prims.length; p++) {
            double[] v = new double[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                // The fastest sample: a primitive's loop has one undisturbed rate, and anything else
                // (another process's cache traffic, a GC pause, which the run-queue filter does not
                // see) only adds time; on a shared machine the median of a few samples drifts with
                // the load, the minimum does not (Chen and Revels, "Robust benchmarking in noisy
                // environments", 2016). The hand-off and round trip below are latencies whose spread
                // the ops pay too, so they keep the median.
                v[i] = min(samples[p][i]);
                if (log != null) log.printf("  %-12s size %8d: %10.4f ns/unit%n", prims[p].key(), sizes[i], v[i]);
            }
            ns.put(prims[p], v);
        }
        int bursts = Math.max(3, o.handoffExchanges() / HANDOFF_BURST);
        for (int i = 0; i < Math.max(3, bursts / 10); i++) handoffBurst(); // the threads' code paths compiled
        double[] hs = new double[bursts];
        for (int i = 0; i < bursts; i++) hs[i] = cleanSample(CpuMicrobenchmarks::handoffBurst, 0.25);
        double handoff = Math.max(1, median(hs));
        if (log != null) log.printf("  %-12s          : %10.1f ns/exchange%n", "handoff", handoff);
        double roundTrip = Math.max(1, opRoundTrip(o.opRoundTrips()));
        if (log != null) log.printf("  %-12s          : %10.1f ns (start overhead of an online phase %.1f ns)%n", "op_roundtrip", roundTrip,
                Math.max(0, roundTrip - handoff));
        if (contended > 0 && log != null) {
            log.printf("  note: %d sample(s) taken again because a thread waited for a CPU (another process was busy)%n", contended);
        }
        if (unclean > 0 && log != null) {
            log.printf("  WARNING: %d sample(s) never ran undisturbed; the machine was busy: calibrate again when it is idle%n", unclean);
        }
        String machine = System.getProperty("os.arch") + " " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version");
        return new CpuCalibration(machine, Instant.now().toString(), sizes, ns, handoff, roundTrip);
    }

    /** Units one repetition processes: transposes, words, elements, MACs, bytes or blocks. */
    static double units(CpuPrimitive p, int size) {
        switch (p) {
            case TRANSPOSE: return BitSlice.words(size);
            case MAC: return 16.0 * size;
            case CHANNEL_BYTE: return 8.0 * size;
            default: return size;
        }
    }

    private static Rep prepare(CpuPrimitive p, int size, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + size);
        long[] a = random(rnd, size), b = random(rnd, size), c = random(rnd, size), d = random(rnd, size), e = random(rnd, size);
        switch (p) {
            case TRANSPOSE:
                return () -> sink += BitSlice.slice(a, size, 64)[0];
            case BIT_WORD:
                return () -> {
                    long[] r = new long[size];
                    for (int i = 0; i < size; i++) r[i] = a[i] ^ b[i];
                    sink += r[size - 1];
                };
            case AND_WORD:
                return () -> {
                    long[] z = new long[size];
                    for (int i = 0; i < size; i++) z[i] = c[i] ^ (a[i] & d[i]) ^ (b[i] & e[i]) ^ (a[i] & b[i]);
                    sink += z[size - 1];
                };
            case RING_OP:
                return () -> {
                    long[] r = new long[size];
                    for (int i = 0; i < size; i++) r[i] = a[i] - b[i];
                    sink += r[size - 1];
                };
            case RING_MULT:
                return () -> {
                    long[] r = new long[size];
                    for (int i = 0; i < size; i++) r[i] = c[i] + a[i] * b[i];
                    sink += r[size - 1];
                };
            case MAC: {
                // (16 x k)(k x cols), the right matrix of `size` elements and about square, like the
                // products of matmul and conv layers: the rate depends on the row length and on
                // whether the right matrix stays in cache.
                int k = macInner(size), cols = size / k;
                long[] left = random(rnd, 16 * k), right = random(rnd, size);
                return () -> sink += Ring64.matmul(left, right, 16, k, cols)[0];
            }
            case CHANNEL_BYTE: {
                MemoryChannel[] pair = MemoryChannel.pair("a", "b", 60_000);
                return () -> {
                    pair[0].sendLongs(a);
                    pair[0].flush();
                    sink += pair[1].receiveLongs(size)[0];
                };
            }
            case AES_BLOCK: {
                Prg prg = new Prg(new byte[Prg.SEED_BYTES]);
                long[] out = new long[2 * size];
                return () -> {
                    prg.fill(out, 0, out.length);
                    sink += out[0];
                };
            }
            case FIXED_KEY_AES: {
                javax.crypto.Cipher aes = fixedKeyAes();
                byte[] in = new byte[16 * size], out = new byte[16 * size];
                for (int i = 0; i < size; i++) in[16 * i] = (byte) a[i]; // distinct blocks, as distinct seeds
                return () -> {
                    try {
                        aes.update(in, 0, in.length, out, 0);
                    } catch (javax.crypto.ShortBufferException x) {
                        throw new IllegalStateException(x);
                    }
                    sink += out[out.length - 1];
                };
            }
            default:
                throw new IllegalStateException("no benchmark for " + p);
        }
    }

    /**
     * AES-128 in ECB mode under a fixed public key (all zero bytes here: the speed does not depend on
     * the key), as the DCF's fixed-key PRG uses the JDK's cipher.
     */
    private static javax.crypto.Cipher fixedKeyAes() {
        try {
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
            c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(new byte[16], "AES"));
            return c;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES/ECB/NoPadding: " + e.getMessage(), e);
        }
    }

    /** The inner dimension k of the MAC benchmark at `size`: the largest divisor of size up to sqrt(size). */
    static int macInner(int size) {
        int k = (int) Math.sqrt(size);
        while (size % k != 0) k--;
        return k;
    }

    /**
     * The round trip of a one-element op as ops are timed: two fresh party threads (as each run of
     * an op starts them) synchronize with one exchange, then each times its own "online phase":
     * allocate a one-element result, send one word, receive the other's. The slower party's time
     * counts. Trials whose threads waited for a CPU are dropped (a few times at most, then the
     * least disturbed is kept); returns the median in nanoseconds.
     */
    private static double opRoundTrip(int trials) {
        for (int i = 0; i < Math.max(10, trials / 10); i++) oneRoundTrip(); // the threads' code paths compiled
        double[] t = new double[trials];
        for (int i = 0; i < trials; i++) t[i] = cleanSample(CpuMicrobenchmarks::oneRoundTrip, 0.05);
        return median(t);
    }

    private static Timing oneRoundTrip() {
        MemoryChannel[] pair = MemoryChannel.pair("party 0", "party 1", 60_000);
        long[][] r = new long[2][];
        Thread p0 = new Thread(() -> r[0] = roundTripParty(pair[0]), "calibrate-party-0");
        Thread p1 = new Thread(() -> r[1] = roundTripParty(pair[1]), "calibrate-party-1");
        p0.start();
        p1.start();
        try {
            p0.join();
            p1.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calibrating", e);
        }
        return new Timing(Math.max(r[0][0], r[1][0]), Math.max(r[0][1], r[1][1]));
    }

    /** One party of the one-element op: synchronize, then time allocate, send, receive. */
    private static long[] roundTripParty(MemoryChannel c) {
        c.sendLongs(new long[] {1});
        c.flush();
        sink += c.receiveLongs(1)[0];
        long d0 = RunQueueDelay.nanos();
        long t0 = System.nanoTime();
        long[] result = new long[1];
        result[0] = sink;
        c.sendLongs(result);
        c.flush();
        sink += c.receiveLongs(1)[0];
        long t = System.nanoTime() - t0;
        return new long[] {t, RunQueueDelay.nanos() - d0};
    }

    /** Repetitions that make one sample last about `millis`, from a timed trial. */
    private static int repsFor(Rep[] reps, double millis) {
        int r = 1;
        while (true) {
            double t = timeBothNanos(reps, r);
            if (t >= millis * 1e6 / 4 || r >= 1 << 24) return Math.max(1, (int) Math.ceil(r * millis * 1e6 / Math.max(t, 1)));
            r *= 4;
        }
    }

    /** A timing: nanoseconds, and the longest wait for a CPU of the threads involved. */
    private record Timing(double nanos, long runQueueNanos) {}

    /** Samples taken again (their threads waited for a CPU), and samples that never ran undisturbed. */
    private static int contended, unclean;

    /**
     * One sample whose threads did not wait for a CPU beyond the tolerance, trying a few times; if
     * none is clean, the fastest of the tries (the least disturbed).
     */
    private static double cleanSample(java.util.function.Supplier<Timing> sample, double fraction) {
        double fastest = Double.POSITIVE_INFINITY;
        for (int tries = 0; tries < 10; tries++) {
            Timing t = sample.get();
            if (t.runQueueNanos() <= RunQueueDelay.tolerated((long) t.nanos(), fraction)) return t.nanos();
            contended++;
            fastest = Math.min(fastest, t.nanos());
        }
        unclean++;
        return fastest;
    }

    private static double timeBothNanos(Rep[] reps, int count) {
        return timeBoth(reps, count).nanos();
    }

    /** Both threads run `reps` repetitions from a common start; nanoseconds until both finish. */
    private static Timing timeBoth(Rep[] reps, int count) {
        CyclicBarrier start = new CyclicBarrier(2);
        long[] end = new long[2], begin = new long[2], delay = new long[2];
        Thread other = new Thread(() -> {
            await(start);
            long d0 = RunQueueDelay.nanos();
            begin[1] = System.nanoTime();
            for (int i = 0; i < count; i++) reps[1].run();
            end[1] = System.nanoTime();
            delay[1] = RunQueueDelay.nanos() - d0;
        }, "calibrate-1");
        other.start();
        await(start);
        long d0 = RunQueueDelay.nanos();
        begin[0] = System.nanoTime();
        for (int i = 0; i < count; i++) reps[0].run();
        end[0] = System.nanoTime();
        delay[0] = RunQueueDelay.nanos() - d0;
        try {
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calibrating", e);
        }
        return new Timing(Math.max(end[0], end[1]) - Math.min(begin[0], begin[1]), Math.max(delay[0], delay[1]));
    }

    /**
     * Work each thread does before every exchange: a party computes between its rounds, and the
     * other party's message usually finds it waiting. The in-memory channel spins briefly before
     * it parks ({@code MemoryChannel}), so a wait as short as this one costs the queue's hand-over,
     * not a wake-up.
     * Thread 0 works {@code HANDOFF_WORK_NANOS}, thread 1 half that, as the parties' shares differ.
     */
    static final long HANDOFF_WORK_NANOS = 20_000;

    /** Exchanges of one hand-off sample: as many as a ReLU has flights. */
    static final int HANDOFF_BURST = 8;

    /**
     * One hand-off sample as an op makes its rounds: two fresh party threads synchronize with one
     * exchange, make one exchange that absorbs their start skew (the op round trip measures that),
     * then {@link #HANDOFF_BURST} more, each after its work. Returns the time per exchange of the
     * burst beyond thread 0's work, and the threads' waits for a CPU. (Before the channel spun, a
     * parked receiver cost a wake-up, 14-25 us on this VM, and small ops' times were bimodal.)
     */
    private static Timing handoffBurst() {
        MemoryChannel[] pair = MemoryChannel.pair("party 0", "party 1", 60_000);
        long[][] r = new long[2][];
        Thread p0 = new Thread(() -> r[0] = burstParty(pair[0], HANDOFF_WORK_NANOS), "calibrate-party-0");
        Thread p1 = new Thread(() -> r[1] = burstParty(pair[1], HANDOFF_WORK_NANOS / 2), "calibrate-party-1");
        p0.start();
        p1.start();
        try {
            p0.join();
            p1.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calibrating", e);
        }
        return new Timing((Math.max(r[0][0], r[1][0]) - (double) HANDOFF_BURST * HANDOFF_WORK_NANOS) / HANDOFF_BURST,
                Math.max(r[0][1], r[1][1]));
    }

    /** One party of a hand-off sample: nanoseconds of the burst, and its wait for a CPU. */
    private static long[] burstParty(MemoryChannel c, long work) {
        long[] word = {1};
        c.sendLongs(word);
        c.flush();
        sink += c.receiveLongs(1)[0];
        busy(work);
        c.sendLongs(word);
        c.flush();
        sink += c.receiveLongs(1)[0];
        long d0 = RunQueueDelay.nanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < HANDOFF_BURST; i++) {
            busy(work);
            c.sendLongs(word);
            c.flush();
            sink += c.receiveLongs(1)[0];
        }
        long t = System.nanoTime() - t0;
        return new long[] {t, RunQueueDelay.nanos() - d0};
    }

    private static void busy(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) sink++;
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calibrating", e);
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("calibration thread failed", e);
        }
    }

    private static long[] random(SplittableRandom r, int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) a[i] = r.nextLong();
        return a;
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) m = Math.min(m, d);
        return m;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
