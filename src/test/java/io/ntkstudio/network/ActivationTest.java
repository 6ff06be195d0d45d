package io.ntkstudio.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.input.InvalidInputException;
import org.junit.jupiter.api.Test;

class ActivationTest {
    private static final double[] POINTS = {-3.1, -1.2, -0.4, -0.05, 0.07, 0.5, 1.3, 2.9};

    @Test
    void derivativeMatchesCentralDifferences() {
        double h = 1e-6;
        for (Activation a : Activation.values()) {
            for (double x : POINTS) {
                double fd = (a.value(x + h) - a.value(x - h)) / (2 * h);
                assertEquals(fd, a.derivative(x), 1e-8, a + " at " + x);
            }
        }
    }

    @Test
    void fusedApplyAgreesWithValueAndDerivative() {
        for (Activation a : Activation.values()) {
            double[] z = POINTS.clone();
            double[] h = new double[z.length];
            double[] d = new double[z.length];
            a.apply(z, h, d, z.length);
            for (int i = 0; i < z.length; i++) {
                assertEquals(a.value(POINTS[i]), h[i], 1e-15, a.id());
                assertEquals(a.derivative(POINTS[i]), d[i], 1e-15, a.id());
            }
            a.apply(z, z, null, z.length);
            assertEquals(a.value(POINTS[0]), z[0], 1e-15, "in place " + a.id());
        }
    }

    @Test
    void knownValues() {
        assertEquals(0.0, Activation.RELU.value(-2));
        assertEquals(-0.2, Activation.LEAKY_RELU.value(-2), 1e-15);
        assertEquals(0.8413447460685429, Activation.GELU.value(1.0), 1e-15);
        assertEquals(Math.log(2), Activation.SOFTPLUS.value(0), 1e-15);
        assertEquals(50.0, Activation.SOFTPLUS.value(50), 1e-12);
        assertEquals(0.5, Activation.SIGMOID.value(0), 0);
    }

    @Test
    void parsesNamesAndRejectsUnknownOnesWithTheList() {
        assertEquals(Activation.LEAKY_RELU, Activation.parse("Leaky-ReLU"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Activation.parse("swish"));
        assertTrue(e.getMessage().contains("relu, leaky_relu, tanh"), e.getMessage());
    }
}
