package org.polympcnet.protocols.correlation.dealer;

import org.polympcnet.protocols.crypto.Prg;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.net.PeerException;

/**
 * The trusted third party (CrypTen's TTP): serves one session of two parties. It hands each
 * party a fresh PRG seed, then for each pair of matching requests generates the correlation,
 * keeping party 0's shares implicit in party 0's seed and sending party 1 only its corrections
 * (and, for FSS, both parties the DCF correction words, which depend on both parties' seeds).
 * It learns nothing of the parties' inputs: it never sees a share of them.
 */
public final class Dealer {
    private final Channel[] party = new Channel[2];
    private final Prg prg0, prg1;
    private long requests;

    /**
     * Takes the two party links in either order: each party's hello says which it is.
     * Seeds come from SecureRandom unless given (tests only).
     */
    public Dealer(Channel a, Channel b, byte[] seed0, byte[] seed1) {
        a.setPhase(Phase.OFFLINE);
        b.setPhase(Phase.OFFLINE);
        long[] ha = a.receiveLongs(DealerWire.HELLO_WORDS), hb = b.receiveLongs(DealerWire.HELLO_WORDS);
        DealerClient.checkHello(ha, a.peerName());
        DealerClient.checkHello(hb, b.peerName());
        if (!((ha[2] == 0 && hb[2] == 1) || (ha[2] == 1 && hb[2] == 0))) {
            String err = "both parties claim to be party " + ha[2] + " (need one party 0 and one party 1)";
            DealerWire.sendStatus(a, err);
            DealerWire.sendStatus(b, err);
            throw new PeerException(err);
        }
        party[(int) ha[2]] = a;
        party[(int) hb[2]] = b;
        byte[] s0 = seed0 != null ? seed0 : Prg.freshSeed();
        byte[] s1 = seed1 != null ? seed1 : Prg.freshSeed();
        prg0 = new Prg(s0);
        prg1 = new Prg(s1);
        for (int p = 0; p < 2; p++) {
            DealerWire.sendStatus(party[p], null);
            party[p].sendBytes(p == 0 ? s0 : s1);
            party[p].flush();
        }
    }

    public Dealer(Channel a, Channel b) {
        this(a, b, null, null);
    }

    /** Serves requests until both parties send END; a mismatch is reported to both, then thrown. */
    public void serve() {
        while (true) {
            Request r0 = Request.decode(party[0].receiveLongs(Request.WORDS), party[0].peerName());
            Request r1 = Request.decode(party[1].receiveLongs(Request.WORDS), party[1].peerName());
            if (r0.kind() == Request.Kind.END && r1.kind() == Request.Kind.END) return;
            if (!r0.equals(r1)) {
                String err = "the parties' requests differ: party 0 asked for " + r0 + ", party 1 for " + r1
                        + " (request " + requests + ")";
                if (r0.kind() != Request.Kind.END) DealerWire.sendStatus(party[0], err);
                if (r1.kind() != Request.Kind.END) DealerWire.sendStatus(party[1], err);
                throw new PeerException(err);
            }
            DealerWire.sendStatus(party[0], null);
            DealerWire.sendStatus(party[1], null);
            r0.run(Draw.dealer(prg0, prg1, party[0], party[1]));
            party[0].flush();
            party[1].flush();
            requests++;
        }
    }

    public long requestsServed() {
        return requests;
    }

    public Channel channel(int p) {
        return party[p];
    }

    public void close() {
        party[0].close();
        party[1].close();
    }
}
