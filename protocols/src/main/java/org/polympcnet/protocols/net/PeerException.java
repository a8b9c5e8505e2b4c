package org.polympcnet.protocols.net;

/** The peer at the other end of a channel disconnected, stalled past the timeout, or broke protocol. */
public class PeerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PeerException(String message) {
        super(message);
    }

    public PeerException(String message, Throwable cause) {
        super(message, cause);
    }
}
