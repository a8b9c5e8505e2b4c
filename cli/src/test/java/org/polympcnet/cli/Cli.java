package org.polympcnet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs polympc in this JVM, as main would, and captures what it prints. */
final class Cli {
    record Run(int exit, String out, String err) {}

    private Cli() {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cmd = Polympc.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
