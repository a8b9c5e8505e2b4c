package org.polympcnet.perfmodel.cost;

/**
 * The costs of one secure comparison protocol: DReLU (the sign bit, shared) and the 2P-ReLU built
 * on it (DReLU, then the multiplexer, with whatever the protocol fuses into its flights). One
 * implementation per protocol, registered in {@link ComparisonProtocols}; everything that costs a
 * ReLU or a max pool (single ops, {@link LayerCosts}, the latency table) takes one, so adding a
 * protocol (the millionaires' protocol, FSS) is one class plus one registry line, and its tests
 * hold it to the channels like {@code OpCostTest} does for the GMW carry tree.
 */
public interface ComparisonCosts {
    /** The protocol, as {@code polympc op --protocol} and its stats name it (e.g. "gmw-carry-tree"). */
    String protocol();

    /** DReLU of n elements: a boolean share of (x >= 0). */
    OpCost drelu(int n);

    /** 2P-ReLU of n elements: DReLU and the multiplexer. */
    OpCost relu(int n);
}
