package org.polympcnet.models.nn;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The search's pool gate: {@code y = p0 * maxpool(x) + p1 * avgpool(x)}, p = softmax(alpha). A
 * secure max pool is a tournament of ReLUs; an average pool is local sums and a truncation.
 */
public final class GatePool {
    private GatePool() {}

    public static SDVariable apply(SameDiff sd, String layer, SDVariable x, int kernel, int stride) {
        SDVariable p = GateAct.probabilities(sd, layer);
        SDVariable max = Pools.max(sd, x, kernel, stride);
        SDVariable avg = Pools.avg(sd, x, kernel, stride);
        return max.mul(p.get(SDIndex.point(0))).add(layer + "/gate", avg.mul(p.get(SDIndex.point(1))));
    }
}
