package org.polympcnet.models.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/** Max and average pools over kernel x kernel windows, no padding, NCHW: the model format's pool. */
final class Pools {
    private Pools() {}

    static SDVariable max(SameDiff sd, SDVariable x, int kernel, int stride) {
        return sd.cnn().maxPooling2d(x, config(kernel, stride, Pooling2D.Pooling2DType.MAX));
    }

    static SDVariable avg(SameDiff sd, SDVariable x, int kernel, int stride) {
        return sd.cnn().avgPooling2d(x, config(kernel, stride, Pooling2D.Pooling2DType.AVG));
    }

    private static Pooling2DConfig config(int kernel, int stride, Pooling2D.Pooling2DType type) {
        return Pooling2DConfig.builder().kH(kernel).kW(kernel).sH(stride).sW(stride).pH(0).pW(0).dH(1).dW(1)
                .type(type).isNHWC(false).build();
    }
}
