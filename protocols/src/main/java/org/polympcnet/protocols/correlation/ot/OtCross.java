package org.polympcnet.protocols.correlation.ot;

import java.security.SecureRandom;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.ot.OtReceiver;
import org.polympcnet.protocols.ot.OtSender;

/**
 * Cross products by oblivious transfer, the building blocks of dealer-free correlations: a value
 * one party holds times a value the other holds, as additive (or XOR) shares. Each party runs an
 * OT sender and an OT receiver against the other's (two IKNP instances, 2 x 128 base OTs at
 * setup); the `iSend` flag says which side of the pair this call uses, and the two parties pass
 * opposite flags.
 */
final class OtCross {
    private final OtSender sender;
    private final OtReceiver receiver;

    OtCross(int party, Channel peer, SecureRandom rnd) {
        // Party 0's sender pairs with party 1's receiver, then the other way round.
        if (party == 0) {
            sender = new OtSender(peer, rnd);
            receiver = new OtReceiver(peer, rnd);
        } else {
            receiver = new OtReceiver(peer, rnd);
            sender = new OtSender(peer, rnd);
        }
    }

    /**
     * Gilboa's product: shares of a * b over Z_2^64 for a held by the sender and b by the receiver,
     * element by element. 64 correlated OTs an element (choice = bit j of b, delta = a * 2^j):
     * the receiver sends 64 x 16 bytes of IKNP columns, the sender 64 x 8 bytes of corrections.
     */
    long[] mul(long[] mine, boolean iSend) {
        int n = mine.length;
        long[] share = new long[n];
        if (iSend) {
            long[] delta = new long[64 * n];
            for (int i = 0; i < n; i++) for (int j = 0; j < 64; j++) delta[64 * i + j] = mine[i] << j;
            long[] x = sender.correlated(delta);
            for (int i = 0; i < n; i++) {
                long s = 0;
                for (int j = 0; j < 64; j++) s -= x[64 * i + j];
                share[i] = s;
            }
        } else {
            // The 64 bits of b_i are exactly the choice bits of OTs 64i .. 64i + 63.
            long[] z = receiver.correlated(mine, 64 * n);
            for (int i = 0; i < n; i++) {
                long s = 0;
                for (int j = 0; j < 64; j++) s += z[64 * i + j];
                share[i] = s;
            }
        }
        return share;
    }

    /**
     * Shares of bit * value over Z_2^64, the bit held by the receiver (lane i of bits) and the value
     * by the sender: one correlated OT an element.
     */
    long[] bitTimesRing(long[] bitsOrValues, int n, boolean iSend) {
        if (iSend) {
            long[] x = sender.correlated(java.util.Arrays.copyOf(bitsOrValues, n));
            for (int i = 0; i < n; i++) x[i] = -x[i];
            return x;
        }
        return receiver.correlated(bitsOrValues, n);
    }

    /**
     * XOR shares of x AND y, lane by lane over whole words (64 lanes a word), x held by the
     * sender and y by the receiver: a random OT per lane, then the sender's 1-bit correction
     * c = p0 ^ p1 ^ x; the receiver's share is p_y ^ (y AND c), the sender's p0.
     */
    long[] and(long[] words, boolean iSend) {
        int lanes = 64 * words.length;
        long[] share = new long[words.length];
        if (iSend) {
            long[][] pads = sender.random(lanes, 1);
            long[] p0 = lowBits(pads[0], words.length), p1 = lowBits(pads[1], words.length);
            long[] c = new long[words.length];
            for (int k = 0; k < c.length; k++) c[k] = p0[k] ^ p1[k] ^ words[k];
            sender.channel().sendLongs(c);
            sender.channel().flush();
            return p0;
        }
        long[] py = lowBits(receiver.random(words, lanes, 1), words.length);
        long[] c = receiver.channel().receiveLongs(words.length);
        for (int k = 0; k < share.length; k++) share[k] = py[k] ^ (words[k] & c[k]);
        return share;
    }

    /** Packs the low bit of each 64-bit pad into words. */
    private static long[] lowBits(long[] pads, int words) {
        long[] r = new long[words];
        for (int i = 0; i < pads.length; i++) r[i >>> 6] |= (pads[i] & 1L) << (i & 63);
        return r;
    }

    /** Random OT, this party sending: {pads for choice 0, pads for choice 1}, 128 bits each. */
    long[][] randomSend(int m) {
        return sender.random(m, 2);
    }

    /** Random OT, this party receiving with the given choice bits: the chosen pads, 128 bits each. */
    long[] randomReceive(long[] choices, int m) {
        return receiver.random(choices, m, 2);
    }
}
