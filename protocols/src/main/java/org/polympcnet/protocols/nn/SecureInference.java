package org.polympcnet.protocols.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.ops.AvgPool;
import org.polympcnet.protocols.ops.Conv2d;
import org.polympcnet.protocols.ops.MatMul;
import org.polympcnet.protocols.ops.MaxPool;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.ReluProtocol;
import org.polympcnet.protocols.ops.Sharing;

/**
 * Secure inference of a whole network between party 0 (server: holds the weights) and party 1
 * (client: holds the images, alone learns the logits). Each batch runs in three phases:
 * the client secret-shares its preprocessed images (IO); both parties prepare every layer's op,
 * fetching its correlations (OFFLINE); then the layers run in order (ONLINE) and the logits are
 * revealed to the client (IO). The server's weights enter as its share, the client's share being
 * zero, so the client sees weights only masked by fresh Beaver-triple randomness.
 * Per-layer time, bytes and rounds accumulate in {@link #layerCosts()}.
 */
public final class SecureInference {
    /** Accumulated cost of one layer, from this party's channels. */
    public static final class LayerCost {
        public final String layer, type;
        public long onlineNanos, onlineBytesSent, onlineBytesReceived, onlineRounds, offlineBytes, offlineNanos;
        public long elements;

        LayerCost(String layer, String type) {
            this.layer = layer;
            this.type = type;
        }
    }

    private final Party party;
    private final Model model;
    private final ReluProtocol relu;
    private final Map<String, long[]> weights = new HashMap<>();
    private final Map<String, LayerCost> costs = new LinkedHashMap<>();

    public SecureInference(Party p, Model model) {
        this(p, model, ReluProtocol.GMW);
    }

    /**
     * relu: how ReLU layers and max pool's comparisons are computed; both parties must pass the
     * same (the cli's session handshake checks it).
     */
    public SecureInference(Party p, Model model, ReluProtocol relu) {
        this.relu = java.util.Objects.requireNonNull(relu, "relu protocol");
        if (p.id == 0 && !model.hasWeights()) throw new IllegalArgumentException("the server (party 0) needs the weights of " + model.name);
        this.party = p;
        this.model = model;
        for (String t : model.tensorNames()) {
            int size = (int) Model.size(model.tensorShapes().get(t));
            long[] share = new long[size];
            if (p.id == 0) {
                float[] w = model.tensor(t);
                for (int i = 0; i < size; i++) share[i] = p.fp.encode(w[i]);
            }
            weights.put(t, share);
        }
        for (Layer l : model.layers) costs.put(l.name(), new LayerCost(l.name(), describe(l)));
    }

    /**
     * Runs one batch of b images. The client passes its preprocessed images at f fractional bits,
     * [b, C, H, W]; the server passes null. Returns the logits [b, classes] at f bits to the
     * client, null to the server.
     */
    public long[] infer(long[] images, int b) {
        int inSize = (int) Model.size(model.input);
        Phase old = party.peer.setPhase(Phase.IO);
        long[] x = Sharing.share(party, 1, images, b * inSize);

        // Offline: every layer's correlations for this batch.
        List<Object> ops = new ArrayList<>();
        for (int i = 0; i < model.layers.size(); i++) {
            Layer l = model.layers.get(i);
            long t0 = System.nanoTime(), o0 = offlineBytes();
            ops.add(prepare(l, model.shape(model.inputsOf(i).get(0)), b));
            LayerCost c = costs.get(l.name());
            c.offlineNanos += System.nanoTime() - t0;
            c.offlineBytes += offlineBytes() - o0;
        }

        // Online: the layers in order.
        party.peer.setPhase(Phase.ONLINE);
        Map<String, long[]> acts = new HashMap<>();
        acts.put(Model.INPUT, x);
        for (int i = 0; i < model.layers.size(); i++) {
            Layer l = model.layers.get(i);
            CommStats before = party.peer.stats();
            long t0 = System.nanoTime();
            long[] y = run(l, ops.get(i), acts.get(model.inputsOf(i).get(0)), i, acts, b);
            LayerCost c = costs.get(l.name());
            c.onlineNanos += System.nanoTime() - t0;
            CommStats d = party.peer.stats().minus(before);
            c.onlineBytesSent += d.sent(Phase.ONLINE);
            c.onlineBytesReceived += d.received(Phase.ONLINE);
            c.onlineRounds += d.rounds(Phase.ONLINE);
            c.elements += y.length;
            acts.put(l.name(), y);
            // Free what no later layer reads: memory stays bounded by the widest residual span.
            if (!neededLater(model.inputsOf(i).get(0), i)) acts.remove(model.inputsOf(i).get(0));
        }
        party.peer.setPhase(Phase.IO);
        long[] logits = Sharing.reveal(party, 1, acts.get(model.layers.get(model.layers.size() - 1).name()));
        party.peer.setPhase(old);
        return logits;
    }

