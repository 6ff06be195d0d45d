package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.ConvNetwork;
import io.ntkstudio.network.ConvPass;
import io.ntkstudio.network.Readout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The empirical NTK of convolutional networks: against the explicit Jacobian's inner products
 * (the Jacobian itself is held to central differences in ConvNetworkTest), and, over random
 * networks of growing channel count, against the analytic CNTK, the error falling like C^(−1/2).
 */
class ConvNtkTest {
    @ParameterizedTest
    @CsvSource({"RELU, FLATTEN, 2", "TANH, GAP, 3", "RELU, GAP, 1"})
    void theLayerwiseKernelIsTheExplicitJacobiansInnerProducts(Activation a, Readout readout, int depth) {
        int s = 4;
        ConvNetwork net = ConvNetwork.initialize(5, depth, s, 3, a, 1.3, 0.2, readout, 8);
        double[] x = ConvKernelTest.images(6, s, 2);
        double[] t = ConvKernelTest.images(4, s, 3);
        MatrixBackend backend = MatrixBackend.current();
        double[][] jx = ConvPass.forward(net, x, 6, backend).jacobian(2, backend);
        double[][] jt = ConvPass.forward(net, t, 4, backend).jacobian(2, backend);
        double[] train = ConvNtk.train(net, x, 6, 2);
        double[] cross = ConvNtk.cross(net, t, 4, x, 6, 2);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double expected = dot(jx, i, jx, j, 6, 6);
                assertEquals(expected, train[i * 6 + j], 1e-10 * Math.abs(expected), "Θ(x_" + i + ", x_" + j + ")");
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                double expected = dot(jt, i, jx, j, 4, 6);
                assertEquals(expected, cross[i * 6 + j], 1e-10 * Math.abs(expected), "Θ(t_" + i + ", x_" + j + ")");
            }
        }
    }

    /** ∇θ f_o(x_i) over every parameter (the output layer's other rows 0), for n images and K outputs: row i·K + o. */
    static double[][] flatRows(ConvNetwork net, double[] x, int n) {
        MatrixBackend backend = MatrixBackend.current();
        int k = net.outputs();
        int f = net.features();
        ConvPass pass = ConvPass.forward(net, x, n, backend);
        double[][] rows = new double[n * k][Math.toIntExact(net.parameterCount())];
        for (int o = 0; o < k; o++) {
            double[][] blocks = pass.jacobian(o, backend);
            for (int i = 0; i < n; i++) {
                int at = 0;
                for (int l = 0; l < net.depth(); l++) {
                    int w = blocks[l].length / n;
                    System.arraycopy(blocks[l], i * w, rows[i * k + o], at, w);
                    at += w;
                }
                System.arraycopy(blocks[net.depth()], i * (f + 1), rows[i * k + o], at + o * f, f);
                rows[i * k + o][at + k * f + o] = blocks[net.depth()][i * (f + 1) + f];
            }
        }
        return rows;
    }

    @ParameterizedTest
    @CsvSource({"RELU, FLATTEN, 2", "TANH, GAP, 3", "GELU, GAP, 1"})
    void theFullAndOutputAveragedKernelsAreTheParameterGradientsInnerProducts(Activation a, Readout readout, int depth) {
        int s = 3;
        int k = 3;
        ConvNetwork net = ConvNetwork.initialize(4, depth, s, k, a, 1.3, 0.2, readout, 9);
        double[] x = ConvKernelTest.images(5, s, 4);
        double[] t = ConvKernelTest.images(3, s, 5);
        double[][] jx = flatRows(net, x, 5);
        double[][] jt = flatRows(net, t, 3);
        double[] full = ConvNtk.full(net, x, 5, x, 5);
        double[] cross = ConvNtk.full(net, x, 5, t, 3);
        double[] averaged = new double[25];
        ConvNtk.averaged(net, x, 5, averaged);
        double scale = dot(jx[0], jx[0]);
        for (int r = 0; r < 5 * k; r++) {
            for (int c = 0; c < 5 * k; c++) {
                assertEquals(dot(jx[r], jx[c]), full[r * 5 * k + c], 1e-10 * scale, "Θ((i, o), (j, e)) at " + r + ", " + c);
            }
            for (int c = 0; c < 3 * k; c++) {
                assertEquals(dot(jx[r], jt[c]), cross[r * 3 * k + c], 1e-10 * scale, "Θ(x, t) at " + r + ", " + c);
            }
        }
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double mean = 0;
                for (int o = 0; o < k; o++) {
                    mean += dot(jx[i * k + o], jx[j * k + o]) / k;
                }
                assertEquals(mean, averaged[i * 5 + j], 1e-10 * scale, "(1/K) Σ_o Θ_oo at " + i + ", " + j);
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int p = 0; p < a.length; p++) {
            s += a[p] * b[p];
        }
        return s;
    }

    /** Σ over the blocks of row i of a (n1 rows) against row j of b (n2 rows). */
    private static double dot(double[][] a, int i, double[][] b, int j, int n1, int n2) {
        double s = 0;
        for (int l = 0; l < a.length; l++) {
            int w = a[l].length / n1;
            for (int q = 0; q < w; q++) {
                s += a[l][i * w + q] * b[l][j * w + q];
            }
        }
        return s;
    }

    /**
     * ‖Θ_C − Θ_∞‖_F / ‖Θ_∞‖_F averaged over 8 networks of one convolution at C = 16 and at C = 256
     * channels: with the fluctuation at initialisation O(C^(−1/2)), sixteen times the channels
     * gives four times less (measured 4.6 and 4.8; bounds 3 and 6.5). Deeper networks are still
     * short of that rate at 16 channels (16 seeds, depth 2: 3.4 with flatten, 2.6 with GAP; from 64
     * to 1024 channels 3.7 and 4.0): the depth-2 case is held to falling by half and to 15 % at 256.
     */
    @ParameterizedTest
    @EnumSource(Readout.class)
    void randomNetworksApproachTheAnalyticCntkLikeOneOverRootChannels(Readout readout) {
        int s = 4;
        int n = 5;
        double[] x = ConvKernelTest.images(n, s, 11);
        double[] limit = new ConvKernel(Activation.RELU, 1, Math.sqrt(2), 0.1, readout).compute(x, n, x, n, s * s).ntk();
        double small = meanError(16, 1, readout, x, n, limit);
        double large = meanError(256, 1, readout, x, n, limit);
        double ratio = small / large;
        assertTrue(ratio > 3 && ratio < 6.5, readout + ": error " + small + " at 16 channels, " + large + " at 256, ratio " + ratio);
        double[] deeper = new ConvKernel(Activation.RELU, 2, Math.sqrt(2), 0.1, readout).compute(x, n, x, n, s * s).ntk();
        double deepSmall = meanError(16, 2, readout, x, n, deeper);
        double deepLarge = meanError(256, 2, readout, x, n, deeper);
        assertTrue(deepLarge < 0.15 && deepSmall > 2 * deepLarge, readout + ", depth 2: " + deepSmall + " at 16, " + deepLarge + " at 256");
    }

    private static double meanError(int channels, int depth, Readout readout, double[] x, int n, double[] limit) {
        double sum = 0;
        int seeds = 8;
        for (int seed = 0; seed < seeds; seed++) {
            ConvNetwork net = ConvNetwork.initialize(channels, depth, 4, 1, Activation.RELU, Math.sqrt(2), 0.1, readout, 100 + seed);
            sum += KernelMetrics.relativeDistance(ConvNtk.train(net, x, n, 0), limit);
        }
        return sum / seeds;
    }
}
