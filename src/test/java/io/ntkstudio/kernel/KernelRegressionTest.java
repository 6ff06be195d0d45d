package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.data.Samples;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Readout;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Ridgeless kernel regression against a dense solve, and the pooling lesson's numbers: on 150
 * digits kernel regression with the CNTK after global average pooling beats the one after flatten,
 * which does no better than the dense NTK (Novak et al. 2019).
 */
class KernelRegressionTest {
    @Test
    void predictionsAreTheCrossKernelTimesTheSolvedTargets() {
        int n = 12;
        int m = 5;
        double[] x = ConvKernelTest.images(n, 3, 4);
        double[] t = ConvKernelTest.images(m, 3, 5);
        AnalyticKernel k = new AnalyticKernel(Activation.TANH, 2, 1.3, 0.2);
        double[] train = k.ntk(x, n, x, n, 9);
        double[] cross = k.ntk(t, m, x, n, 9);
        double[] y = ConvKernelTest.images(n, 1, 6);
        double[] y3 = new double[3 * n];
        for (int i = 0; i < y3.length; i++) {
            y3[i] = y[i % n] * (1 + i % 3);
        }
        DMatrixRMaj alpha = new DMatrixRMaj(n, 3);
        CommonOps_DDRM.solve(new DMatrixRMaj(n, n, true, train), new DMatrixRMaj(n, 3, true, y3), alpha);
        DMatrixRMaj expected = new DMatrixRMaj(m, 3);
        CommonOps_DDRM.mult(new DMatrixRMaj(m, n, true, cross), alpha, expected);
        double[] got = KernelRegression.predict(train, cross, y3, n, 3);
        for (int i = 0; i < m * 3; i++) {
            assertEquals(expected.data[i], got[i], 1e-8 * (1 + Math.abs(expected.data[i])), "prediction " + i);
        }
        // on the train points it interpolates
        double[] back = KernelRegression.predict(train, train, y3, n, 3);
        for (int i = 0; i < n * 3; i++) {
            assertEquals(y3[i], back[i], 1e-8, "train target " + i);
        }
    }

    @Test
    void onDigitsPoolingHelpsAndFlattenDoesNoBetterThanDense() {
        Dataset d = DataSources.build(new DataSpec("digits", 150, 150, "", 0, 0, 0, null, null), Path.of("."));
        Samples train = d.train();
        Samples test = d.test();
        double[] x = train.copyInputs();
        double[] t = test.copyInputs();
        AnalyticKernel dense = new AnalyticKernel(Activation.RELU, 3, Math.sqrt(2), 0.1);
        assertEquals(0.947, accuracy(dense.ntk(x, 150, x, 150, 64), dense.ntk(t, 150, x, 150, 64), train, test), 0.003, "dense NTK");
        for (Readout r : Readout.values()) {
            ConvKernel k = new ConvKernel(Activation.RELU, 3, Math.sqrt(2), 0.1, r);
            double acc = accuracy(k.compute(x, 150, x, 150, 64).ntk(), k.compute(t, 150, x, 150, 64).ntk(), train, test);
            assertEquals(r == Readout.GAP ? 0.973 : 0.947, acc, 0.003, "CNTK with " + r.id());
        }
    }

    private static double accuracy(double[] k, double[] cross, Samples train, Samples test) {
        return test.accuracy(KernelRegression.predict(k, cross, train.copyTargets(), train.count(), train.classes()));
    }
}
