package io.ntkstudio.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntkstudio.kernel.EmpiricalNtk;
import io.ntkstudio.kernel.OutputsNtk;
import io.ntkstudio.linalg.MatrixBackend;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The trainable residual network (a {@link Network} of {@link Architecture#RESIDUAL}, which the
 * engine's passes, kernels and optimiser use) against {@link ResidualNetwork}, the separate
 * implementation held to its definition and to central differences: the same parameters give
 * the same outputs and gradients, and the factorised kernels are the explicit Jacobian's.
 */
class ResidualTrainingNetworkTest {
    static final int D = 3;
    static final int M = 5;

    /** The trainable network with the reference network's parameters. */
    static Network copyOf(ResidualNetwork r, Activation a) {
        NetworkConfig cfg = new NetworkConfig(r.width(), r.depth(), a, Parameterization.NTK, r.sigmaW(), r.sigmaB(), 0, 1,
                Layers.RESIDUAL);
        return Network.of(cfg, D, r.w, r.b);
    }

    private static double[] row(double[] x, int i) {
        return Arrays.copyOfRange(x, i * D, (i + 1) * D);
    }

    @ParameterizedTest
    @CsvSource({"RELU, 1", "TANH, 2", "GELU, 4"})
    void theOutputsAreTheReferenceNetworks(Activation a, int depth) {
        ResidualNetwork r = ResidualNetwork.initialize(7, depth, D, 2, a, 1.4, 0.3, 11);
        Network net = copyOf(r, a);
        double[] x = ConvNetworkTest.images(M * D, 1, 5);
        double[] expected = r.outputs(x, M, MatrixBackend.current());
        BatchedPass pass = new BatchedPass(net, M);
        pass.forward(net, x);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], pass.outputs()[i], 1e-12 * (1 + Math.abs(expected[i])), "batched output " + i);
        }
        for (int i = 0; i < M; i++) {
            double[] f = net.outputsOf(row(x, i));
            for (int o = 0; o < 2; o++) {
                assertEquals(expected[i * 2 + o], f[o], 1e-12 * (1 + Math.abs(f[o])), "plain-loop output " + i + ", " + o);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"RELU, 1, 0", "TANH, 2, 1", "GELU, 3, 0"})
    void theGradientsAreTheReferenceNetworks(Activation a, int depth, int o) {
        ResidualNetwork r = ResidualNetwork.initialize(6, depth, D, 2, a, 1.2, 0.4, 12);
        Network net = copyOf(r, a);
        double[] x = ConvNetworkTest.images(D, 1, 6);
        List<ResidualNetwork.LayerGradient> layers = r.gradients(x, 1, o, MatrixBackend.current());
        double[] expected = new double[Math.toIntExact(net.parameterCount())];
        int pos = 0;
        for (int l = 0; l < layers.size(); l++) {
            ResidualNetwork.LayerGradient g = layers.get(l);
            // the output layer's gradient is row o of a K × n matrix; the other rows are 0
            int rows = l == layers.size() - 1 ? 2 : g.rows();
            for (int p = 0; p < rows; p++) {
                double gp = l == layers.size() - 1 ? (p == o ? 1 : 0) : g.g()[p];
                for (int q = 0; q < g.cols(); q++) {
                    expected[pos++] = g.weight() * gp * g.a()[q];
                }
            }
            for (int p = 0; p < rows; p++) {
                expected[pos++] = g.bias() * (l == layers.size() - 1 ? (p == o ? 1 : 0) : g.g()[p]);
            }
        }
        assertEquals(expected.length, pos);
        double[] actual = net.parameterGradient(x, o);
        for (int p = 0; p < expected.length; p++) {
            assertEquals(expected[p], actual[p], 1e-12 * (1 + Math.abs(expected[p])), "∂f/∂θ_" + p);
        }
    }

    @ParameterizedTest
    @CsvSource({"RELU, 1", "ERF, 3"})
    void theFactorisedKernelsAreTheExplicitJacobiansInnerProducts(Activation a, int depth) {
        ResidualNetwork r = ResidualNetwork.initialize(9, depth, D, 2, a, 1.3, 0.2, 13);
        Network net = copyOf(r, a);
        double[] x = ConvNetworkTest.images(M * D, 1, 7);
        double[][][] j = new double[2][M][];
        for (int o = 0; o < 2; o++) {
            for (int i = 0; i < M; i++) {
                j[o][i] = net.parameterGradient(row(x, i), o);
            }
        }
        double[] theta = new double[M * M];
        new EmpiricalNtk(net, M).compute(net, x, theta);
        double[] full = OutputsNtk.full(net, x, M, x, M);
        for (int i = 0; i < M; i++) {
            for (int k = 0; k < M; k++) {
                double t0 = dot(j[0][i], j[0][k]);
                assertEquals(t0, theta[i * M + k], 1e-10 * Math.abs(t0), "Θ of output 0 at " + i + ", " + k);
                for (int c = 0; c < 2; c++) {
                    for (int e = 0; e < 2; e++) {
                        double t = dot(j[c][i], j[e][k]);
                        assertEquals(t, full[(i * 2 + c) * M * 2 + k * 2 + e], 1e-10 * Math.abs(t0),
                                "Θ of outputs " + c + ", " + e + " at " + i + ", " + k);
                    }
                }
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
}