    private boolean neededLater(String name, int after) {
        for (int j = after + 1; j < model.layers.size(); j++) if (model.inputsOf(j).contains(name)) return true;
        return false;
    }

    private long offlineBytes() {
        CommStats link = party.correlations.linkStats(), peer = party.peer.stats();
        return link.sent(Phase.OFFLINE) + link.received(Phase.OFFLINE) + peer.sent(Phase.OFFLINE) + peer.received(Phase.OFFLINE);
    }

    private Object prepare(Layer l, int[] in, int b) {
        if (l instanceof Layer.Conv2d c) {
            return new Conv2d(party, b, c.in(), in[1], in[2], c.out(), c.kernel(), c.kernel(), c.stride(), c.pad());
        } else if (l instanceof Layer.Linear f) {
            return new MatMul(party, f.out(), f.in(), b);
        } else if (l instanceof Layer.Act a) {
            int n = (int) (b * Model.size(in));
            return a.isRelu() ? relu.prepare(party, n) : new PolyActivation(party, n, a.coeffs()[0], a.coeffs()[1], a.coeffs()[2]);
        } else if (l instanceof Layer.Pool p) {
            return p.kind().equals("max") ? new MaxPool(party, relu, b, in[0], in[1], in[2], p.kernel(), p.stride())
                                          : new AvgPool(party, b, in[0], in[1], in[2], p.kernel(), p.stride());
        }
        return null; // add and flatten are local
    }

    private long[] run(Layer l, Object op, long[] x, int index, Map<String, long[]> acts, int b) {
        if (l instanceof Layer.Conv2d c) {
            return ((Conv2d) op).apply(x, weights.get(c.weight()), weights.get(c.bias()));
        } else if (l instanceof Layer.Linear f) {
            // Images are rows [b, in]; the product wants columns [in, b], and gives [out, b].
            long[] cols = transpose(x, b, f.in());
            long[] y = transpose(((MatMul) op).apply(weights.get(f.weight()), cols), f.out(), b);
            long[] bias = weights.get(f.bias());
            for (int i = 0; i < b; i++) for (int o = 0; o < f.out(); o++) y[i * f.out() + o] += bias[o];
            return y;
        } else if (l instanceof Layer.Act) {
            return op instanceof PolyActivation poly ? poly.apply(x) : ((ReluProtocol.Gate) op).apply(x);
        } else if (l instanceof Layer.Pool) {
            return op instanceof MaxPool m ? m.apply(x) : ((AvgPool) op).apply(x);
        } else if (l instanceof Layer.Add) {
            long[] z = acts.get(model.inputsOf(index).get(1));
            long[] y = new long[x.length];
            for (int i = 0; i < y.length; i++) y[i] = x[i] + z[i];
            return y;
        }
        return x; // flatten: [b, C, H, W] is already [b, C*H*W] in memory
    }

    private static long[] transpose(long[] a, int rows, int cols) {
        long[] t = new long[a.length];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
        return t;
    }

    private static String describe(Layer l) {
        if (l instanceof Layer.Act a) return "act:" + a.kind();
        if (l instanceof Layer.Pool p) return "pool:" + p.kind();
        return l.type();
    }

    public List<LayerCost> layerCosts() {
        return new ArrayList<>(costs.values());
    }
}
