package org.polympcnet.protocols.net;

/**
 * What a message is for, so counts can be split. SETUP is the session handshake; OFFLINE the
 * correlated randomness (dealer traffic, or OT in dealer-free mode); ONLINE the op itself; IO the
 * sharing of inputs and the reveal of outputs around it.
 */
public enum Phase {
    SETUP, OFFLINE, ONLINE, IO;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
