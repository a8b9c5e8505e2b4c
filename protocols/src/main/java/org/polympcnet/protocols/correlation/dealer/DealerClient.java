package org.polympcnet.protocols.correlation.dealer;

import org.polympcnet.protocols.correlation.AndTriples;
import org.polympcnet.protocols.correlation.BeaverTriples;
import org.polympcnet.protocols.correlation.CombineTriples;
import org.polympcnet.protocols.correlation.RandomOneOfN;
import org.polympcnet.protocols.correlation.CorrelationSource;
import org.polympcnet.protocols.correlation.CrossAnd;
import org.polympcnet.protocols.correlation.DaBits;
import org.polympcnet.protocols.correlation.FssDReluCorrelation;
import org.polympcnet.protocols.correlation.FssReluCorrelation;
import org.polympcnet.protocols.correlation.MatrixTriple;
import org.polympcnet.protocols.correlation.MsbCorrelation;
import org.polympcnet.protocols.correlation.MuxCorrelation;
import org.polympcnet.protocols.correlation.ReluCorrelation;
import org.polympcnet.protocols.correlation.SquarePairs;
import org.polympcnet.protocols.correlation.TruncationPairs;
import org.polympcnet.protocols.crypto.Prg;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.net.PeerException;

/**
 * A party's side of the trusted dealer. On connect it says hello (magic, version, party) and
 * receives its PRG seed; for each batch it sends the request, waits for the dealer's go-ahead
 * (which carries an error if the two parties' requests differ) and runs the recipe: party 0
 * expands its seed, party 1 expands its seed and reads its corrections; for FSS keys both also read
 * the correction words the dealer sends to both. All traffic is offline.
 */
public final class DealerClient implements CorrelationSource {
    /** Bytes a party sends to the dealer per request (its kind and four size words). */
    public static final int REQUEST_BYTES = Request.WORDS * Long.BYTES;
    /** Bytes a party receives per request before its corrections: the dealer's OK status. */
    public static final int STATUS_BYTES = DealerWire.STATUS_WORDS * Long.BYTES;
    /** Bytes of a party's hello (magic, version, party). */
    public static final int HELLO_BYTES = DealerWire.HELLO_WORDS * Long.BYTES;
    /**
     * Dealer-link bytes of a session besides its requests, per party: hello and END sent, the
     * status and the PRG seed received.
     */
    public static final int SESSION_BYTES = HELLO_BYTES + REQUEST_BYTES + STATUS_BYTES + Prg.SEED_BYTES;

    private final int party;
    private final Channel dealer;
    private final Prg prg;
    private boolean closed;

    public DealerClient(int party, Channel dealer) {
        if (party != 0 && party != 1) throw new IllegalArgumentException("party must be 0 or 1, got " + party);
        this.party = party;
        this.dealer = dealer;
        dealer.setPhase(Phase.OFFLINE);
        dealer.sendLongs(new long[] {DealerWire.MAGIC, DealerWire.VERSION, party});
        dealer.flush();
        DealerWire.receiveStatus(dealer);
        this.prg = new Prg(dealer.receiveBytes(Prg.SEED_BYTES));
    }

    @Override
    public String mode() {
        return "dealer";
    }

    public Channel channel() {
        return dealer;
    }

    @Override
    public org.polympcnet.protocols.net.CommStats linkStats() {
        return dealer.stats();
    }

    private <T> T request(Request.Kind kind, long p1, long p2, long p3) {
        return request(new Request(kind, p1, p2, p3));
    }

    private <T> T request(Request req) {
        if (closed) throw new IllegalStateException("dealer session is closed");
        dealer.setPhase(Phase.OFFLINE);
        dealer.sendLongs(req.encode());
        dealer.flush();
        DealerWire.receiveStatus(dealer);
        Draw d = party == 0 ? Draw.party0(prg, dealer) : Draw.party1(prg, dealer);
        @SuppressWarnings("unchecked")
        T r = (T) req.run(d);
        return r;
    }

    private static int size(String what, int n) {
        if (n < 0) throw new IllegalArgumentException(what + " must be non-negative, got " + n);
        return n;
    }

    @Override public BeaverTriples beaverTriples(int n) { return request(Request.Kind.BEAVER, size("n", n), 0, 0); }
    @Override public SquarePairs squarePairs(int n) { return request(Request.Kind.SQUARE, size("n", n), 0, 0); }
    @Override public MatrixTriple matrixTriple(int m, int k, int n) { return request(Request.Kind.MATRIX, size("m", m), size("k", k), size("n", n)); }
    @Override public TruncationPairs truncationPairs(int n, int fracBits) { return request(Request.Kind.TRUNCATION, size("n", n), fracBits, 0); }
    @Override public AndTriples andTriples(int planes, int n) { return request(Request.Kind.AND, size("planes", planes), size("n", n), 0); }
    @Override public CrossAnd crossAnd(int planes, int n) { return request(Request.Kind.CROSS_AND, size("planes", planes), size("n", n), 0); }
    @Override public DaBits daBits(int n) { return request(Request.Kind.DABITS, size("n", n), 0, 0); }
    @Override public MuxCorrelation mux(int n) { return request(Request.Kind.MUX, size("n", n), 0, 0); }
    @Override public MsbCorrelation msb(int n) { return request(Request.Kind.MSB, size("n", n), 0, 0); }
    @Override public ReluCorrelation relu(int n) { return request(Request.Kind.RELU, size("n", n), 0, 0); }
    @Override public FssDReluCorrelation fssDrelu(int n) { return request(Request.Kind.FSS_DRELU, size("n", n), 0, 0); }
    @Override public FssReluCorrelation fssRelu(int n) { return request(Request.Kind.FSS_RELU, size("n", n), 0, 0); }
    @Override public CombineTriples combineTriples(int combines, int n) { return request(Request.Kind.COMBINE, size("combines", combines), size("n", n), 0); }

    @Override
    public RandomOneOfN randomOneOfN(int groups, int logN, int msgBits, int n) {
        if (logN < 1 || logN > 8 || msgBits < 1 || msgBits > 64) throw new IllegalArgumentException("1-out-of-N OT: logN in 1..8, msgBits in 1..64");
        return request(new Request(Request.Kind.ONE_OF_N, size("groups", groups), logN, msgBits, size("n", n)));
    }

    /** Ends the dealer session: sends END and closes the link. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            dealer.setPhase(Phase.OFFLINE);
            dealer.sendLongs(new Request(Request.Kind.END, 0, 0, 0).encode());
            dealer.flush();
        } catch (RuntimeException e) {
            // The dealer is already gone; nothing to end.
        } finally {
            dealer.close();
        }
    }

    static void checkHello(long[] hello, String from) {
        if (hello[0] != DealerWire.MAGIC) throw new PeerException(from + " is not a PolyMPCNet party (bad hello)");
        if (hello[1] != DealerWire.VERSION) {
            throw new PeerException(from + " speaks dealer protocol version " + hello[1] + ", this dealer " + DealerWire.VERSION);
        }
    }
}
