package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.network.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sin moments E[sin u sin v] = e^{−s} sinh c and E[cos u cos v] = e^{−s} cosh c stay finite
 * however large the variances: they are bounded by 1, and only e^{−s} and sinh c overflow apart.
 */
class SinMomentsTest {
    private static final GaussianMoments SIN = ClosedFormMoments.forActivation(Activation.SIN);

    /** Against the identities E[sin² u] = (1 − e^{−2q})/2 and E[cos² u] = (1 + e^{−2q})/2, at any q. */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 3, 600, 699.9, 700.1, 1e4, 1e8})
    void theDiagonalIsBoundedWhateverTheVariance(double q) {
        double[] out = new double[2];
        SIN.compute(q, q, q, out);
        assertEquals(0.5 * -Math.expm1(-2 * q), out[0], 1e-14);
        assertEquals(0.5 * (1 + Math.exp(-2 * q)), out[1], 1e-14);
    }

    /** Off the diagonal, where the two forms both work, they agree; past s = 700 the values are finite and within [−1, 1]. */
    @ParameterizedTest
    @ValueSource(doubles = {650, 699, 720, 5e3})
    void offTheDiagonalTheTwoFormsAgreeAndStayBounded(double q) {
        double[] out = new double[2];
        for (double rho : new double[] {-0.9, -0.1, 0.3, 0.999}) {
            SIN.compute(q, rho * q, q, out);
            assertTrue(Double.isFinite(out[0]) && Math.abs(out[0]) <= 1 && out[1] >= 0 && out[1] <= 1, rho + ": " + out[0] + ", " + out[1]);
            double plus = Math.exp(rho * q - q);
            double minus = Math.exp(-rho * q - q);
            assertEquals(0.5 * (plus - minus), out[0], 1e-15);
            assertEquals(0.5 * (plus + minus), out[1], 1e-15);
        }
    }
}
