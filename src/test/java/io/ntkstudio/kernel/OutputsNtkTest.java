package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputsNtkTest {
    /** Θ_cc'(x_i, x'_j) = ∇θ f_c(x_i) · ∇θ f_c'(x'_j), rows (i, c), from per-example, per-output backpropagation. */
    private static double[] explicitFull(Network net, double[] x1, int n1, double[] x2, int n2) {
        int c = net.outputs();
        double[][] j1 = jacobian(net, x1, n1);
        double[][] j2 = jacobian(net, x2, n2);
        double[] k = new double[n1 * c * n2 * c];
        for (int r = 0; r < n1 * c; r++) {
            for (int s = 0; s < n2 * c; s++) {
                double sum = 0;
                for (int p = 0; p < j1[r].length; p++) {
                    sum += j1[r][p] * j2[s][p];
                }
                k[r * n2 * c + s] = sum;
            }
        }
        return k;
    }

    private static double[][] jacobian(Network net, double[] x, int n) {
        int d = net.inputDim();
        int c = net.outputs();
        double[][] j = new double[n * c][];
        for (int i = 0; i < n; i++) {
            double[] row = new double[d];
            System.arraycopy(x, i * d, row, 0, d);
            for (int a = 0; a < c; a++) {
                j[i * c + a] = net.parameterGradient(row, a);
            }
        }
        return j;
    }

    @ParameterizedTest
    @CsvSource({"NTK, RELU, 1, 3", "NTK, TANH, 3, 4", "STANDARD, GELU, 2, 2", "MUP, RELU, 2, 5", "NTK, ERF, 1, 1"})
    void theFactorisedKernelEqualsTheExplicitPerOutputJacobianProduct(Parameterization p, Activation a, int depth, int outputs) {
        Network net = Network.initialize(new NetworkConfig(29, depth, a, p, 1.4, 0.3, 11), 3, outputs);
        double[] x1 = EmpiricalNtkTest.inputs(7, 3, 5);
        double[] x2 = EmpiricalNtkTest.inputs(4, 3, 6);
        double[] slow = explicitFull(net, x1, 7, x2, 4);
        double[] fast = OutputsNtk.full(net, x1, 7, x2, 4);
        assertTrue(EmpiricalNtkTest.maxRelativeError(fast, slow) < 1e-10, "full: " + EmpiricalNtkTest.maxRelativeError(fast, slow));
        double[] averaged = OutputsNtk.averaged(net, x1, 7, x2, 4);
        double[] expected = new double[7 * 4];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 4; j++) {
                for (int c = 0; c < outputs; c++) {
                    expected[i * 4 + j] += slow[(i * outputs + c) * 4 * outputs + j * outputs + c] / outputs;
                }
            }
        }
        assertTrue(EmpiricalNtkTest.maxRelativeError(averaged, expected) < 1e-10, "averaged: "
                + EmpiricalNtkTest.maxRelativeError(averaged, expected));
        // on the train points themselves, from one pass (Gram products, the upper triangle mirrored)
        double[] self = explicitFull(net, x1, 7, x1, 7);
        double[] selfExpected = new double[7 * 7];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                for (int c = 0; c < outputs; c++) {
                    selfExpected[i * 7 + j] += self[(i * outputs + c) * 7 * outputs + j * outputs + c] / outputs;
                }
            }
        }
        double[] onePass = OutputsNtk.averaged(net, x1, 7);
        assertTrue(EmpiricalNtkTest.maxRelativeError(onePass, selfExpected) < 1e-10, "averaged on one pass: "
                + EmpiricalNtkTest.maxRelativeError(onePass, selfExpected));
    }

    @ParameterizedTest
    @CsvSource({"1", "3"})
    void theCrossOutputBlocksAreThereAtFiniteWidthAndTheDiagonalBlocksAgree(int depth) {
        Network net = Network.initialize(new NetworkConfig(16, depth, Activation.RELU, Parameterization.NTK, 1.4, 0.1, 3), 3, 2);
        double[] x = EmpiricalNtkTest.inputs(5, 3, 8);
        double[] k = OutputsNtk.full(net, x, 5, x, 5);
        double cross = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                cross = Math.max(cross, Math.abs(k[(i * 2) * 10 + j * 2 + 1]));
                // symmetric: Θ_01(x_i, x_j) = Θ_10(x_j, x_i)
                assertEquals(k[(i * 2) * 10 + j * 2 + 1], k[(j * 2 + 1) * 10 + i * 2], 1e-12 * Math.abs(k[0]));
            }
        }
        assertTrue(cross > 1e-3 * Math.abs(k[0]), "cross-output block " + cross + " against " + k[0]);
    }

    @ParameterizedTest
    @CsvSource({"NTK", "MUP"})
    void aOneOutputNetworksKernelIsTheScalarKernel(Parameterization p) {
        Network net = Network.initialize(new NetworkConfig(31, 2, Activation.TANH, p, 1.2, 0.2, 4), 3, 1);
        double[] x = EmpiricalNtkTest.inputs(6, 3, 9);
        double[] scalar = EmpiricalNtk.of(net, x, 6);
        assertTrue(EmpiricalNtkTest.maxRelativeError(OutputsNtk.full(net, x, 6, x, 6), scalar) < 1e-12);
        assertTrue(EmpiricalNtkTest.maxRelativeError(OutputsNtk.averaged(net, x, 6, x, 6), scalar) < 1e-12);
    }
}
