package org.polympcnet.benchmarks.nn;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.polympcnet.benchmarks.harness.Correlations;
import org.polympcnet.benchmarks.harness.InvocationTraffic;
import org.polympcnet.benchmarks.harness.PerElementCounters;
import org.polympcnet.benchmarks.harness.Traffic;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.benchmarks.harness.TwoPartySession;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.ModelFile;
import org.polympcnet.protocols.nn.SecureInference;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * How many images a second does secure inference of a whole network take, all phases? Party 0
 * (server) holds the weights of {@code -p model=DIR} ({@code model.json} + {@code weights.bin}, as
 * the trainer exports them), party 1 (client) a batch of seeded inputs already preprocessed
 * (values in [-2, 2), the range of normalised pixels); each invocation is one
 * {@link SecureInference#infer} call: the client shares the batch, both prepare every layer's
 * correlations, run the layers and reveal the logits to the client. Accuracy is not measured here
 * ({@code polympc infer} does that on real images); this is the cost.
 *
 * <p>Without a model ({@code model=none}, the default) the trial fails at once with a message
 * saying what to pass, and JMH goes on with the next benchmark; reproduce.sh passes one
 * {@code -p model=} per exported model and leaves this class out when there is none.
 *
 * <p>Counters: {@code :images} (images per second), {@code :onlineBytesPerImage} (both parties'
 * online sends), {@code :onlineRoundsPerImage} (the busier party's flights / batch),
 * {@code :offlineBytesPerImage} (every offline byte on every link).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class InferenceBenchmark {
    /** A model folder (model.json, weights.bin). */
    @Param({"none"})
    public String model;

    @Param({"dealer", "ot"})
    public String correlations;

    /** Images per inference call. */
    @Param({"1", "8"})
    public int batch;

    private Both<SecureInference> parties;
    private long[] images;

    @Setup(Level.Trial)
    public void open(TwoPartySession s) {
        Path dir = Path.of(model);
        if (model.equals("none") || !Files.isRegularFile(dir.resolve(ModelFile.JSON))) {
            throw new IllegalStateException("InferenceBenchmark skipped: no model at '" + model
                    + "'; pass -p model=DIR, a folder with " + ModelFile.JSON + " and " + ModelFile.WEIGHTS + " (the trainer's export)");
        }
        Model server = ModelFile.load(dir, true);
        Model client = ModelFile.load(dir, false); // the client knows the architecture only
        s.open(Truncation.Mode.LOCAL, Correlations.of(correlations), batch);
        FixedPoint fp = s.fixedPoint();
        int size = (int) Model.size(client.input) * batch;
        images = new long[size];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < size; i++) images[i] = fp.encode(r.nextDouble(-2, 2));
        parties = s.run(p -> new SecureInference(p, p.id == 0 ? server : client));
    }

    /** Images inferred, as an OPERATIONS counter: {@code :images} reads as images per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Images {
        public long images;

        @TearDown(Level.Invocation)
        public void count(TwoPartySession s) {
            images += s.elements();
        }
    }

    /** Traffic per image, from snapshots around each invocation (exact summary values, see PerElementCounters). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PerImage extends InvocationTraffic {
        public double onlineBytesPerImage;
        public double onlineRoundsPerImage;
        public double offlineBytesPerImage;

        @Override
        protected void record(Traffic t, long b, double share) {
            onlineBytesPerImage = PerElementCounters.perElement(t.onlineSent(0) + t.onlineSent(1), b, share);
            onlineRoundsPerImage = (double) Math.max(t.onlineRounds(0), t.onlineRounds(1)) / b * share;
            offlineBytesPerImage = PerElementCounters.perElement(t.offlineTotal(), b, share);
        }
    }

    @Benchmark
    public Both<long[]> infer(TwoPartySession s, Images counted, PerImage traffic) {
        return s.run(p -> parties.of(p.id).infer(p.id == 1 ? images : null, batch));
    }
}
