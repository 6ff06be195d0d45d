package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KernelMetricsTest {
    @Test
    void distancesOfKnownMatrices() {
        double[] a = {2, 1, 1, 2};
        double[] b = {4, 2, 2, 4};
        assertEquals(0.0, KernelMetrics.kernelDistance(a, b), 1e-15, "Fort distance ignores scale");
        assertEquals(0.5, KernelMetrics.relativeDistance(a, b), 1e-15);
        assertEquals(Math.sqrt(10), KernelMetrics.frobenius(a), 1e-15);
        assertEquals(1.0, KernelMetrics.kernelDistance(new double[] {1, 0, 0, 0}, new double[] {0, 0, 0, 1}), 1e-15);
    }

    @Test
    void alignmentIsOneForTheTargetsOuterProduct() {
        double[] y = {1, -2, 0.5};
        double[] k = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                k[i * 3 + j] = y[i] * y[j];
            }
        }
        assertEquals(1.0, KernelMetrics.alignment(k, y), 1e-15);
        assertEquals(1.0 / Math.sqrt(3), KernelMetrics.alignment(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[] {1, 1, 1}), 1e-15);
    }

    @Test
    void lossAndStableRate() {
        assertEquals((1 + 4) / 4.0, KernelMetrics.halfMse(new double[] {1, 2}, new double[] {0, 0}), 1e-15);
        assertEquals(4.0, KernelMetrics.largestStableLearningRate(10, 5), 1e-15);
    }
}
