package org.polympcnet.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.session.DealerServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polympc dealer}: the trusted dealer for a run across two processes. Serves one session
 * (both parties, in either order) and exits; the summary it prints carries counts only.
 */
@Command(
        name = "dealer",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Serves correlated randomness (Beaver triples, square pairs, carry-tree correlations) to the two "
                    + "parties of one session, then exits 0 and prints a one-line summary to stderr.",
            "The dealer must not collude with either party; it never sees their inputs or shares of them."
        })
final class DealerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "PORT", required = true, converter = Ports.Converter.class,
            description = "Port to accept both parties on.")
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up when a party does not connect, or is silent, this long (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Override
    public Integer call() {
        if (!(timeoutSeconds > 0) || timeoutSeconds > Integer.MAX_VALUE / 1000.0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds, got " + timeoutSeconds);
        }
        int timeoutMillis = (int) Math.max(1, Math.round(timeoutSeconds * 1000));
        PrintWriter err = spec.commandLine().getErr();
        try (DealerServer server = new DealerServer(port, timeoutMillis)) {
            server.serveOne();
            CommStats[] s = server.stats();
            err.println("polympc dealer: session done: requests served " + server.requestsServed() + "; bytes sent to party 0 "
                    + s[0].sent(Phase.OFFLINE) + ", to party 1 " + s[1].sent(Phase.OFFLINE));
            err.flush();
            return 0;
        } catch (Exception e) {
            return Errors.runtime(err, e);
        }
    }
}
