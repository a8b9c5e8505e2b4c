package org.polympcnet.protocols.session;

/** How the parties of an in-process run talk: queues in memory, or real sockets on loopback. */
public enum Transport {
    MEMORY, TCP;

    public static Transport parse(String s) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "memory": return MEMORY;
            case "tcp": return TCP;
            default: throw new IllegalArgumentException("unknown transport '" + s + "': use memory or tcp");
        }
    }
}
