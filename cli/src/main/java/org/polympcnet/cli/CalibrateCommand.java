package org.polympcnet.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polympcnet.perfmodel.hardware.CpuCalibration;
import org.polympcnet.perfmodel.hardware.CpuMicrobenchmarks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code polympc calibrate}: times the primitives the protocols are built of (bit-slice
 * transposes, AND and XOR words, ring products, matrix MACs, channel copies, the hand-off
 * between two party threads, AES blocks) and writes the cpu profile's calibration.
 */
@Command(
        name = "calibrate",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Calibrates the cpu hardware profile of the performance model on this machine: microbenchmarks of the "
                    + "protocols' primitives, each alone at sizes 2^8..2^20 with two threads at once (as the two parties "
                    + "run), and the hand-off of one exchange between two party threads. No op is timed, so the model's "
                    + "op latencies are predictions. Samples in which a thread waited for a CPU (another busy process) are "
                    + "taken again. About 30 s on an idle machine; run it with the JVM options of the runs it should "
                    + "predict, e.g. POLYMPC_JAVA_OPTS='-Xms4g -Xmx4g -XX:+AlwaysPreTouch' (a pre-touched heap: fresh arrays "
                    + "then pay no page faults).",
            "Writes FILE.json for 'polympc perfmodel --hw cpu --calibration FILE.json'."
        },
        footer = {"", "Example:", "  polympc calibrate --out results/raw/cpu-calibration.json", ""})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE.json", required = true, description = "Where the calibration goes (written atomically).")
    Path out;

    @Option(names = "--quick", description = "Two sizes and short samples (under a second; noisy, for tests).")
    boolean quick;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (AtomicOutput file = AtomicOutput.begin(out)) {
            PrintWriter o = spec.commandLine().getOut();
            o.println("polympc calibrate: " + (quick ? "quick" : "standard") + " microbenchmarks, ns per unit:");
            o.flush();
            CpuCalibration c = CpuMicrobenchmarks.run(quick ? CpuMicrobenchmarks.Options.quick() : CpuMicrobenchmarks.Options.standard(),
                    new PrintStream(new WriterStream(o), true, java.nio.charset.StandardCharsets.UTF_8));
            file.writer().write(c.toJson());
            file.commit();
            o.println("polympc calibrate: wrote " + out);
            o.flush();
            return 0;
        } catch (Exception e) {
            return Errors.runtime(err, e);
        }
    }

    /** Lets the microbenchmarks' progress lines go to picocli's output writer. */
    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter w;

        WriterStream(PrintWriter w) {
            this.w = w;
        }

        @Override
        public void write(int b) {
            w.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            w.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            w.flush();
        }
    }
}
