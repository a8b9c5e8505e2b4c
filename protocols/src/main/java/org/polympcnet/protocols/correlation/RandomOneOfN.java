package org.polympcnet.protocols.correlation;

import org.polympcnet.protocols.ring.BitSlice;

/**
 * Random 1-out-of-N OTs (N = 2^logN) with short messages, bit-sliced, `groups` of them per lane:
 * party 0 (the sender) holds N random pads of msgBits bits for each group and lane; party 1 (the
 * receiver) a random choice rho and the pad at rho. Online, a chosen-input OT then costs the
 * receiver logN bits (its input XOR rho) and the sender N * msgBits bits. Layout (planes of
 * W = words(n) words): sender pad (g, k, b) at plane (g * N + k) * msgBits + b; receiver choice
 * (g, t) at plane g * logN + t, receiver pad (g, b) at plane g * msgBits + b.
 */
public final class RandomOneOfN extends Correlation {
    public final int groups, logN, msgBits, n;
    /** Party 0 only: N pads per group. */
    public final long[] senderPads;
    /** Party 1 only: the choice rho (logN planes per group) and its pad (msgBits planes per group). */
    public final long[] choice, receiverPad;

    public RandomOneOfN(int groups, int logN, int msgBits, int n, long[] senderPads, long[] choice, long[] receiverPad) {
        int w = BitSlice.words(n);
        if (senderPads != null) requireLength("sender pads", senderPads, groups * (1 << logN) * msgBits * w);
        if (choice != null) requireLength("choice", choice, groups * logN * w);
        if (receiverPad != null) requireLength("receiver pad", receiverPad, groups * msgBits * w);
        this.groups = groups;
        this.logN = logN;
        this.msgBits = msgBits;
        this.n = n;
        this.senderPads = senderPads;
        this.choice = choice;
        this.receiverPad = receiverPad;
    }

    /** Lanes (bit mask per word) whose logN-bit value in planes[base + t] equals k. */
    public static long select(long[] planes, int base, int logN, int w, int word, int k) {
        long sel = -1L;
        for (int t = 0; t < logN; t++) {
            long c = planes[(base + t) * w + word];
            sel &= ((k >>> t) & 1) == 1 ? c : ~c;
        }
        return sel;
    }
}
