package org.polympcnet.protocols.correlation.ot;

import java.security.SecureRandom;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.ot.ChouOrlandi;
import org.polympcnet.protocols.ot.IknpReceiver;
import org.polympcnet.protocols.ot.Kk13;
import org.polympcnet.protocols.ot.Kk13Receiver;
import org.polympcnet.protocols.ot.Kk13Sender;
import org.polympcnet.protocols.ot.OtReceiver;
import org.polympcnet.protocols.ot.OtSender;

/**
 * Cross products by oblivious transfer, the building blocks of dealer-free correlations: a value
 * one party holds times a value the other holds, as additive (or XOR) shares. Each party runs an
 * OT sender and an OT receiver against the other's (two IKNP instances, 2 x 128 base OTs at
 * setup), and a KK13 1-out-of-N sender and receiver likewise (each seeded by 256 IKNP random OTs at
 * setup); the `iSend` flag says which side of the pair this call uses, and the two parties pass
 * opposite flags.
 */
final class OtCross {
    private final OtSender sender;
    private final OtReceiver receiver;
    private final Kk13Sender kkSender;
    private final Kk13Receiver kkReceiver;

    OtCross(int party, Channel peer, SecureRandom rnd) {
        // Party 0's sender pairs with party 1's receiver, then the other way round.
        if (party == 0) {
            sender = new OtSender(peer, rnd);
            receiver = new OtReceiver(peer, rnd);
        } else {
            receiver = new OtReceiver(peer, rnd);
            sender = new OtSender(peer, rnd);
        }
        // KK13 with party 0 sending, then with party 1 sending; the KK13 sender is the IKNP receiver.
        // Each direction hashes under its own instance byte, so no two pads of a session share an input.
        if (party == 0) {
            kkSender = Kk13Sender.bootstrap(receiver, rnd, Kk13.instanceOf(party));
            kkReceiver = Kk13Receiver.bootstrap(sender, Kk13.instanceOf(1 - party));
        } else {
            kkReceiver = Kk13Receiver.bootstrap(sender, Kk13.instanceOf(1 - party));
            kkSender = Kk13Sender.bootstrap(receiver, rnd, Kk13.instanceOf(party));
        }
    }

    /**
     * Bytes each party sends at setup: 128 Chou-Orlandi OTs as sender and 128 as receiver, then
     * 256 IKNP random OTs as receiver (the base of the KK13 instance in which it sends).
     */
    static long setupBytesPerParty() {
        return ChouOrlandi.senderBytes(BASE_OTS) + ChouOrlandi.receiverBytes(BASE_OTS) + IknpReceiver.bytes(Kk13.COLUMNS);
    }

    /** Base OTs of each IKNP instance: kappa. */
    private static final int BASE_OTS = 128;

    /** Random 1-out-of-2^logN OTs on w words of lanes, this party sending: pads of index k, bit b at dst[dOff + (k msgBits + b) w + x]. */
    void oneOfNSend(int logN, int w, int msgBits, long[] dst, int dOff) {
        kkSender.send(logN, w, msgBits, dst, dOff, w);
    }

    /** The receiving side: choice bit t of lane x at choice[cOff + t w + x]; its pad bit b at dst[dOff + b w + x]. */
    void oneOfNReceive(long[] choice, int cOff, int logN, int w, int msgBits, long[] dst, int dOff) {
        kkReceiver.receive(choice, cOff, w, logN, w, msgBits, dst, dOff, w);
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
     * c = p0 ^ p1 ^ x; the receiver's share is p_y ^ (y AND c), the sender's p0. Runs in batches of
     * {@link #AND_CHUNK_WORDS} words, so that memory stays bounded (the GMW carry tree asks for 63
     * planes of n lanes at once); batches are whole words, so the bytes are those of one batch.
     */
    long[] and(long[] words, boolean iSend) {
        long[] share = new long[words.length];
        for (int w0 = 0; w0 < words.length; w0 += AND_CHUNK_WORDS) {
            int len = Math.min(AND_CHUNK_WORDS, words.length - w0), lanes = 64 * len;
            long[] part = java.util.Arrays.copyOfRange(words, w0, w0 + len);
            if (iSend) {
                long[][] pads = sender.random(lanes, 1);
                long[] p0 = lowBits(pads[0], len), p1 = lowBits(pads[1], len);
                long[] c = new long[len];
                for (int k = 0; k < len; k++) c[k] = p0[k] ^ p1[k] ^ part[k];
                sender.channel().sendLongs(c);
                sender.channel().flush();
                System.arraycopy(p0, 0, share, w0, len);
            } else {
                long[] py = lowBits(receiver.random(part, lanes, 1), len);
                long[] c = receiver.channel().receiveLongs(len);
                for (int k = 0; k < len; k++) share[w0 + k] = py[k] ^ (part[k] & c[k]);
            }
        }
        return share;
    }

    /** Words (of 64 lanes) per batch of {@link #and}: 2^15 lanes, about 1 MiB of OT rows. */
    static final int AND_CHUNK_WORDS = 512;

    /** Packs the low bit of each 64-bit pad into words. */
    private static long[] lowBits(long[] pads, int words) {
        long[] r = new long[words];
        for (int i = 0; i < pads.length; i++) r[i >>> 6] |= (pads[i] & 1L) << (i & 63);
        return r;
    }

}
