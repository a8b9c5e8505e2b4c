package org.polympcnet.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The graph's batch norm: training-mode values and gradients through the batch statistics. */
class BatchNormTest {
    @Test
    void gradientsThroughBatchStatisticsMatchFiniteDifferences() {
        Random rnd = new Random(5);
        int n = 2, c = 3, hw = 4;
        double[] x = new double[n * c * hw], r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian() * 2 + 1;
            r[i] = rnd.nextGaussian();
        }
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("x", Nd4j.createFromArray(x).reshape(n, c, 2, 2));
        SDVariable train = sd.placeHolder("train", DataType.DOUBLE);
        SDVariable y = BatchNorm.apply(sd, "bn", in, c, train);
        y.mul(sd.constant("r", Nd4j.createFromArray(r).reshape(n, c, 2, 2))).sum("loss");
        sd.setLossVariables("loss");
        sd.getArrForVarName(BatchNorm.gamma("bn")).assign(Nd4j.createFromArray(0.5, 1.5, -1.0));
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("train", Nd4j.scalar(1.0));
        feed.put(BatchNorm.runningMean("bn"), Nd4j.zeros(DataType.DOUBLE, c));
        feed.put(BatchNorm.runningVar("bn"), Nd4j.ones(DataType.DOUBLE, c));
        // Training mode: each channel of y has mean beta (0) over the batch.
        INDArray out = sd.output(feed, y.name()).get(y.name());
        for (int ch = 0; ch < c; ch++) assertEquals(0, out.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(ch)).meanNumber().doubleValue(), 1e-12);
        List<String> vars = List.of("x", BatchNorm.gamma("bn"), BatchNorm.beta("bn"));
        Map<String, INDArray> g = sd.calculateGradients(feed, vars);
        double h = 1e-6;
        for (String v : vars) {
            INDArray p = sd.getArrForVarName(v);
            for (int i = 0; i < p.length(); i++) {
                double old = p.getDouble(i);
                p.putScalar(i, old + h);
                double up = sd.output(feed, "loss").get("loss").getDouble(0);
                p.putScalar(i, old - h);
                double down = sd.output(feed, "loss").get("loss").getDouble(0);
                p.putScalar(i, old);
                double fd = (up - down) / (2 * h);
                assertEquals(fd, g.get(v).getDouble(i), 1e-5 * Math.max(1, Math.abs(fd)), v + "[" + i + "]");
            }
        }
    }
}
