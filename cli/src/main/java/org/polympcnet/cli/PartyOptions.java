package org.polympcnet.cli;

import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.Transport;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The options every two-party command shares ({@code op}, {@code infer}): the settings both
 * parties must agree on (fixed point, truncation, correlation source, timeout) and where each
 * party runs (in this process, or as party 0 listening / party 1 connecting, with or without a
 * dealer). It checks the combinations that hold for every such command; each command adds the
 * checks of its own inputs and outputs through {@link #require} and {@link #reject}.
 */
final class PartyOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--frac-bits", paramLabel = "F", defaultValue = "16",
            description = "Fractional bits of the fixed-point encoding, 0..40 (default: ${DEFAULT-VALUE}).")
    int fracBits;

    @Option(names = "--trunc", paramLabel = "MODE", defaultValue = "local", converter = TruncConverter.class,
            description = "Truncation after products: local or faithful (default: ${DEFAULT-VALUE}).")
    Truncation.Mode truncation;

    @Option(names = "--correlations", paramLabel = "SRC", defaultValue = OpSettings.DEALER,
            description = "Source of correlated randomness: dealer (a trusted third party) or ot (the two parties alone, "
                    + "by oblivious transfer) (default: ${DEFAULT-VALUE}). Both parties must use the same.")
    String correlations;

    @Option(names = "--transport", paramLabel = "T", converter = TransportConverter.class,
            description = "In-process link between the parties: memory or tcp (loopback) (default: memory). Two-process runs always use tcp.")
    Transport transport;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up when a peer or the dealer is silent this long (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--party", paramLabel = "0|1", description = "Run only this party, in a run across two processes.")
    Integer party;

    @Option(names = "--listen", paramLabel = "PORT", converter = Ports.Converter.class, description = "Party 0: port to accept party 1 on.")
    Integer listen;

    @Option(names = "--connect", paramLabel = "HOST:PORT", converter = Endpoint.Converter.class, description = "Party 1: where party 0 listens.")
    Endpoint connect;

    @Option(names = "--dealer", paramLabel = "HOST:PORT", converter = Endpoint.Converter.class,
            description = "Two-process runs with --correlations dealer: where the dealer listens (not with --correlations ot).")
    Endpoint dealer;

    FixedPoint fixedPoint() {
        try {
            return new FixedPoint(fracBits);
        } catch (IllegalArgumentException e) {
            throw usage("--frac-bits: " + e.getMessage());
        }
    }

    /** Checks --correlations and --timeout; returns the timeout in milliseconds. */
    int timeoutMillis() {
        if (!OpSettings.DEALER.equals(correlations) && !OpSettings.OT.equals(correlations)) {
            throw usage("--correlations: unknown source '" + correlations + "'; use dealer or ot");
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > Integer.MAX_VALUE / 1000.0) {
            throw usage("--timeout must be a positive number of seconds, got " + timeoutSeconds);
        }
        return (int) Math.max(1, Math.round(timeoutSeconds * 1000));
    }

    boolean inProcess() {
        return party == null;
    }

    boolean isParty(int p) {
        return party != null && party == p;
    }

    Transport inProcessTransport() {
        return transport == null ? Transport.MEMORY : transport;
    }

    /**
     * The mode checks common to every two-party command: an in-process run takes no endpoints;
     * a party is 0 or 1 over tcp, has a dealer exactly when correlations come from one, and party
     * 0 listens while party 1 connects. {@code server} and {@code client} name the parties in
     * the messages ("party 0 (the server)").
     */
    void checkMode(String server, String client) {
        if (party == null) {
            for (Object[] o : new Object[][] {{"--listen", listen}, {"--connect", connect}, {"--dealer", dealer}}) {
                if (o[1] != null) throw usage(o[0] + " is for runs across two processes: add --party 0 or --party 1");
            }
            return;
        }
        if (party != 0 && party != 1) throw usage("--party must be 0 or 1, got " + party);
        if (transport == Transport.MEMORY) throw usage("--transport memory is for in-process runs; two processes use tcp");
        if (OpSettings.OT.equals(correlations)) {
            if (dealer != null) {
                throw usage("--dealer is not for --correlations ot: the parties make their correlations by oblivious "
                        + "transfer over their own link; drop --dealer, or use --correlations dealer");
            }
        } else {
            require("--dealer", dealer, "party " + party + " with --correlations dealer (or use --correlations ot, without a dealer)");
        }
        if (party == 0) {
            require("--listen", listen, server);
            reject("--connect", connect, "party 0 listens (--listen) for party 1");
        } else {
            require("--connect", connect, client);
            reject("--listen", listen, "party 1 connects (--connect) to party 0");
        }
    }

    void require(String name, Object value, String who) {
        if (value == null) throw usage(who + " needs " + name);
    }

    void reject(String name, Object value, String why) {
        if (value != null) throw usage(name + " is not for party " + party + ": " + why);
    }

    ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }

    static final class TruncConverter implements ITypeConverter<Truncation.Mode> {
        @Override
        public Truncation.Mode convert(String value) {
            try {
                return Truncation.Mode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class TransportConverter implements ITypeConverter<Transport> {
        @Override
        public Transport convert(String value) {
            try {
                return Transport.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
