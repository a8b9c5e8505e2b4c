package org.polympcnet.benchmarks.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
import org.openjdk.jmh.annotations.Warmup;
import org.polympcnet.models.nn.Architectures;
import org.polympcnet.models.nn.Choices;
import org.polympcnet.models.nn.NetSpec;
import org.polympcnet.models.nn.Network;
import org.polympcnet.models.nn.PolyInit;
import org.polympcnet.models.nn.X2Act;
import org.polympcnet.models.train.AdamStep;

/**
 * Training throughput of the trainer's step (forward, backward, Adam) on MNIST-shaped random
 * batches: {@code arch=probe} is the probe CNN, conv(1->16, 3x3) + X2Act, avgpool 2,
 * conv(16->32, 3x3) + ReLU, avgpool 2, linear(1568->10), the network PyTorch's speed was quoted
 * for; {@code arch=cnn} the ReLU baseline {@code reproduce.sh} trains (batch norm, max pools,
 * linear 128), e.g. {@code -p arch=cnn}. The {@code images} counter is images per second. ND4J's threads
 * are OpenMP's: run with {@code OMP_NUM_THREADS=2} (the forks inherit the environment) and, on a
 * shared machine, {@code OMP_WAIT_POLICY=PASSIVE} (spinning threads made the step 3-5 times slower
 * under load 4-6), e.g.
 *
 * <pre>OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS=2 java -jar benchmarks/target/benchmarks.jar TrainingThroughput -f 1 -wi 2 -i 4 -w 5s -r 5s</pre>
 *
 * The native build is the one pinned in the parent pom ({@code nd4j.classifier}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=3G"})
@State(Scope.Thread)
public class TrainingThroughputBenchmark {
    @Param({"128"})
    public int batch;

    @Param({"probe"})
    public String arch;

    private Network net;
    private AdamStep adam;
    private Map<String, INDArray> feed;
    private List<String> outputs;

    /** Images trained per second, as a JMH auxiliary counter. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Images {
        public long images;

        @Setup(Level.Iteration)
        public void reset() {
            images = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        NetSpec spec = Architectures.build(arch, new int[] {1, 28, 28}, 10);
        Choices choices = arch.equals("probe") ? Choices.uniform(spec, Choices.RELU, Choices.AVG).with(Map.of("act1", Choices.POLY))
                : Choices.forMode(spec, "relu");
        net = Network.build(spec, choices, PolyInit.STPAI, X2Act.DEFAULT_SCALE, 1, null);
        adam = new AdamStep(net, net.weights(), 1e-3, 5.0);
        SplittableRandom r = new SplittableRandom(7);
        float[] x = new float[batch * 784], y = new float[batch * 10];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        for (int i = 0; i < batch; i++) y[i * 10 + r.nextInt(10)] = 1;
        feed = net.feed(Nd4j.create(x, new long[] {batch, 1, 28, 28}, 'c'), Nd4j.create(y, new long[] {batch, 10}, 'c'), true);
        outputs = new ArrayList<>(List.of(Network.LOSS));
    }

    @Benchmark
    public double step(Images counter) {
        var r = net.gradients(feed, outputs, net.weights());
        adam.apply(r.getGradients(), 0);
        counter.images += batch;
        return r.getOutputs().get(Network.LOSS).getDouble(0);
    }
}
