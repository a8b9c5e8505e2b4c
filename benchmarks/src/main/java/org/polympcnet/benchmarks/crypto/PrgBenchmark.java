package org.polympcnet.benchmarks.crypto;

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
import org.openjdk.jmh.annotations.Warmup;
import org.polympcnet.protocols.crypto.CrHash;
import org.polympcnet.protocols.crypto.Prg;

/**
 * How fast are the two AES-based primitives under every correlation? {@code prg}: the PRG (AES-128
 * in counter mode, built as ECB over a buffer of counter blocks; DESIGN.md measured the JDK's ECB
 * at 3.3 GB/s and its CTR at 0.42 GB/s) filling a long[] of the given size, which is how a party
 * expands the dealer's seed into its share of every correlation. {@code crHash}: the fixed-key-AES
 * correlation-robust hash that IKNP applies to every OT (two AES calls a 128-bit block). One
 * thread, no channel. {@code :bytes} is output bytes per second (an OPERATIONS counter).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class PrgBenchmark {
    /** Output bytes per call: a small request and a ReLU batch's worth of correlation. */
    @Param({"4096", "1048576"})
    public int bytes;

    private Prg prg;
    private CrHash hash;
    private long[] out, blocks;

    @Setup(Level.Trial)
    public void setUp() {
        prg = Prg.fresh();
        hash = new CrHash();
        out = new long[bytes / 8];
        blocks = new long[bytes / 8];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < blocks.length; i++) blocks[i] = r.nextLong();
    }

    /**
     * Output bytes, as an OPERATIONS counter: the {@code :bytes} row reads as bytes per second.
     * Counted in the timed method (one add): an invocation-level teardown would cost more than a
     * 4 KB call.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    @Benchmark
    public long[] prg(Bytes counted) {
        prg.fill(out, 0, out.length);
        counted.bytes += bytes;
        return out;
    }

    @Benchmark
    public long[] crHash(Bytes counted) {
        hash.hash(blocks, 0, blocks.length / 2, 0, 0, 0, out, 0, 2);
        counted.bytes += bytes;
        return out;
    }
}
