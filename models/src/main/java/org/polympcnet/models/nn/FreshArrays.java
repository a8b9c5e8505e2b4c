package org.polympcnet.models.nn;

import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A SameDiff session memory manager that gives every op a fresh array and frees an array's
 * native memory as soon as the session releases it.
 *
 * <p>Why: ND4J 1.0.0-M2.1's default, ArrayCacheMemoryMgr, recycles released arrays, and on a
 * second call of the same graph it handed out arrays whose contents were in another order than
 * their shape said (logits that changed between two calls on the same input). This is not the
 * caller holding on to session-owned results: with every result copied before the next call
 * ({@link Network#gradients}), the cnn's logits of one input still differ between the graph's
 * first and second call (0.596 vs 0.258 for NetworkTest's first logit; run it with
 * {@code -Dpolympc.nd4j.arrayCache=true} to see), while the speed of the probe CNN's training step
 * is the same with either manager (about 800 images per CPU-second, one OpenMP thread). Its NoOpMemoryMgr
 * allocates fresh arrays but never frees them, leaving native memory to the garbage collector,
 * which does not see it: a training run grew to 17 GB and was killed. Freeing on release keeps
 * both exactness and memory.
 */
final class FreshArrays extends AbstractMemoryMgr {
    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        return Nd4j.createUninitialized(dataType, shape);
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        return Nd4j.create(descriptor, false);
    }

    @Override
    public void release(INDArray array) {
        if (array != null && array.closeable()) array.close();
    }

    @Override
    public void close() {}
}
