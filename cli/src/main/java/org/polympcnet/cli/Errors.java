package org.polympcnet.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How errors reach the user: one line {@code polympc: error: ...} on stderr; exit 2 for usage
 * errors, 1 for everything at run time. Messages come from exception texts, which in this code
 * base name files, lines, peers and limits but never shares, seeds or secret values. Set
 * POLYMPC_DEBUG=1 to also get the stack trace.
 */
final class Errors {
    static final String PREFIX = "polympc: error: ";
    static final int RUNTIME = 1;

    private Errors() {}

    /** picocli's parameter-exception hook: a usage error, one line plus where to get help. */
    static int usage(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(PREFIX + oneLine(ex.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** picocli's execution-exception hook, for anything a command did not report itself. */
    static int unexpected(Exception ex, CommandLine cmd, ParseResult parsed) {
        return runtime(cmd.getErr(), ex);
    }

    /** Reports a run-time failure and returns the exit code. */
    static int runtime(PrintWriter err, Throwable ex) {
        err.println(PREFIX + describe(ex));
        if (System.getenv("POLYMPC_DEBUG") != null) ex.printStackTrace(err);
        err.flush();
        return RUNTIME;
    }

    static String describe(Throwable ex) {
        String msg = ex.getMessage();
        // Our own and the protocol library's exceptions carry complete sentences; anything else
        // (a JDK exception with a terse message) keeps its type so the line still makes sense.
        boolean selfExplaining = ex instanceof CliException
                || ex instanceof org.polympcnet.protocols.net.PeerException
                || ex instanceof org.polympcnet.protocols.session.SessionMismatchException
                || ex instanceof IllegalArgumentException;
        if (msg == null || msg.isBlank()) return ex.getClass().getSimpleName();
        return oneLine(selfExplaining ? msg : ex.getClass().getSimpleName() + ": " + msg);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
