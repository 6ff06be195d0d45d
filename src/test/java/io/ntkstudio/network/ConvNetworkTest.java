package io.ntkstudio.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.linalg.MatrixBackend;
import org.junit.jupiter.api.Assertions;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The convolutional network's forward pass against the definition written out here pixel by pixel,
 * and its backpropagated Jacobian against central differences of that forward pass.
 */
class ConvNetworkTest {
    static double[] images(int n, int s, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n * s * s];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    /** f(x) by the definition: maps [channel][row][column], zero outside the image. */
    static double[] naive(ConvNetwork net, double[] x, int image) {
        int s = net.side();
        double[][][] maps = new double[1][s][s];
        for (int r = 0; r < s; r++) {
            for (int c = 0; c < s; c++) {
                maps[0][r][c] = x[image * s * s + r * s + c];
            }
        }
        for (int l = 0; l < net.depth(); l++) {
            int cin = net.inChannels(l);
            double[][][] next = new double[net.channels()][s][s];
            for (int co = 0; co < net.channels(); co++) {
                for (int r = 0; r < s; r++) {
                    for (int c = 0; c < s; c++) {
                        double z = 0;
                        for (int dr = -1; dr <= 1; dr++) {
                            for (int dc = -1; dc <= 1; dc++) {
                                int rr = r + dr;
                                int cc = c + dc;
                                if (rr < 0 || rr >= s || cc < 0 || cc >= s) {
                                    continue;
                                }
                                int k = (dr + 1) * 3 + dc + 1;
                                for (int ci = 0; ci < cin; ci++) {
                                    z += net.w[l][co * 9 * cin + k * cin + ci] * maps[ci][rr][cc];
                                }
                            }
                        }
                        z = net.sigmaW() / Math.sqrt(9.0 * cin) * z + net.sigmaB() * net.b[l][co];
                        next[co][r][c] = net.activation().value(z);
                    }
                }
            }
            maps = next;
        }
        int ch = net.channels();
        double[] u = new double[net.features()];
        for (int co = 0; co < ch; co++) {
            for (int r = 0; r < s; r++) {
                for (int c = 0; c < s; c++) {
                    if (net.readout() == Readout.FLATTEN) {
                        u[(r * s + c) * ch + co] = maps[co][r][c];
                    } else {
                        u[co] += maps[co][r][c] / (s * s);
                    }
                }
            }
        }
        double[] f = new double[net.outputs()];
        for (int o = 0; o < f.length; o++) {
            double sum = 0;
            for (int j = 0; j < u.length; j++) {
                sum += net.wOut[o * u.length + j] * u[j];
            }
            f[o] = net.sigmaW() / Math.sqrt(u.length) * sum + net.sigmaB() * net.bOut[o];
        }
        return f;
    }

    /** The parameter arrays in the Jacobian's block order: convolution l's weights then biases, …, the output layer. */
    static double[][] blocks(ConvNetwork net) {
        double[][] p = new double[2 * net.depth() + 2][];
        for (int l = 0; l < net.depth(); l++) {
            p[2 * l] = net.w[l];
            p[2 * l + 1] = net.b[l];
        }
        p[2 * net.depth()] = net.wOut;
        p[2 * net.depth() + 1] = net.bOut;
        return p;
    }

    @ParameterizedTest
    @CsvSource({"RELU, FLATTEN, 1", "RELU, GAP, 2", "TANH, FLATTEN, 2", "TANH, GAP, 3", "GELU, GAP, 1"})
    void theForwardPassIsTheDefinitionAndTheJacobianItsCentralDifferences(Activation a, Readout readout, int depth) {
        int s = 4;
        int n = 3;
        ConvNetwork net = ConvNetwork.initialize(3, depth, s, 2, a, 1.4, 0.3, readout, 21);
        double[] x = images(n, s, 5);
        MatrixBackend backend = MatrixBackend.current();
        double[] f = net.outputs(x, n, backend);
        for (int i = 0; i < n; i++) {
            double[] expected = naive(net, x, i);
            for (int o = 0; o < 2; o++) {
                assertEquals(expected[o], f[i * 2 + o], 1e-12 * (1 + Math.abs(expected[o])), "f_" + o + " of image " + i);
            }
        }
        int o = 1;
        double[][] j = ConvPass.forward(net, x, n, backend).jacobian(o, backend);
        double[][] params = blocks(net);
        double h = 1e-5;
        double worst = 0;
        for (int l = 0; l <= net.depth(); l++) {
            double[] w = params[2 * l];
            double[] bias = params[2 * l + 1];
            boolean out = l == net.depth();
            // the output layer: row o of the weights, then bias o
            int weights = out ? net.features() : w.length;
            int width = weights + (out ? 1 : bias.length);
            for (int q = 0; q < width; q++) {
                double[] arr = q < weights ? w : bias;
                int at = q < weights ? (out ? o * weights + q : q) : (out ? o : q - weights);
                double keep = arr[at];
                arr[at] = keep + h;
                double[] up = net.outputs(x, n, backend);
                arr[at] = keep - h;
                double[] down = net.outputs(x, n, backend);
                arr[at] = keep;
                for (int i = 0; i < n; i++) {
                    double fd = (up[i * 2 + o] - down[i * 2 + o]) / (2 * h);
                    double got = j[l][i * width + q];
                    worst = Math.max(worst, Math.abs(fd - got) / (1e-3 + Math.abs(fd)));
                }
            }
        }
        assertTrue(worst < 1e-6, "largest relative difference from central differences " + worst);
    }

    /** The conv {@link Network} the engine trains draws the same parameters as ConvNetwork from one seed, and its view computes the same outputs. */
    @ParameterizedTest
    @EnumSource(Readout.class)
    void theTrainedNetworkIsTheReferenceNetworkOfItsSeed(Readout readout) {
        NetworkConfig cfg = new NetworkConfig(6, 2, Activation.RELU, Parameterization.NTK, 1.4, 0.3, 17, 1, Layers.conv(readout));
        Network net = Network.initialize(cfg, 16, 3);
        ConvNetwork reference = ConvNetwork.initialize(6, 2, 4, 3, Activation.RELU, 1.4, 0.3, readout, 17);
        assertEquals(reference.parameterCount(), net.parameterCount());
        assertEquals(reference.parameterCount(), cfg.parameterCount(16, 3));
        ConvNetwork view = ConvNetwork.viewOf(net);
        for (int l = 0; l < 2; l++) {
            Assertions.assertArrayEquals(reference.w[l], view.w[l], "W_" + l);
            Assertions.assertArrayEquals(reference.b[l], view.b[l], "b_" + l);
        }
        Assertions.assertArrayEquals(reference.wOut, view.wOut);
        double[] x = images(5, 4, 7);
        double[] expected = reference.outputs(x, 5, MatrixBackend.current());
        Pass pass = Pass.of(net, 5, MatrixBackend.current());
        pass.forward(net, x);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], pass.outputs()[i], 1e-12 * (1 + Math.abs(expected[i])), "the training pass's output " + i);
        }
    }
}
