package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Readout;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analytic CNTK and CNN-GP against the recursion written out again here over four indices
 * (row and column of each image's position), with the padding tested by bounds, the ReLU moments
 * from the arc-cosine formula written here; and the padding against numbers worked by hand.
 */
class ConvKernelTest {
    /** E[φφ], E[φ'φ'] of ReLU for variances a, b and covariance c (Cho &amp; Saul 2009). */
    private static double[] relu(double a, double c, double b) {
        double cos = Math.max(-1, Math.min(1, c / Math.sqrt(a * b)));
        double t = Math.acos(cos);
        return new double[] {Math.sqrt(a * b) * (Math.sin(t) + (Math.PI - t) * cos) / (2 * Math.PI), (Math.PI - t) / (2 * Math.PI)};
    }

    /** 𝒦 and Θ by the recursion on [r1][c1][r2][c2] tables for images x, y of side s (and each image with itself for the variances). */
    static double[] bruteForce(double[] x, double[] y, int s, int depth, double sw, double sb, boolean gap) {
        double[][][][] kxy = layerOne(x, y, s, sw, sb);
        double[][][][] kxx = layerOne(x, x, s, sw, sb);
        double[][][][] kyy = layerOne(y, y, s, sw, sb);
        double[][][][] t = copy(kxy);
        for (int l = 1; l <= depth; l++) {
            boolean last = l == depth;
            double[][][][] nk = new double[s][s][s][s];
            double[][][][] nt = new double[s][s][s][s];
            double[][][][] nkx = new double[s][s][s][s];
            double[][][][] nky = new double[s][s][s][s];
            double outK = 0;
            double outT = 0;
            for (int r1 = 0; r1 < s; r1++) {
                for (int c1 = 0; c1 < s; c1++) {
                    for (int r2 = 0; r2 < s; r2++) {
                        for (int c2 = 0; c2 < s; c2++) {
                            if (last) {
                                if (gap || (r1 == r2 && c1 == c2)) {
                                    double[] m = relu(kxx[r1][c1][r1][c1], kxy[r1][c1][r2][c2], kyy[r2][c2][r2][c2]);
                                    outK += m[0];
                                    outT += t[r1][c1][r2][c2] * m[1];
                                }
                                continue;
                            }
                            double sk = 0;
                            double st = 0;
                            double sx = 0;
                            double sy = 0;
                            for (int dr = -1; dr <= 1; dr++) {
                                for (int dc = -1; dc <= 1; dc++) {
                                    int a1 = r1 + dr;
                                    int b1 = c1 + dc;
                                    int a2 = r2 + dr;
                                    int b2 = c2 + dc;
                                    if (a1 < 0 || a1 >= s || b1 < 0 || b1 >= s || a2 < 0 || a2 >= s || b2 < 0 || b2 >= s) {
                                        continue;
                                    }
                                    double[] m = relu(kxx[a1][b1][a1][b1], kxy[a1][b1][a2][b2], kyy[a2][b2][a2][b2]);
                                    sk += m[0];
                                    st += t[a1][b1][a2][b2] * m[1];
                                    sx += relu(kxx[a1][b1][a1][b1], kxx[a1][b1][a2][b2], kxx[a2][b2][a2][b2])[0];
                                    sy += relu(kyy[a1][b1][a1][b1], kyy[a1][b1][a2][b2], kyy[a2][b2][a2][b2])[0];
                                }
                            }
                            nk[r1][c1][r2][c2] = sw * sw / 9 * sk + sb * sb;
                            nt[r1][c1][r2][c2] = nk[r1][c1][r2][c2] + sw * sw / 9 * st;
                            nkx[r1][c1][r2][c2] = sw * sw / 9 * sx + sb * sb;
                            nky[r1][c1][r2][c2] = sw * sw / 9 * sy + sb * sb;
                        }
                    }
                }
            }
            if (last) {
                double cells = gap ? Math.pow(s, 4) : s * s;
                double k = sw * sw * outK / cells + sb * sb;
                return new double[] {k, k + sw * sw * outT / cells};
            }
            kxy = nk;
            t = nt;
            kxx = nkx;
            kyy = nky;
        }
        throw new AssertionError();
    }

    private static double[][][][] layerOne(double[] x, double[] y, int s, double sw, double sb) {
        double[][][][] k = new double[s][s][s][s];
        for (int r1 = 0; r1 < s; r1++) {
            for (int c1 = 0; c1 < s; c1++) {
                for (int r2 = 0; r2 < s; r2++) {
                    for (int c2 = 0; c2 < s; c2++) {
                        double sum = 0;
                        for (int dr = -1; dr <= 1; dr++) {
                            for (int dc = -1; dc <= 1; dc++) {
                                sum += pixel(x, s, r1 + dr, c1 + dc) * pixel(y, s, r2 + dr, c2 + dc);
                            }
                        }
                        k[r1][c1][r2][c2] = sw * sw / 9 * sum + sb * sb;
                    }
                }
            }
        }
        return k;
    }

    private static double pixel(double[] x, int s, int r, int c) {
        return r < 0 || r >= s || c < 0 || c >= s ? 0 : x[r * s + c];
    }

    private static double[][][][] copy(double[][][][] a) {
        double[][][][] b = new double[a.length][a.length][a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                for (int k = 0; k < a.length; k++) {
                    b[i][j][k] = a[i][j][k].clone();
                }
            }
        }
        return b;
    }

    static double[] images(int n, int s, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n * s * s];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest
    @CsvSource({"3, 1, GAP", "3, 2, GAP", "3, 3, GAP", "3, 1, FLATTEN", "3, 3, FLATTEN", "4, 2, GAP", "4, 2, FLATTEN"})
    void bothReadoutsAreTheRecursionOverEveryPairOfPositions(int s, int depth, Readout readout) {
        double sw = 1.5;
        double sb = 0.3;
        int n = 3;
        double[] x = images(n, s, 7 + depth);
        ConvKernel k = new ConvKernel(Activation.RELU, depth, sw, sb, readout);
        AnalyticKernel.Result r = k.compute(x, n, x, n, s * s);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] xi = java.util.Arrays.copyOfRange(x, i * s * s, (i + 1) * s * s);
                double[] xj = java.util.Arrays.copyOfRange(x, j * s * s, (j + 1) * s * s);
                double[] expected = bruteForce(xi, xj, s, depth, sw, sb, readout == Readout.GAP);
                assertEquals(expected[0], r.nngp()[i * n + j], 1e-12 * Math.abs(expected[0]), "𝒦 of " + i + ", " + j);
                assertEquals(expected[1], r.ntk()[i * n + j], 1e-12 * Math.abs(expected[1]), "Θ of " + i + ", " + j);
            }
        }
    }

    /**
     * Depth 1, a linear network, flatten: 𝒦 = σ_w²/s² Σ_p (σ_w²/9 Σ_δ x(p+δ)² + σ_b²) + σ_b². A single
     * unit pixel lies in the patches of 4 positions at a corner, 6 on an edge and 9 in the middle of a
     * 3 × 3 image: the padding drops the rest.
     */
    @ParameterizedTest
    @CsvSource({"0, 4", "1, 6", "4, 9", "8, 4"})
    void thePaddingDropsThePatchesOffTheImage(int pixel, int patches) {
        double[] x = new double[9];
        x[pixel] = 1;
        double sw = 1.3;
        double sb = 0.2;
        AnalyticKernel.Result r = new ConvKernel(Activation.LINEAR, 1, sw, sb, Readout.FLATTEN).compute(x, 1, x, 1, 9);
        double expected = sw * sw / 9 * (sw * sw / 9 * patches + 9 * sb * sb) + sb * sb;
        assertEquals(expected, r.nngp()[0], 1e-14);
        // linear: Θ adds the first layer's 𝒦 once more, σ_w²/s² Σ_p 𝒦_1(p, p) · 1
        assertEquals(2 * expected - sb * sb, r.ntk()[0], 1e-14);
    }

    @Test
    void aQuadratureActivationAgreesWithTheClosedFormOfTheSameFunctionAndNonSquareInputsAreRefused() {
        double[] x = images(2, 3, 3);
        // SOFTPLUS has no closed form; compare tanh's quadrature with an odd symmetric check: 𝒦(x, −x) = −𝒦(x, x) at depth 1
        ConvKernel tanh = new ConvKernel(Activation.TANH, 2, 1.2, 0.0, Readout.GAP);
        double[] both = new double[18];
        System.arraycopy(x, 0, both, 0, 9);
        for (int i = 0; i < 9; i++) {
            both[9 + i] = -x[i];
        }
        AnalyticKernel.Result r = tanh.compute(both, 2, both, 2, 9);
        assertEquals(-r.nngp()[0], r.nngp()[1], 1e-9 * Math.abs(r.nngp()[0]), "tanh is odd and σ_b = 0");
        assertTrue(r.ntk()[0] > r.nngp()[0]);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new ConvKernel(Activation.RELU, 1, 1, 0, Readout.GAP).compute(new double[10], 2, new double[10], 2, 5));
        assertTrue(e.getMessage().contains("5 columns, which is not a square"), e.getMessage());
    }
}
