package org.polympcnet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code polympc} command. Subcommands do the work; this class only wires picocli.
 *
 * <p>Use {@link #newCommandLine()} (as {@link #main} does) to get the documented error
 * behaviour: every error is one line {@code polympc: error: ...} on stderr, exit code 2 for
 * usage errors and 1 for runtime errors. A bare {@code new CommandLine(new Polympc())} gives the
 * same exit codes and runtime messages, but picocli's own multi-line usage on parse errors.
 */
@Command(
        name = "polympc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "PolyMPCNet-J: two-party secure computation for private neural-network inference.",
            "Security model: semi-honest parties; correlated randomness from a trusted dealer "
                    + "that colludes with neither party (--correlations dealer) or, with no third party, "
                    + "from oblivious transfer between the two (--correlations ot)."
        },
        subcommands = {OpCommand.class, DealerCommand.class, InferCommand.class, PerfmodelCommand.class,
            CompareLatencyCommand.class, CalibrateCommand.class, DataCommand.class, TrainCommand.class, ReportCommand.class})
public final class Polympc implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: use one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** A command line with one-line error reporting installed. */
    public static CommandLine newCommandLine() {
        CommandLine cmd = new CommandLine(new Polympc());
        cmd.setParameterExceptionHandler(Errors::usage);
        cmd.setExecutionExceptionHandler(Errors::unexpected);
        return cmd;
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }
}
