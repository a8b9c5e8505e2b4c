package org.polympcnet.protocols.session;

/** The two parties (or a party and the dealer) disagree on a session parameter. */
public class SessionMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SessionMismatchException(String message) {
        super(message);
    }
}
