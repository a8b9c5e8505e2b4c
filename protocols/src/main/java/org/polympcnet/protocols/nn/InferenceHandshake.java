package org.polympcnet.protocols.nn;

import java.util.Arrays;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.session.SessionMismatchException;

/**
 * The model part of the secure-inference handshake (after the session handshake). The server
 * shows the client the architecture it must run, model.json without weights, stating the sha256
 * of weights.bin; the client learns the shape of the network and nothing of its weights. A client
 * that has its own copy of model.json checks that both agree, so that a mismatched model ends both
 * parties with one clear error. SETUP traffic.
 */
public final class InferenceHandshake {
    private static final int MAX_BYTES = 16 << 20;

    private InferenceHandshake() {}

    /** Server: sends the architecture and hash, then waits for the client's verdict. */
    public static void offer(Channel peer, Model model, String weightsSha256) {
        Phase old = peer.setPhase(Phase.SETUP);
        try {
            byte[] json = ModelFile.architectureJson(model, weightsSha256);
            peer.sendLongs(new long[] {json.length});
            peer.sendBytes(json);
            peer.flush();
            long verdict = peer.receiveLongs(1)[0];
            if (verdict != 0) {
                int len = (int) Math.min(verdict, 1 << 16);
                throw new SessionMismatchException(new String(peer.receiveBytes(len), java.nio.charset.StandardCharsets.UTF_8));
            }
        } finally {
            peer.setPhase(old);
        }
    }

    /**
     * Client: receives the architecture; with `expected` (its own model.json, or null) checks the
     * hash and every layer. Returns the model without weights.
     */
    public static Model accept(Channel peer, Model expected, String expectedSha256) {
        Phase old = peer.setPhase(Phase.SETUP);
        try {
            long len = peer.receiveLongs(1)[0];
            if (len <= 0 || len > MAX_BYTES) throw new SessionMismatchException(peer.peerName() + " sent a malformed model description (" + len + " bytes)");
            byte[] json = peer.receiveBytes((int) len);
            String problem = null;
            Model m = null;
            try {
                m = ModelFile.fromArchitecture(json, "model from " + peer.peerName());
                String sha = ModelFile.statedSha256(json, "model from " + peer.peerName());
                if (expected != null) problem = compare(expected, expectedSha256, m, sha, peer.peerName());
            } catch (ModelFormatException e) {
                problem = e.getMessage();
            }
            byte[] msg = problem == null ? new byte[0] : problem.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            peer.sendLongs(new long[] {msg.length});
            if (msg.length > 0) peer.sendBytes(msg);
            peer.flush();
            if (problem != null) throw new SessionMismatchException(problem);
            return m;
        } finally {
            peer.setPhase(old);
        }
    }

    private static String compare(Model mine, String mySha, Model theirs, String theirSha, String peer) {
        if (mySha != null && !mySha.equalsIgnoreCase(theirSha)) {
            return "model mismatch with " + peer + ": weights.bin sha256 is " + theirSha + " at the server and " + mySha + " at the client";
        }
        if (!Arrays.equals(mine.input, theirs.input) || mine.classes != theirs.classes) {
            return "model mismatch with " + peer + ": input " + Arrays.toString(theirs.input) + " with " + theirs.classes
                    + " classes at the server, " + Arrays.toString(mine.input) + " with " + mine.classes + " at the client";
        }
        if (mine.layers.size() != theirs.layers.size()) {
            return "model mismatch with " + peer + ": " + theirs.layers.size() + " layers at the server, " + mine.layers.size() + " at the client";
        }
        for (int i = 0; i < mine.layers.size(); i++) {
            Layer a = mine.layers.get(i), b = theirs.layers.get(i);
            if (!describe(a).equals(describe(b))) {
                return "model mismatch with " + peer + ": layer " + i + " is " + describe(b) + " at the server and " + describe(a) + " at the client";
            }
        }
        return null;
    }

    /** A layer's public description, short and comparable (records compare arrays by reference). */
    private static String describe(Layer l) {
        String in = l.inputs().isEmpty() ? "" : " <- " + String.join(", ", l.inputs());
        if (l instanceof Layer.Conv2d c) {
            return c.name() + ": conv2d " + c.in() + "->" + c.out() + " k" + c.kernel() + " s" + c.stride() + " p" + c.pad() + in;
        } else if (l instanceof Layer.Linear f) {
            return f.name() + ": linear " + f.in() + "->" + f.out() + in;
        } else if (l instanceof Layer.Act a) {
            return a.name() + ": act " + a.kind() + (a.coeffs() == null ? "" : " " + Arrays.toString(a.coeffs())) + in;
        } else if (l instanceof Layer.Pool p) {
            return p.name() + ": pool " + p.kind() + " k" + p.kernel() + " s" + p.stride() + in;
        }
        return l.name() + ": " + l.type() + in;
    }
}
