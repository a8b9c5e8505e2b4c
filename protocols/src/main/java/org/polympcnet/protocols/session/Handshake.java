package org.polympcnet.protocols.session;

import java.util.LinkedHashSet;
import java.util.Set;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.net.Phase;

/**
 * The session handshake: both parties send their {@link SessionParams} and check them field by
 * field. Any difference ends both parties with the same clear error naming the field and both
 * values; since each side checks what it received, neither waits on the other to fail. Counted
 * as SETUP traffic.
 */
public final class Handshake {
    private static final int MAX_BYTES = 1 << 20;

    private Handshake() {}

    /** Returns the agreed parameters (with FROM_PEER fields filled from the peer). */
    public static SessionParams run(Channel peer, int myParty, SessionParams mine) {
        Phase old = peer.setPhase(Phase.SETUP);
        try {
            byte[] b = mine.encode();
            peer.sendLongs(new long[] {b.length});
            peer.sendBytes(b);
            peer.flush();
            long len = peer.receiveLongs(1)[0];
            if (len < 0 || len > MAX_BYTES) {
                throw new SessionMismatchException(peer.peerName() + " sent a malformed handshake (" + len + " bytes): is it a polympc party?");
            }
            SessionParams theirs = SessionParams.decode(peer.receiveBytes((int) len));
            return agree(mine, theirs, myParty, peer.peerName());
        } finally {
            peer.setPhase(old);
        }
    }

    static SessionParams agree(SessionParams mine, SessionParams theirs, int myParty, String peerName) {
        String v0 = mine.get("version"), v1 = theirs.get("version");
        if (!java.util.Objects.equals(v0, v1)) {
            throw new SessionMismatchException("session mismatch with " + peerName + ": protocol version is '" + v0
                    + "' here and '" + v1 + "' there");
        }
        Set<String> keys = new LinkedHashSet<>(mine.asMap().keySet());
        keys.addAll(theirs.asMap().keySet());
        SessionParams agreed = new SessionParams();
        for (String k : keys) {
            String a = mine.get(k), b = theirs.get(k);
            String value;
            if (SessionParams.FROM_PEER.equals(a) && b != null) value = b;
            else if (SessionParams.FROM_PEER.equals(b) && a != null) value = a;
            else if (a != null && a.equals(b)) value = a;
            else {
                String p0 = myParty == 0 ? a : b, p1 = myParty == 0 ? b : a;
                throw new SessionMismatchException("session mismatch with " + peerName + ": '" + k + "' is "
                        + show(p0) + " at party 0 and " + show(p1) + " at party 1");
            }
            agreed.put(k, value);
        }
        return agreed;
    }

    private static String show(String v) {
        return v == null ? "missing" : "'" + v + "'";
    }
}
