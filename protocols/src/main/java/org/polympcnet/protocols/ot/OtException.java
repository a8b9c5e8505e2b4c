package org.polympcnet.protocols.ot;

/** The other party broke the OT protocol (an invalid curve point, say); names what was wrong. */
public class OtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OtException(String message) {
        super(message);
    }
}
