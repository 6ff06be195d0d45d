package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmpiricalNtkTest {
    /** Θ = J Jᵀ with the rows of J from plain per-example backpropagation. */
    static double[] explicitKernel(Network net, double[] x1, int n1, double[] x2, int n2) {
        int d = net.inputDim();
        double[][] j1 = jacobian(net, x1, n1, d);
        double[][] j2 = jacobian(net, x2, n2, d);
        double[] k = new double[n1 * n2];
        for (int a = 0; a < n1; a++) {
            for (int b = 0; b < n2; b++) {
                double s = 0;
                for (int p = 0; p < j1[a].length; p++) {
                    s += j1[a][p] * j2[b][p];
                }
                k[a * n2 + b] = s;
            }
        }
        return k;
    }

    private static double[][] jacobian(Network net, double[] x, int n, int d) {
        double[][] j = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = new double[d];
            System.arraycopy(x, i * d, row, 0, d);
            j[i] = net.parameterGradient(row);
        }
        return j;
    }

    static double maxRelativeError(double[] actual, double[] expected) {
        double scale = 0;
        double err = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            err = Math.max(err, Math.abs(actual[i] - expected[i]));
        }
        return err / scale;
    }

    static double[] inputs(int n, int d, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    @Test
    void factorisedKernelEqualsExplicitJacobianProduct() {
        for (Parameterization p : Parameterization.values()) {
            for (Activation a : new Activation[] {Activation.RELU, Activation.TANH, Activation.GELU, Activation.SIN}) {
                for (int depth : new int[] {1, 3}) {
                    Network net = Network.initialize(new NetworkConfig(37, depth, a, p, 1.4, 0.3, 11), 3);
                    double[] x = inputs(9, 3, 5);
                    double[] fast = EmpiricalNtk.of(net, x, 9);
                    double[] slow = explicitKernel(net, x, 9, x, 9);
                    assertTrue(maxRelativeError(fast, slow) < 1e-10, p + " " + a + " depth " + depth + ": " + maxRelativeError(fast, slow));
                }
            }
        }
    }

    @Test
    void bothBackendsGiveTheExplicitKernel() {
        Network net = Network.initialize(new NetworkConfig(96, 3, Activation.GELU, Parameterization.NTK, 1.4, 0.3, 2), 3);
        double[] x = inputs(10, 3, 6);
        double[] slow = explicitKernel(net, x, 10, x, 10);
        for (MatrixBackend backend : new MatrixBackend[] {MatrixBackend.pureJava(), MatrixBackend.openBlasOrNull()}) {
            if (backend == null) {
                continue;
            }
            double[] k = new double[100];
            new EmpiricalNtk(net, 10, backend).compute(net, x, k);
            assertTrue(maxRelativeError(k, slow) < 1e-10, backend.name() + ": " + maxRelativeError(k, slow));
        }
    }

    @Test
    void crossKernelEqualsExplicitJacobianProduct() {
        Network net = Network.initialize(new NetworkConfig(50, 2, Activation.ERF, Parameterization.NTK, 1.2, 0.1, 3), 2);
        double[] x1 = inputs(6, 2, 1);
        double[] x2 = inputs(4, 2, 2);
        double[] fast = EmpiricalNtk.cross(net, x1, 6, x2, 4);
        assertTrue(maxRelativeError(fast, explicitKernel(net, x1, 6, x2, 4)) < 1e-10);
    }

    @Test
    void kernelIsSymmetricPositiveSemidefinite() {
        Network net = Network.initialize(new NetworkConfig(64, 2, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 4), 2);
        double[] k = EmpiricalNtk.of(net, inputs(12, 2, 8), 12);
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                assertEquals(k[i * 12 + j], k[j * 12 + i], 1e-12 * Math.abs(k[i * 12 + i]));
            }
        }
        double[] eig = Spectrum.of(k, 12, false).values();
        assertTrue(eig[11] > -1e-10 * eig[0]);
    }

    @Test
    void standardParameterizationKernelGrowsWithWidth() {
        // Under SP every layer's contribution grows like the width except the output bias's,
        // which is exactly 1 per entry: (tr Θ − n) scales by the width ratio.
        double[] x = inputs(5, 2, 3);
        double small = trace(EmpiricalNtk.of(Network.initialize(new NetworkConfig(256, 2, Activation.RELU, Parameterization.STANDARD, Math.sqrt(2), 0.1, 1), 2), x, 5)) - 5;
        double large = trace(EmpiricalNtk.of(Network.initialize(new NetworkConfig(4096, 2, Activation.RELU, Parameterization.STANDARD, Math.sqrt(2), 0.1, 1), 2), x, 5)) - 5;
        assertEquals(16.0, large / small, 16.0 * 0.15, "SP's NTK grows linearly with width");
        double ntkSmall = trace(EmpiricalNtk.of(Network.initialize(new NetworkConfig(256, 2, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 1), 2), x, 5));
        double ntkLarge = trace(EmpiricalNtk.of(Network.initialize(new NetworkConfig(4096, 2, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 1), 2), x, 5));
        assertEquals(1.0, ntkLarge / ntkSmall, 0.15, "NTK parameterization's kernel does not");
    }

    private static double trace(double[] k) {
        int n = (int) Math.round(Math.sqrt(k.length));
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += k[i * n + i];
        }
        return t;
    }
}
