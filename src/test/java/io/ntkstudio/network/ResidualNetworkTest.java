package io.ntkstudio.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.linalg.MatrixBackend;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The residual network's forward pass against its definition written here, and its gradients against central differences. */
class ResidualNetworkTest {
    /** f(x) point by point: the stem, z_k = z_{k−1} + (1/√L)(σ_w/√n W_k φ(z_{k−1}) + σ_b b_k), the output. */
    static double[] naive(ResidualNetwork net, double[] x, int d) {
        int n = net.width();
        int depth = net.depth();
        Activation act = net.activation();
        double sw = net.sigmaW();
        double sb = net.sigmaB();
        double[] z = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += net.w[0][j * d + k] * x[k];
            }
            z[j] = sw / Math.sqrt(d) * s + sb * net.b[0][j];
        }
        for (int l = 1; l <= depth; l++) {
            double[] next = z.clone();
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += net.w[l][j * n + k] * act.value(z[k]);
                }
                next[j] += (sw / Math.sqrt(n) * s + sb * net.b[l][j]) / Math.sqrt(depth);
            }
            z = next;
        }
        double[] f = new double[net.outputs()];
        for (int o = 0; o < f.length; o++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += net.w[depth + 1][o * n + k] * act.value(z[k]);
            }
            f[o] = sw / Math.sqrt(n) * s + sb * net.b[depth + 1][o];
        }
        return f;
    }

    @ParameterizedTest
    @CsvSource({"RELU, 1", "TANH, 2", "GELU, 3"})
    void theForwardPassIsTheDefinitionAndTheGradientsItsCentralDifferences(Activation a, int depth) {
        int d = 3;
        int m = 4;
        ResidualNetwork net = ResidualNetwork.initialize(5, depth, d, 2, a, 1.4, 0.3, 9);
        double[] x = ConvNetworkTest.images(m * d, 1, 3);
        MatrixBackend backend = MatrixBackend.current();
        double[] f = net.outputs(x, m, backend);
        for (int i = 0; i < m; i++) {
            double[] expected = naive(net, java.util.Arrays.copyOfRange(x, i * d, (i + 1) * d), d);
            for (int o = 0; o < 2; o++) {
                assertEquals(expected[o], f[i * 2 + o], 1e-12 * (1 + Math.abs(expected[o])));
            }
        }
        int o = 1;
        List<ResidualNetwork.LayerGradient> layers = net.gradients(x, m, o, backend);
        double h = 1e-5;
        double worst = 0;
        for (int l = 0; l < layers.size(); l++) {
            ResidualNetwork.LayerGradient g = layers.get(l);
            boolean out = l == layers.size() - 1;
            for (int q = 0; q < g.rows() * g.cols() + g.rows(); q++) {
                boolean weight = q < g.rows() * g.cols();
                double[] arr = weight ? net.w[l] : net.b[l];
                int row = weight ? q / g.cols() : q - g.rows() * g.cols();
                int at = weight ? (out ? o * g.cols() + q : q) : (out ? o : row);
                double keep = arr[at];
                arr[at] = keep + h;
                double[] up = net.outputs(x, m, backend);
                arr[at] = keep - h;
                double[] down = net.outputs(x, m, backend);
                arr[at] = keep;
                for (int i = 0; i < m; i++) {
                    double fd = (up[i * 2 + o] - down[i * 2 + o]) / (2 * h);
                    double gi = g.g()[i * g.rows() + row];
                    double got = weight ? g.weight() * gi * g.a()[i * g.cols() + q % g.cols()] : g.bias() * gi;
                    worst = Math.max(worst, Math.abs(fd - got) / (1e-3 + Math.abs(fd)));
                }
            }
        }
        assertTrue(worst < 1e-6, "largest relative difference from central differences " + worst);
    }
}
