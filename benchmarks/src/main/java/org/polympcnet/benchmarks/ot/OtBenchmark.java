package org.polympcnet.benchmarks.ot;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.polympcnet.benchmarks.harness.InvocationTraffic;
import org.polympcnet.benchmarks.harness.PerElementCounters;
import org.polympcnet.benchmarks.harness.Traffic;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.benchmarks.harness.TwoPartySession;
import org.polympcnet.protocols.ot.ChouOrlandi;
import org.polympcnet.protocols.ot.Kk13Receiver;
import org.polympcnet.protocols.ot.Kk13Sender;
import org.polympcnet.protocols.ot.OtReceiver;
import org.polympcnet.protocols.ot.OtSender;
import org.polympcnet.protocols.ops.Truncation;

/**
 * How fast is oblivious transfer, the engine of dealer-free correlations? Party 0 is the OT
 * sender, party 1 the receiver, each on its own thread of a {@link TwoPartySession} (whose dealer
 * stays idle), over the in-memory link; every number is both parties working at once.
 *
 * <ul>
 *   <li>{@code baseOt}: one batch of 128 Chou-Orlandi OTs on Curve25519, the setup of one IKNP
 *       instance: time per batch (AverageTime, ms), 33 bytes from the sender and 128 x 33 from
 *       the receiver;
 *   <li>{@code randomOt}: IKNP random OT (kappa = 128) of m OTs with 128-bit messages (as
 *       EMP-ot's random OT): 16 bytes an OT, all from the receiver;
 *   <li>{@code correlatedOt}: IKNP correlated OT over Z_2^64 (x and x + delta): 16 + 8 bytes an
 *       OT;
 *   <li>{@code kk13OneOf32}: KK13 random 1-out-of-32 OT with 2-bit messages, the leaf OT of the
 *       millionaire's DReLU: 32 bytes an OT from the receiver; the sender hashes all 32 pads.
 * </ul>
 * The IKNP instances (and their base OTs) are set up once per trial and reused; the timed method
 * is both parties' {@code random} or {@code correlated} call. {@code :ots} reads as OTs per
 * second; {@code :bytesPerOt} is both parties' traffic per OT (exact summary value, see
 * {@link PerElementCounters}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OtBenchmark {
    /** The millionaire's leaf OT: 1-out-of-32 with 2-bit messages. */
    static final int KK_LOG_N = 5, KK_MSG_BITS = 2;

    /** OTs in a base-OT batch: kappa, what one IKNP instance needs. */
    static final int BASE_OTS = 128;

    /** A session for the base OTs, with the receiver's 128 choice bits. */
    @State(Scope.Benchmark)
    public static class Base {
        boolean[] choices = new boolean[BASE_OTS];
        final SecureRandom[] rnd = {new SecureRandom(), new SecureRandom()};

        @Setup(Level.Trial)
        public void open(TwoPartySession s) {
            s.open(Truncation.Mode.LOCAL, BASE_OTS);
            SplittableRandom r = new SplittableRandom(5);
            for (int i = 0; i < BASE_OTS; i++) choices[i] = r.nextBoolean();
        }
    }

    /** One IKNP instance, party 0 sending and party 1 receiving, with seeded choices and deltas. */
    @State(Scope.Benchmark)
    public static class Extension {
        @Param({"65536", "1048576"})
        public int m;

        OtSender sender;
        OtReceiver receiver;
        Kk13Sender kkSender;
        Kk13Receiver kkReceiver;
        long[] choices, delta, kkChoices;

        @Setup(Level.Trial)
        public void open(TwoPartySession s) {
            s.open(Truncation.Mode.LOCAL, m);
            // The sender's constructor pairs with the receiver's: both run their base OTs now.
            Both<Object> ends = s.run(p -> p.id == 0
                    ? new OtSender(p.peer, new SecureRandom())
                    : new OtReceiver(p.peer, new SecureRandom()));
            sender = (OtSender) ends.party0();
            receiver = (OtReceiver) ends.party1();
            // KK13, party 0 sending: it is the IKNP receiver of the 256 OTs that seed the columns.
            Both<Object> kk = s.run(p -> p.id == 0
                    ? Kk13Sender.bootstrap(new OtReceiver(p.peer, new SecureRandom()), new SecureRandom())
                    : Kk13Receiver.bootstrap(new OtSender(p.peer, new SecureRandom())));
            kkSender = (Kk13Sender) kk.party0();
            kkReceiver = (Kk13Receiver) kk.party1();
            SplittableRandom r = new SplittableRandom(6);
            choices = new long[(m + 63) >>> 6];
            for (int i = 0; i < choices.length; i++) choices[i] = r.nextLong();
            kkChoices = new long[KK_LOG_N * choices.length];
            for (int i = 0; i < kkChoices.length; i++) kkChoices[i] = r.nextLong();
            delta = new long[m];
            for (int i = 0; i < m; i++) delta[i] = r.nextLong();
        }
    }

    /** OTs done, as an OPERATIONS counter: the {@code :ots} row reads as OTs per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Ots {
        public long ots;

        @TearDown(Level.Invocation)
        public void count(TwoPartySession s) {
            ots += s.elements();
        }
    }

    /** Bytes both parties sent each other per OT, from snapshots around each invocation. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class OtTraffic extends InvocationTraffic {
        public double bytesPerOt;

        @Override
        protected void record(Traffic t, long n, double share) {
            bytesPerOt = PerElementCounters.perElement(t.peerSent(), n, share);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Both<Object> baseOt(Base b, TwoPartySession s, OtTraffic t) {
        return s.run(p -> p.id == 0
                ? ChouOrlandi.send(p.peer, BASE_OTS, b.rnd[0])
                : ChouOrlandi.receive(p.peer, b.choices, b.rnd[1]));
    }

    @Benchmark
    public Both<Object> randomOt(Extension x, TwoPartySession s, Ots o, OtTraffic t) {
        return s.run(p -> p.id == 0 ? x.sender.random(x.m, 2) : x.receiver.random(x.choices, x.m, 2));
    }

    @Benchmark
    public Both<Object> correlatedOt(Extension x, TwoPartySession s, Ots o, OtTraffic t) {
        return s.run(p -> p.id == 0 ? x.sender.correlated(x.delta) : x.receiver.correlated(x.choices, x.m));
    }

    @Benchmark
    public Both<Object> kk13OneOf32(Extension x, TwoPartySession s, Ots o, OtTraffic t) {
        int w = (x.m + 63) >>> 6;
        return s.run(p -> {
            if (p.id == 0) {
                long[] pads = new long[(1 << KK_LOG_N) * KK_MSG_BITS * w];
                x.kkSender.send(KK_LOG_N, w, KK_MSG_BITS, pads, 0, w);
                return pads;
            }
            long[] pad = new long[KK_MSG_BITS * w];
            x.kkReceiver.receive(x.kkChoices, 0, w, KK_LOG_N, w, KK_MSG_BITS, pad, 0, w);
            return pad;
        });
    }
}
