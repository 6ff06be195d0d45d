package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.model.Activation;
import io.ntkstudio.model.BatchedPass;
import io.ntkstudio.model.Network;
import io.ntkstudio.model.NetworkConfig;
import io.ntkstudio.model.Parameterization;
import org.junit.jupiter.api.Test;

class AnalyticKernelTest {
    private static final double SW = Math.sqrt(2);
    private static final double SB = 0.1;

    private static double[] circle(int n) {
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double g = 2 * Math.PI * i / n + 0.3;
            x[2 * i] = 1.3 * Math.cos(g);
            x[2 * i + 1] = 0.8 * Math.sin(g);
        }
        return x;
    }

    /**
     * Entry-wise |a − e| ≤ rtol · max(|e|, floor), the floor a quarter of the mean diagonal:
     * Monte-Carlo noise of an entry scales with the diagonal, not with the entry itself.
     */
    private static void assertClose(double[] expected, double[] actual, int n, double rtol, String what) {
        double diag = 0;
        for (int i = 0; i < n; i++) {
            diag += expected[i * n + i] / n;
        }
        for (int i = 0; i < expected.length; i++) {
            double tol = rtol * Math.max(Math.abs(expected[i]), 0.25 * diag);
            assertEquals(expected[i], actual[i], tol, what + " entry " + i);
        }
    }

    @Test
    void ntkMatchesMonteCarloAverageOfWideNetworks() {
        int n = 6;
        double[] x = circle(n);
        for (Activation a : new Activation[] {Activation.RELU, Activation.LEAKY_RELU, Activation.ERF, Activation.TANH,
                Activation.LINEAR, Activation.GELU}) {
            int depth = 2;
            double[] analytic = new AnalyticKernel(a, depth, SW, SB).ntk(x, n, x, n, 2);
            double[] mean = new double[n * n];
            int seeds = 8;
            for (int s = 0; s < seeds; s++) {
                Network net = Network.initialize(new NetworkConfig(2048, depth, a, Parameterization.NTK, SW, SB, 100 + s), 2);
                double[] k = EmpiricalNtk.of(net, x, n);
                for (int i = 0; i < k.length; i++) {
                    mean[i] += k[i] / seeds;
                }
            }
            assertClose(analytic, mean, n, 0.05, a.id());
        }
    }

    @Test
    void nngpMatchesTheLastHiddenLayersFeatureGram() {
        int n = 6;
        double[] x = circle(n);
        for (Activation a : new Activation[] {Activation.RELU, Activation.ERF, Activation.SOFTPLUS, Activation.SIN}) {
            int depth = 2;
            int width = 4096;
            double[] analytic = new AnalyticKernel(a, depth, SW, SB).nngp(x, n, x, n, 2);
            double[] mc = new double[n * n];
            int seeds = 4;
            for (int seed = 0; seed < seeds; seed++) {
                Network net = Network.initialize(new NetworkConfig(width, depth, a, Parameterization.NTK, SW, SB, 7 + seed), 2);
                BatchedPass pass = new BatchedPass(net, n);
                pass.forward(net, x);
                double[] h = pass.layerInput(depth);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int k = 0; k < width; k++) {
                            s += h[i * width + k] * h[j * width + k];
                        }
                        mc[i * n + j] += (SW * SW * s / width + SB * SB) / seeds;
                    }
                }
            }
            assertClose(analytic, mc, n, 0.05, a.id());
        }
    }

    @Test
    void quadratureAgreesWithClosedFormsToOneInAMillion() {
        double[][] cases = {{1.0, 0.5, 1.2}, {2.1, 1.9, 2.0}, {3.0, -2.5, 4.0}, {0.3, 0.29, 0.3}, {6, 5.9, 6.2}};
        for (Activation a : new Activation[] {Activation.ERF, Activation.SIN}) {
            GaussianMoments exact = ClosedFormMoments.forActivation(a);
            for (double[] c : cases) {
                GaussianMoments quad = new QuadratureMoments(a, QuadratureMoments.orderFor(Math.max(c[0], c[2])));
                double[] e = new double[2];
                double[] q = new double[2];
                exact.compute(c[0], c[1], c[2], e);
                quad.compute(c[0], c[1], c[2], q);
                assertEquals(e[0], q[0], 1e-6 * Math.abs(e[0]), a + " E[φφ]");
                assertEquals(e[1], q[1], 1e-6 * Math.abs(e[1]), a + " E[φ'φ']");
            }
        }
    }

    @Test
    void quadratureOfTanhConvergesToOneInAMillion() {
        double[][] cases = {{1.0, 0.5, 1.2}, {2.1, 1.9, 2.0}, {3.0, -2.5, 4.0}, {8, 7.9, 8}};
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.GELU, Activation.SOFTPLUS}) {
            GaussianMoments reference = new QuadratureMoments(a, 600);
            for (double[] c : cases) {
                GaussianMoments quad = new QuadratureMoments(a, QuadratureMoments.orderFor(Math.max(c[0], c[2])));
                double[] r = new double[2];
                double[] q = new double[2];
                reference.compute(c[0], c[1], c[2], r);
                quad.compute(c[0], c[1], c[2], q);
                assertEquals(r[0], q[0], 1e-6 * Math.abs(r[0]), a + " E[φφ] at " + c[0]);
                assertEquals(r[1], q[1], 1e-6 * Math.abs(r[1]), a + " E[φ'φ'] at " + c[0]);
            }
        }
    }

    @Test
    void reluDepthOneHasTheArcCosineClosedForm() {
        double[] x = {1, 0, 0, 1};
        double[] k = new AnalyticKernel(Activation.RELU, 1, SW, 0).ntk(x, 2, x, 2, 2);
        // Σ1 = x·x'/d·σ_w² : diag 1, off-diagonal 0 (θ = π/2). Σ2 = 2·J1, Θ2 = 2·J0·Σ1 + Σ2.
        assertEquals(1 + 1, k[0], 1e-14);
        double j1 = 1 / (2 * Math.PI);
        assertEquals(2 * j1, k[1], 1e-14);
    }

    @Test
    void crossKernelAgreesWithTheSymmetricPath() {
        double[] x = circle(5);
        AnalyticKernel k = new AnalyticKernel(Activation.ERF, 3, 1.5, 0.2);
        assertArrayEquals(k.ntk(x, 5, x, 5, 2), k.ntk(x, 5, x.clone(), 5, 2), 1e-14);
    }

    @Test
    void distanceToTheLimitFallsLikeInverseSquareRootOfWidth() {
        int n = 8;
        double[] x = circle(n);
        double[] limit = new AnalyticKernel(Activation.RELU, 2, SW, SB).ntk(x, n, x, n, 2);
        int[] widths = {64, 256, 1024, 4096};
        double[] logW = new double[widths.length];
        double[] logD = new double[widths.length];
        for (int w = 0; w < widths.length; w++) {
            double mean = 0;
            int seeds = 4;
            for (int s = 0; s < seeds; s++) {
                Network net = Network.initialize(new NetworkConfig(widths[w], 2, Activation.RELU, Parameterization.NTK, SW, SB, 31 * s + w), 2);
                mean += KernelMetrics.relativeDistance(EmpiricalNtk.of(net, x, n), limit) / seeds;
            }
            logW[w] = Math.log(widths[w]);
            logD[w] = Math.log(mean);
        }
        double slope = slope(logW, logD);
        assertEquals(-0.5, slope, 0.15, "fitted slope of log distance against log width");
    }

    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    @Test
    void quadratureActivationsUseQuadratureAndClosedFormsDoNot() {
        assertTrue(new AnalyticKernel(Activation.TANH, 1, 1, 0).usesQuadrature());
        assertTrue(!new AnalyticKernel(Activation.RELU, 1, 1, 0).usesQuadrature());
    }
}
