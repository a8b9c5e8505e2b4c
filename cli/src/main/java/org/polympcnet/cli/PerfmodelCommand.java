package org.polympcnet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.polympcnet.perfmodel.cost.ComparisonCosts;
import org.polympcnet.perfmodel.cost.ComparisonProtocols;
import org.polympcnet.perfmodel.cost.FssCosts;
import org.polympcnet.perfmodel.cost.LayerCosts;
import org.polympcnet.perfmodel.cost.MillionaireCosts;
import org.polympcnet.perfmodel.cost.NamedOp;
import org.polympcnet.perfmodel.cost.OpCost;
import org.polympcnet.perfmodel.hardware.HardwareProfile;
import org.polympcnet.perfmodel.hardware.HardwareProfiles;
import org.polympcnet.perfmodel.hardware.Zcu104;
import org.polympcnet.perfmodel.latency.LatencyTable;
import org.polympcnet.perfmodel.reference.ReferenceNetworks;
import org.polympcnet.perfmodel.schedule.CryptoScheduler;
import org.polympcnet.perfmodel.schedule.DesignSpaceSweep;
import org.polympcnet.perfmodel.schedule.GanttChart;
import org.polympcnet.perfmodel.schedule.Schedule;
import org.polympcnet.perfmodel.schedule.Workload;
import org.polympcnet.protocols.net.NetworkProfile;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.ModelFile;
import org.polympcnet.protocols.nn.ModelFormatException;
import org.polympcnet.protocols.ops.Truncation;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code polympc perfmodel}: the performance model. Costs every layer of a model (or one op),
 * schedules the work on a hardware profile and a network profile with the cryptographic
 * scheduler, and writes tidy CSV rows (per layer and total) and optionally a Gantt chart.
 */
@Command(
        name = "perfmodel",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Models the online latency of secure inference (or of one op) on a hardware profile: zcu104, the FPGA "
                    + "engines of hls/engines.properties scheduled with tiles that overlap their flights, or cpu, this "
                    + "machine running the protocols as implemented (calibrated by 'polympc calibrate').",
            "",
            "OUT rows (experiment,config,metric,value,unit): per layer start, end, latency (ms), online_bytes, rounds "
                    + "and tiles, with config model=..;hw=..;net=..;batch=..;truncation=..;fracBits=..;layer=..;type=..;engine=..; "
                    + "and a row layer=total (config also comparison=millionaire-cryptflow2 with --relu-protocol millionaire). With --op: config op=..;n=..;protocol=..;correlations=dealer;truncation=..;fracBits=..;hw=..;net=.. and the "
                    + "metrics of 'polympc op --stats-csv' (online_time in ms, online_bytes_p0, online_rounds, "
                    + "offline_bytes_p1, ...) plus and_gates, ring_mults and aes_blocks_*, for 'polympc compare-latency'.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  polympc perfmodel --model models/mnist-cnn --hw zcu104 --net lan --out pm.csv --gantt pm.png",
            "  polympc perfmodel --reference cifar-vgg --hw zcu104 --net wan --out pm.csv --gantt pm.png",
            "  polympc perfmodel --model models/mnist-cnn --hw zcu104 --net lan --sweep --out pm.csv --table latency.csv",
            "  polympc calibrate --out cal.json",
            "  polympc perfmodel --op relu --n 4096 --hw cpu --calibration cal.json --out relu.csv",
            "  polympc perfmodel --reference cifar-vgg --hw zcu104 --net wan --relu-protocol millionaire --out pm.csv",
            ""
        })
