package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.network.Activation;
import io.ntkstudio.network.BatchedPass;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
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

    /** Pairs (q1, c, q2) over variances 1e-2 … 1e8 and correlations −0.999 … 0.9999. */
    private static double[][] pairs() {
        double[] variances = {1e-2, 0.3, 1, 1.5, 2.7, 3.5, 9, 30, 1e2, 1e3, 1e4, 1e6, 1e8};
        double[] rhos = {0.0, 0.3, -0.7, 0.95, 0.9999, -0.999};
        double[][] out = new double[variances.length * rhos.length][];
        int k = 0;
        for (double q : variances) {
            for (double rho : rhos) {
                double q2 = 1.3 * q;
                out[k++] = new double[] {q, rho * Math.sqrt(q * q2), q2};
            }
        }
        return out;
    }

    @Test
    void quadratureAgreesWithClosedFormsToOneInAMillionOverTheWholeRange() {
        for (Activation a : new Activation[] {Activation.ERF, Activation.SIN}) {
            GaussianMoments exact = ClosedFormMoments.forActivation(a);
            GaussianMoments quad = new QuadratureMoments(a);
            for (double[] c : a == Activation.SIN ? java.util.Arrays.copyOf(pairs(), 36) : pairs()) {
                double[] e = new double[2];
                double[] q = new double[2];
                exact.compute(c[0], c[1], c[2], e);
                quad.compute(c[0], c[1], c[2], q);
                double[] d1 = new double[2];
                double[] d2 = new double[2];
                exact.compute(c[0], c[0], c[0], d1);
                exact.compute(c[2], c[2], c[2], d2);
                // relative to the Cauchy–Schwarz scale √(E[φ(u)²] E[φ(v)²]), as a zero moment has no relative error
                assertEquals(e[0], q[0], 1e-6 * Math.sqrt(d1[0] * d2[0]), a + " E[φφ] at " + java.util.Arrays.toString(c));
                assertEquals(e[1], q[1], 1e-6 * Math.sqrt(d1[1] * d2[1]), a + " E[φ'φ'] at " + java.util.Arrays.toString(c));
            }
        }
    }

    /** E[g(u)] for u ~ N(0, q) by composite Simpson in u on a fine grid: an independent 1-D reference. */
    private static double oneDimensional(java.util.function.DoubleUnaryOperator g, double q) {
        double s = Math.sqrt(q);
        double lo = -10 * s;
        double hi = 10 * s;
        // fine enough for the activation's unit scale and the Gaussian's scale s
        int n = 2 * (int) Math.min(4_000_000, Math.max(20_000, 40 * (hi - lo)));
        double h = (hi - lo) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double u = lo + i * h;
            double f = g.applyAsDouble(u) * Math.exp(-0.5 * u * u / q) / (s * Math.sqrt(2 * Math.PI));
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return sum * h / 3;
    }

    @Test
    void quadratureOfTanhAndSigmoidMatchesAOneDimensionalReferenceAtAnyVariance() {
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID}) {
            java.util.function.DoubleUnaryOperator f = u -> a == Activation.TANH ? Math.tanh(u) : 1 / (1 + Math.exp(-u));
            java.util.function.DoubleUnaryOperator df = u -> {
                double y = f.applyAsDouble(u);
                return a == Activation.TANH ? 1 - y * y : y * (1 - y);
            };
            GaussianMoments quad = new QuadratureMoments(a);
            for (double q : new double[] {0.05, 1, 1.55, 3.6, 9, 250, 2500, 1e5, 1e7}) {
                double[] diag = new double[2];
                quad.compute(q, q, q, diag);
                double ff = oneDimensional(u -> f.applyAsDouble(u) * f.applyAsDouble(u), q);
                double dd = oneDimensional(u -> df.applyAsDouble(u) * df.applyAsDouble(u), q);
                assertEquals(ff, diag[0], 1e-6 * ff, a + " E[φ(u)²] at q = " + q);
                assertEquals(dd, diag[1], 1e-6 * dd, a + " E[φ'(u)²] at q = " + q);
                // independent inputs: the 2-D rule must factor into the 1-D means
                double[] indep = new double[2];
                quad.compute(q, 0, 2 * q, indep);
                double m1 = oneDimensional(f, q);
                double m2 = oneDimensional(f, 2 * q);
                double g1 = oneDimensional(df, q);
                double g2 = oneDimensional(df, 2 * q);
                assertEquals(m1 * m2, indep[0], 1e-6 * Math.sqrt(ff * oneDimensional(u -> f.applyAsDouble(u) * f.applyAsDouble(u), 2 * q)),
                        a + " E[φ(u)]E[φ(v)] at q = " + q);
                assertEquals(g1 * g2, indep[1], 1e-6 * g1 * g2, a + " E[φ'(u)]E[φ'(v)] at q = " + q);
            }
        }
    }

    @Test
    void aVarianceBeyondTheCertifiedRangeIsRefused() {
        AnalyticKernel k = new AnalyticKernel(Activation.TANH, 2, 1e9, 0.1);
        double[] x = {1, 0, 0, 1};
        io.ntkstudio.input.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.ntkstudio.input.InvalidInputException.class, () -> k.compute(x, 2, x, 2, 2));
        assertTrue(e.getMessage().contains("sigmaW"), e.getMessage());
        AnalyticKernel relu = new AnalyticKernel(Activation.RELU, 10, 1e30, 0.1);
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(io.ntkstudio.input.InvalidInputException.class,
                () -> relu.compute(x, 2, x, 2, 2)).getMessage().contains("overflows"));
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
