package org.polympcnet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs {@code polympc infer} in this JVM, with the error handling of {@link Polympc#newCommandLine()}
 * (one line, exit 2 for usage and 1 at run time), and captures what it prints. {@link #main} is
 * the same command for the JVMs that the two-process tests start.
 */
final class InferCli {
    private InferCli() {}

    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new InferCommand());
        cmd.setParameterExceptionHandler(Errors::usage);
        cmd.setExecutionExceptionHandler(Errors::unexpected);
        return cmd;
    }

    static Cli.Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cmd = commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Cli.Run(exit, out.toString(), err.toString());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
