package org.polympcnet.protocols.ops;

import java.util.function.BiFunction;
import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.LocalSession;
import org.polympcnet.protocols.session.SessionParams;
import org.polympcnet.protocols.session.Transport;

/**
 * Test harness: party 0 secret-shares its input, both parties run an op for real (two threads,
 * in-process dealer), party 1 learns the output. Returns the output with the op's traffic alone
 * (ONLINE phase), counted by the channels.
 */
final class TwoParty {
    static final byte[] SEED0 = new byte[16], SEED1 = new byte[16];
    static {
        for (int i = 0; i < 16; i++) {
            SEED0[i] = (byte) i;
            SEED1[i] = (byte) (100 + i);
        }
    }

    record Run(long[] out, CommStats[] peer, CommStats[] dealer) {
        long onlineBytes(int party) {
            return peer[party].sent(Phase.ONLINE);
        }

        long onlineRounds(int party) {
            return peer[party].rounds(Phase.ONLINE);
        }
    }

    /** op: (party, shares of x) -> shares of the result (ring elements). */
    static Run run(FixedPoint fp, Truncation.Mode mode, Transport t, long[] x, BiFunction<Party, long[], long[]> op) throws Exception {
        return run(fp, mode, t, "dealer", x, op);
    }

    static Run run(FixedPoint fp, Truncation.Mode mode, Transport t, String correlations, long[] x, BiFunction<Party, long[], long[]> op)
            throws Exception {
        int n = x.length;
        LocalSession s = new LocalSession(fp, mode, t, 20_000).withDealerSeeds(SEED0, SEED1).withCorrelations(correlations);
        SessionParams params = new SessionParams().put("test", "op");
        LocalSession.Result<long[]> r = s.run(params, p -> task(p, x, n, op), p -> task(p, null, n, op));
        return new Run(r.party1(), r.peer(), r.dealerLink());
    }

    static Run run(long[] x, BiFunction<Party, long[], long[]> op) throws Exception {
        return run(FixedPoint.standard(), Truncation.Mode.LOCAL, Transport.MEMORY, x, op);
    }

    /** Like {@link #run} for ops whose result is `planes` XOR-shared bit vectors over n lanes. */
    static Run runBits(Truncation.Mode mode, long[] x, int planes, BiFunction<Party, long[], long[]> op) throws Exception {
        return runBits(mode, "dealer", x, planes, op);
    }

    static Run runBits(Truncation.Mode mode, String correlations, long[] x, int planes, BiFunction<Party, long[], long[]> op) throws Exception {
        int n = x.length;
        LocalSession s = new LocalSession(FixedPoint.standard(), mode, Transport.MEMORY, 20_000).withDealerSeeds(SEED0, SEED1)
                .withCorrelations(correlations);
        PartyTaskBits t0 = new PartyTaskBits(x, n, planes, op), t1 = new PartyTaskBits(null, n, planes, op);
        LocalSession.Result<long[]> r = s.run(new SessionParams().put("test", "bits"), t0::run, t1::run);
        return new Run(r.party1(), r.peer(), r.dealerLink());
    }

    private record PartyTaskBits(long[] x, int n, int planes, BiFunction<Party, long[], long[]> op) {
        long[] run(Party p) {
            p.peer.setPhase(Phase.IO);
            long[] share = Sharing.share(p, 0, x, n);
            p.peer.setPhase(Phase.ONLINE);
            long[] y = op.apply(p, share);
            p.peer.setPhase(Phase.IO);
            int w = org.polympcnet.protocols.ring.BitSlice.words(n);
            long[] out = p.id == 1 ? new long[planes * w] : null;
            for (int j = 0; j < planes; j++) {
                long[] row = java.util.Arrays.copyOfRange(y, j * w, (j + 1) * w);
                long[] open = Sharing.revealBits(p, 1, row, n);
                if (open != null) System.arraycopy(open, 0, out, j * w, w);
            }
            return out;
        }
    }

    private static long[] task(Party p, long[] x, int n, BiFunction<Party, long[], long[]> op) {
        p.peer.setPhase(Phase.IO);
        long[] share = Sharing.share(p, 0, x, n);
        p.peer.setPhase(Phase.ONLINE);
        long[] y = op.apply(p, share);
        p.peer.setPhase(Phase.IO);
        return Sharing.reveal(p, 1, y);
    }
}
