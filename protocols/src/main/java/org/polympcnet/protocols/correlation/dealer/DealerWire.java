package org.polympcnet.protocols.correlation.dealer;

import java.nio.charset.StandardCharsets;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.net.PeerException;

/** The small fixed messages between a party and the dealer: hello, status. */
final class DealerWire {
    static final long MAGIC = 0x504f4c594445414cL; // "POLYDEAL"
    static final long VERSION = 1;
    static final long OK = 0, ERROR = 1;
    /** A hello is magic, version and party; a status is its code and an error message's length. */
    static final int HELLO_WORDS = 3, STATUS_WORDS = 2;

    private DealerWire() {}

    static void sendStatus(Channel c, String errorOrNull) {
        if (errorOrNull == null) {
            c.sendLongs(new long[] {OK, 0});
        } else {
            byte[] msg = errorOrNull.getBytes(StandardCharsets.UTF_8);
            c.sendLongs(new long[] {ERROR, msg.length});
            c.sendBytes(msg);
        }
        c.flush();
    }

    static void receiveStatus(Channel c) {
        long[] s = c.receiveLongs(STATUS_WORDS);
        if (s[0] == OK) return;
        if (s[0] != ERROR || s[1] < 0 || s[1] > 1 << 16) throw new PeerException("malformed status from " + c.peerName());
        String msg = new String(c.receiveBytes((int) s[1]), StandardCharsets.UTF_8);
        throw new PeerException(c.peerName() + " refused: " + msg);
    }
}