final class PerfmodelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory (model.json; weights are not needed).")
    Path modelDir;

    @Option(names = "--reference", paramLabel = "NAME",
            description = "A built-in reference architecture instead of --model: mnist-cnn or cifar-vgg (all ReLU, max pools).")
    String reference;

    @Option(names = "--op", paramLabel = "OP", converter = OpConverter.class,
            description = "One op instead of a model: relu, drelu, msb, square, poly, mult, truncation, mux, b2a, a2b, matmul.")
    NamedOp op;

    @Option(names = "--n", paramLabel = "N", description = "Elements of --op (matmul: the side of N x N by N x N).")
    Integer n;

    @Option(names = "--hw", paramLabel = "HW", required = true, converter = HwConverter.class, description = "zcu104 or cpu.")
    String hw;

    @Option(names = "--calibration", paramLabel = "FILE.json", description = "--hw cpu: the calibration from 'polympc calibrate'.")
    Path calibration;

    @Option(names = "--net", paramLabel = "PROFILE", defaultValue = "none", converter = NetConverter.class,
            description = "Link between the parties: none, lan, wan, gbe or custom:<Mbit/s>:<RTT ms> (default: ${DEFAULT-VALUE}).")
    NetworkProfile net;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "1", description = "Images per inference (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--trunc", paramLabel = "MODE", defaultValue = "local", converter = PartyOptions.TruncConverter.class,
            description = "Truncation after products: local or faithful (default: ${DEFAULT-VALUE}).")
    Truncation.Mode truncation;

    @Option(names = "--frac-bits", paramLabel = "F", defaultValue = "16", description = "Fractional bits, 0..40 (default: ${DEFAULT-VALUE}).")
    int fracBits;

    @Option(names = "--engines", paramLabel = "FILE", description = "--hw zcu104: engine parameters (default: the build's copy of hls/engines.properties).")
    Path engines;

    @Option(names = "--clock-mhz", paramLabel = "MHZ", description = "--hw zcu104: programmable-logic clock (default: clock_mhz of the engine parameters).")
    Double clockMhz;

    @Option(names = "--sweep", description = "--hw zcu104: sweep engine allocations under the resource budget and model the fastest.")
    boolean sweep;

    @Option(names = "--sweep-out", paramLabel = "FILE.csv", description = "With --sweep: every candidate allocation, its latency and resources.")
    Path sweepOut;

    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "Tidy CSV rows (written atomically).")
    Path out;

    @Option(names = "--gantt", paramLabel = "FILE.png", description = "Gantt chart of the schedule (PNG).")
    Path gantt;

    @Option(names = "--relu-protocol", paramLabel = "PROTOCOL", defaultValue = "gmw", converter = ComparisonProtocol.Converter.class,
            description = "How ReLUs, DReLUs and max pools compare: gmw (the GMW carry tree), millionaire (CrypTFlow2, with the "
                    + "dealer's 4-bit digits) or fss (function secret sharing: the dealer's DCF keys, one round; on zcu104 its FSS engine "
                    + "of AES cores, which --sweep then sizes too) (default: ${DEFAULT-VALUE}).")
    ComparisonProtocol reluProtocol;

    @Option(names = "--table", paramLabel = "FILE.csv",
            description = "With --model: the trainer's latency table, each activation as relu and poly and each pool as max and avg (ms).")
    Path table;

    @Override
    public Integer call() {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        try (AtomicOutput csv = AtomicOutput.begin(out); AtomicOutput sweepCsv = sweepOut == null ? null : AtomicOutput.begin(sweepOut);
             AtomicOutput tableCsv = table == null ? null : AtomicOutput.begin(table)) {
            if (gantt != null) BinaryOutput.check(gantt);
            Map<String, String> config = new LinkedHashMap<>();
            Workload work;
            OpCost single = null;
            Model m = null;
            if (modelDir != null || reference != null) {
                m = modelDir != null ? loadModel() : referenceModel();
                config.put("model", m.name);
                work = Workload.ofModel(new LayerCosts(m, batch, truncation, fracBits).withComparison(reluProtocol.costs()));
                if (reluProtocol != ComparisonProtocol.GMW) config.put("comparison", reluProtocol.statsName());
            } else {
                config.put("op", op.cliName());
                config.put("n", Integer.toString(n));
                config.put("protocol", comparesSign() ? reluProtocol.statsName() : op.protocol());
                config.put("correlations", "dealer");
                single = opCost(n);
                IntFunction<OpCost> atSize = op.elementwise() ? this::opCost : null;
                work = Workload.ofOp(op.cliName(), single, atSize);
            }
            if (m != null) config.put("batch", Integer.toString(batch));
            config.put("truncation", truncation.json());
            config.put("fracBits", Integer.toString(fracBits));
            config.put("hw", hw);
            config.put("net", net.name());
            HardwareProfile profile = hardware();
            if (sweep) {
                Workload w = work;
                DesignSpaceSweep.Grid grid = usesFss() ? DesignSpaceSweep.Grid.withFss() : DesignSpaceSweep.Grid.standard();
                DesignSpaceSweep.Result r = DesignSpaceSweep.sweep((Zcu104) profile, grid,
                        board -> new CryptoScheduler(board, net).schedule(w));
                profile = ((Zcu104) profile).withAllocation(r.best().allocation());
                if (sweepCsv != null) {
                    sweepCsv.writer().write(TidyRow.toCsv(PerfmodelRows.sweep(config, r, usesFss())));
                }
                spec.commandLine().getOut().printf(Locale.ROOT, "sweep: %d allocations, %d fit; fastest %s at %.4f ms (standard %.4f ms)%n",
                        r.points().size(), r.points().stream().filter(DesignSpaceSweep.Point::feasible).count(),
                        r.best().allocation().describe(), r.best().latencySeconds() * 1e3,
                        r.standard() == null ? Double.NaN : r.standard().latencySeconds() * 1e3);
            }
            if (profile instanceof Zcu104 z) {
                config.put("clockMhz", trim(z.parameters().clockMhz()));
                config.putAll(PerfmodelRows.allocation(z.allocation(), usesFss()));
            }
            Schedule s = new CryptoScheduler(profile, net).schedule(work);
            List<TidyRow> rows = single == null ? PerfmodelRows.layers(config, s) : PerfmodelRows.op(config, s, single, party1Cost(n));
            csv.writer().write(TidyRow.toCsv(rows));
            if (tableCsv != null) {
                LatencyTable t = LatencyTable.forModel(m, profile, net, batch, truncation, fracBits, reluProtocol.costs());
                tableCsv.writer().write(TidyRow.toCsv(PerfmodelRows.table(config, t)));
            }
            if (gantt != null) {
                String title = (single == null ? config.get("model") : op.cliName() + " n=" + n) + " on " + hw + " over " + net.name()
                        + String.format(Locale.ROOT, ": %.4f ms", s.makespan() * 1e3);
                BinaryOutput.write(gantt, GanttChart.png(s, title));
            }
            csv.commit();
            if (sweepCsv != null) sweepCsv.commit();
            if (tableCsv != null) tableCsv.commit();
            spec.commandLine().getOut().printf(Locale.ROOT, "perfmodel: %s on %s over %s: %.4f ms online, %d bytes per party, %d rounds; wrote %s%n",
                    single == null ? config.get("model") : op.cliName() + " n=" + n, profile.describe(), net.name(),
                    s.makespan() * 1e3, s.onlineBytes(), s.rounds(), out);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (Exception e) {
            return Errors.runtime(err, e);
        }
    }

    /** True if the comparisons are FSS's, so that the FSS engine does the work (and its allocation matters). */
    private boolean usesFss() {
        return reluProtocol.costs() instanceof FssCosts && (op == null || comparesSign());
    }

    /** --op relu or drelu: the ops whose comparison --relu-protocol chooses. */
    private boolean comparesSign() {
        return op == NamedOp.RELU || op == NamedOp.DRELU;
    }

    private OpCost opCost(int size) {
        if (!comparesSign()) return op.cost(truncation, size, fracBits);
        ComparisonCosts c = reluProtocol.costs();
        return op == NamedOp.RELU ? c.relu(size) : c.drelu(size);
    }

    /** Party 1's cost of the single op: its own with the millionaires' protocol, else the same as party 0's. */
    private OpCost party1Cost(int size) {
        if (comparesSign() && reluProtocol.costs() instanceof MillionaireCosts mc) return op == NamedOp.RELU ? mc.relu(1, size) : mc.drelu(1, size);
        return opCost(size);
    }

    private void validate() {
        int sources = (modelDir == null ? 0 : 1) + (reference == null ? 0 : 1) + (op == null ? 0 : 1);
        if (sources != 1) throw usage("give one of --model DIR, --reference NAME or --op OP (with --n N)");
        if (reference != null && !ReferenceNetworks.names().contains(reference.trim().toLowerCase(Locale.ROOT))) {
            throw usage("--reference: unknown architecture '" + reference + "': use one of " + String.join(", ", ReferenceNetworks.names()));
        }
        if (op != null && n == null) throw usage("--op " + op.cliName() + " needs --n N");
        if (op == null && n != null) throw usage("--n is for --op, not --model or --reference");
        if (n != null && n <= 0) throw usage("--n must be positive, got " + n);
        if (batch <= 0) throw usage("--batch must be positive, got " + batch);
        if (fracBits < 0 || fracBits > 40) throw usage("--frac-bits must be in 0..40, got " + fracBits);
        boolean cpu = hw.equals("cpu");
        if (cpu && calibration == null) throw usage("--hw cpu needs --calibration FILE.json (make one with: polympc calibrate --out FILE.json)");
        if (!cpu && calibration != null) throw usage("--calibration is for --hw cpu, not " + hw);
        if (cpu) {
            for (Object[] o : new Object[][] {{"--engines", engines}, {"--clock-mhz", clockMhz}, {"--sweep-out", sweepOut}}) {
                if (o[1] != null) throw usage(o[0] + " is for --hw zcu104, not cpu");
            }
            if (sweep) throw usage("--sweep is for --hw zcu104, not cpu");
        }
        if (sweepOut != null && !sweep) throw usage("--sweep-out needs --sweep");
        if (table != null && op != null) throw usage("--table is for --model or --reference, not --op");
        if (!reluProtocol.modelled()) {
            throw usage("--relu-protocol " + reluProtocol.cliName() + ": the performance model has no costs for '" + reluProtocol.statsName()
                    + "'; it knows " + String.join(", ", ComparisonProtocols.names()));
        }
        if (op != null && !comparesSign() && reluProtocol != ComparisonProtocol.GMW) {
            throw usage("--relu-protocol is for --op relu or drelu, --model or --reference, not --op " + op.cliName());
        }
        if (clockMhz != null && !(clockMhz > 0 && clockMhz < 10_000)) throw usage("--clock-mhz must be a positive clock in MHz, got " + clockMhz);
    }

    private HardwareProfile hardware() {
        return HardwareProfiles.of(hw, calibration, engines, clockMhz);
    }

    private Model loadModel() {
        if (!Files.isDirectory(modelDir)) throw new CliException("--model " + modelDir + ": no such directory");
        try {
            return ModelFile.load(modelDir, false);
        } catch (ModelFormatException e) {
            throw new CliException("--model " + modelDir + ": " + e.getMessage(), e);
        }
    }

    private Model referenceModel() {
        try {
            return ReferenceNetworks.get(reference);
        } catch (IllegalArgumentException e) {
            throw usage("--reference: " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static final class HwConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (!v.equals("zcu104") && !v.equals("cpu")) throw new TypeConversionException("unknown hardware '" + value + "': use zcu104 or cpu");
            return v;
        }
    }

    static final class NetConverter implements ITypeConverter<NetworkProfile> {
        @Override
        public NetworkProfile convert(String value) {
            try {
                return NetworkProfile.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class OpConverter implements ITypeConverter<NamedOp> {
        @Override
        public NamedOp convert(String value) {
            try {
                return NamedOp.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
