package org.polympcnet.perfmodel.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.polympcnet.perfmodel.cost.LayerCosts;
import org.polympcnet.perfmodel.cost.OpCost;
import org.polympcnet.protocols.nn.Layer;
import org.polympcnet.protocols.nn.Model;

/**
 * What the scheduler runs: the layers of a network (or one op), each with its whole cost, the
 * layers it reads, and how to cut it into tiles. Element-wise layers (activations, add) are cut
 * into exact ops of the tile's size ({@code atSize}), so that tile t of one may follow tile t of
 * its input; other layers into proportional portions of their whole cost
 * ({@link OpCost#portion}), which wait for all of their inputs.
 */
public record Workload(String name, List<Item> items) {
    /**
     * One layer.
     *
     * @param atSize the exact cost of this layer on n elements, for element-wise layers; null otherwise
     */
    public record Item(String name, String type, OpCost whole, IntFunction<OpCost> atSize, List<String> inputs) {
        public Item {
            inputs = List.copyOf(inputs);
        }

        public boolean elementwise() {
            return atSize != null;
        }

        /** Tiles of at most `size` elements in order (the last may be smaller); the whole op if size <= 0. */
        public List<OpCost> tiles(long size) {
            long n = whole.elements();
            if (size <= 0 || n <= size || whole.steps().isEmpty()) return List.of(whole);
            List<OpCost> out = new ArrayList<>();
            for (long from = 0; from < n; from += size) {
                long to = Math.min(n, from + size);
                out.add(atSize != null ? atSize.apply((int) (to - from)) : whole.portion(from, to));
            }
            return out;
        }
    }

    public Workload {
        items = List.copyOf(items);
    }

    /** A network's layers as secure inference runs them. */
    public static Workload ofModel(LayerCosts costs) {
        Model m = costs.model();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < m.layers.size(); i++) {
            Layer l = m.layers.get(i);
            List<String> inputs = new ArrayList<>();
            for (String s : m.inputsOf(i)) if (!s.equals(Model.INPUT)) inputs.add(s);
            IntFunction<OpCost> atSize = null;
            if (l instanceof Layer.Act a) {
                String kind = a.isRelu() ? "relu" : "poly";
                atSize = n -> costs.activation(kind, n);
            } else if (l instanceof Layer.Add) {
                atSize = costs::add;
            }
            items.add(new Item(l.name(), describe(l), costs.of(i), atSize, inputs));
        }
        return new Workload(m.name, items);
    }

    /** One op alone; element-wise if atSize is given. */
    public static Workload ofOp(String name, OpCost whole, IntFunction<OpCost> atSize) {
        return new Workload(name, List.of(new Item(name, whole.op(), whole, atSize, List.of())));
    }

    static String describe(Layer l) {
        if (l instanceof Layer.Act a) return "act:" + a.kind();
        if (l instanceof Layer.Pool p) return "pool:" + p.kind();
        return l.type();
    }
}
