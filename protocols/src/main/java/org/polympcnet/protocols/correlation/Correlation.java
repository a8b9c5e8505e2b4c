package org.polympcnet.protocols.correlation;

/**
 * One party's share of a batch of correlated randomness. Used once: reusing a Beaver triple or a
 * mask reveals the difference of two secrets, so a second {@link #consume()} is refused.
 */
public abstract class Correlation {
    private boolean used;

    public final void consume() {
        if (used) {
            throw new IllegalStateException(getClass().getSimpleName() + " used twice: a correlation is used once");
        }
        used = true;
    }

    public final boolean isUsed() {
        return used;
    }

    protected static void requireLength(String what, long[] a, int len) {
        if (a.length != len) throw new IllegalArgumentException(what + " has " + a.length + " words, want " + len);
    }
}
