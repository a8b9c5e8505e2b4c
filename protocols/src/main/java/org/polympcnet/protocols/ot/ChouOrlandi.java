package org.polympcnet.protocols.ot;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.polympcnet.protocols.net.Channel;

/**
 * Base OT: the "simplest OT" of Chou and Orlandi (Latincrypt 2015) on Curve25519 (Bouncy
 * Castle's Weierstrass model), semi-honest. The sender sends S = yG; the receiver with choice c
 * answers R = cS + xG; keys are k_c = H(xS) for the receiver and k_0 = H(yR), k_1 = H(yR - yS) for
 * the sender, H = SHA-256 over (index, S, R, point) cut to 128 bits. Each received point is
 * checked to be on the curve, in the prime-order subgroup and not of small order: an invalid point
 * ends the protocol with an {@link OtException}. Two flights: S, then all R.
 */
public final class ChouOrlandi {
    public static final int KEY_BYTES = 16;
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("curve25519");
    private static final int POINT_BYTES = 33;

    private ChouOrlandi() {}

    /** Sender side of count OTs: returns keys[i][0], keys[i][1] (16 bytes each). */
    public static byte[][][] send(Channel ch, int count, SecureRandom rnd) {
        BigInteger y = scalar(rnd);
        ECPoint s = CURVE.getG().multiply(y).normalize();
        byte[] sEnc = s.getEncoded(true);
        ch.sendBytes(sEnc);
        ch.flush();
        byte[] rs = ch.receiveBytes(count * POINT_BYTES);
        ECPoint t = s.multiply(y).normalize();
        byte[][][] keys = new byte[count][2][];
        for (int i = 0; i < count; i++) {
            byte[] rEnc = java.util.Arrays.copyOfRange(rs, i * POINT_BYTES, (i + 1) * POINT_BYTES);
            ECPoint r = decode(rEnc, ch.peerName(), "R[" + i + "]");
            ECPoint yr = r.multiply(y).normalize();
            keys[i][0] = hash(i, sEnc, rEnc, yr);
            keys[i][1] = hash(i, sEnc, rEnc, yr.subtract(t).normalize());
        }
        return keys;
    }

    /** Receiver side: returns the key of each chosen message. */
    public static byte[][] receive(Channel ch, boolean[] choices, SecureRandom rnd) {
        byte[] sEnc = ch.receiveBytes(POINT_BYTES);
        ECPoint s = decode(sEnc, ch.peerName(), "S");
        byte[] all = new byte[choices.length * POINT_BYTES];
        BigInteger[] xs = new BigInteger[choices.length];
        for (int i = 0; i < choices.length; i++) {
            xs[i] = scalar(rnd);
            ECPoint r = CURVE.getG().multiply(xs[i]);
            if (choices[i]) r = r.add(s);
            System.arraycopy(r.normalize().getEncoded(true), 0, all, i * POINT_BYTES, POINT_BYTES);
        }
        ch.sendBytes(all);
        ch.flush();
        byte[][] keys = new byte[choices.length][];
        for (int i = 0; i < choices.length; i++) {
            byte[] rEnc = java.util.Arrays.copyOfRange(all, i * POINT_BYTES, (i + 1) * POINT_BYTES);
            keys[i] = hash(i, sEnc, rEnc, s.multiply(xs[i]).normalize());
        }
        return keys;
    }

    /** Bytes each side sends for count OTs: the sender one point, the receiver count points. */
    public static long senderBytes(int count) {
        return POINT_BYTES;
    }

    public static long receiverBytes(int count) {
        return (long) count * POINT_BYTES;
    }

    private static BigInteger scalar(SecureRandom rnd) {
        return BigIntegers.createRandomInRange(BigInteger.ONE, CURVE.getN().subtract(BigInteger.ONE), rnd);
    }

    static ECPoint decode(byte[] enc, String peer, String what) {
        ECCurve c = CURVE.getCurve();
        ECPoint p;
        try {
            p = c.decodePoint(enc);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // Bouncy Castle's decoder checks the curve equation and, for cofactor 8, the subgroup.
            throw new OtException("base OT: point " + what + " from " + peer
                    + " is invalid: not on Curve25519 or not in its prime-order subgroup (" + e.getMessage() + ")");
        }
        if (p.isInfinity() || p.multiply(CURVE.getH()).isInfinity()) {
            throw new OtException("base OT: point " + what + " from " + peer + " has small order");
        }
        if (!p.multiply(CURVE.getN()).isInfinity()) {
            throw new OtException("base OT: point " + what + " from " + peer + " is outside the prime-order subgroup");
        }
        return p;
    }

    private static byte[] hash(int index, byte[] s, byte[] r, ECPoint p) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(ByteBuffer.allocate(4).putInt(index).array());
            d.update(s);
            d.update(r);
            d.update(p.getEncoded(true));
            return java.util.Arrays.copyOf(d.digest(), KEY_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
