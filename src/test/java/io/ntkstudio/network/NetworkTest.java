package io.ntkstudio.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.input.InvalidInputException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private static NetworkConfig config(int width, int depth, Activation a, Parameterization p, long seed) {
        return new NetworkConfig(width, depth, a, p, 1.3, 0.2, seed);
    }

    @Test
    void initialisationIsTheSpecifiedRandomStream() {
        // java.util.Random's algorithm is fixed by its specification, so these numbers are the
        // same on every JVM: the first Gaussian of seed 0 is 0.8025330637390305.
        Network net = Network.initialize(config(8, 2, Activation.RELU, Parameterization.NTK, 0), 3);
        assertEquals(0.8025330637390305, net.weights(0)[0], 0.0);
        Random r = new Random(0);
        double[] flat = net.flatParameters();
        for (double v : flat) {
            assertEquals(r.nextGaussian(), v, 0.0);
        }
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        NetworkConfig c = config(16, 3, Activation.TANH, Parameterization.STANDARD, 42);
        assertArrayEquals(Network.initialize(c, 2).flatParameters(), Network.initialize(c, 2).flatParameters(), 0.0);
        assertNotEquals(Network.initialize(c, 2).flatParameters()[5], Network.initialize(c.withSeed(43), 2).flatParameters()[5]);
    }

    @Test
    void storedWeightsHaveTheParameterizationsInitialScale() {
        int width = 512;
        NetworkConfig c = config(width, 2, Activation.RELU, Parameterization.STANDARD, 7);
        Network sp = Network.initialize(c, 4);
        assertEquals(1.3 / Math.sqrt(width), std(sp.weights(1)), 0.02 * 1.3 / Math.sqrt(width));
        assertEquals(1.3 / Math.sqrt(4), std(sp.weights(0)), 0.05 * 1.3 / 2);
        Network mup = Network.initialize(c.withParameterization(Parameterization.MUP), 4);
        assertEquals(1 / Math.sqrt(width), std(mup.weights(1)), 0.02 / Math.sqrt(width));
        Network ntk = Network.initialize(c.withParameterization(Parameterization.NTK), 4);
        assertEquals(1.0, std(ntk.weights(1)), 0.02);
    }

    @Test
    void batchedForwardEqualsSingleInputForward() {
        for (Parameterization p : Parameterization.values()) {
            Network net = Network.initialize(config(24, 3, Activation.GELU, p, 5), 3);
            double[] x = randomInputs(7, 3, 11);
            BatchedPass pass = new BatchedPass(net, 7);
            pass.forward(net, x);
            for (int i = 0; i < 7; i++) {
                double[] row = {x[3 * i], x[3 * i + 1], x[3 * i + 2]};
                assertEquals(net.output(row), pass.outputs()[i], 1e-12, p.id());
            }
        }
    }

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        double h = 1e-6;
        for (Parameterization p : Parameterization.values()) {
            for (Activation a : new Activation[] {Activation.TANH, Activation.RELU, Activation.SOFTPLUS}) {
                Network net = Network.initialize(config(5, 2, a, p, 3), 2);
                double[] x = {0.7, -0.4};
                double[] grad = net.parameterGradient(x);
                double[] theta = net.flatParameters();
                for (int k = 0; k < theta.length; k++) {
                    double[] plus = theta.clone();
                    plus[k] += h;
                    double[] minus = theta.clone();
                    minus[k] -= h;
                    net.setFlatParameters(plus);
                    double fp = net.output(x);
                    net.setFlatParameters(minus);
                    double fm = net.output(x);
                    net.setFlatParameters(theta);
                    assertEquals((fp - fm) / (2 * h), grad[k], 1e-6 * Math.max(1, Math.abs(grad[k])),
                            p + " " + a + " parameter " + k);
                }
            }
        }
    }

    @Test
    void rejectsOutOfRangeArchitecture() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> config(0, 2, Activation.RELU, Parameterization.NTK, 0));
        assertTrue(e.getMessage().contains("network.width"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> config(8193, 2, Activation.RELU, Parameterization.NTK, 0));
        assertThrows(InvalidInputException.class, () -> config(8, 11, Activation.RELU, Parameterization.NTK, 0));
        assertThrows(InvalidInputException.class, () -> new NetworkConfig(8, 1, Activation.RELU, Parameterization.NTK, -1, 0, 0));
    }

    @Test
    void parameterCountMatchesTheLayers() {
        NetworkConfig c = config(10, 3, Activation.RELU, Parameterization.NTK, 0);
        assertEquals(c.parameterCount(4), Network.initialize(c, 4).parameterCount());
        assertEquals(10 * 5 + 2 * 110 + 11, c.parameterCount(4));
    }

    static double[] randomInputs(int n, int d, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    private static double std(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s / v.length);
    }
}
