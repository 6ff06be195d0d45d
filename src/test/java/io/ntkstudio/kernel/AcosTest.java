package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Java arccos gives StrictMath's (fdlibm's) bits, across its branches and at their edges. */
class AcosTest {
    @Test
    void theSameBitsAsStrictMath() {
        double[] edges = {-1, 1, 0, -0.0, 0.5, -0.5, Math.nextUp(0.5), Math.nextDown(-0.5), Math.nextDown(1), Math.nextUp(-1), 1e-17,
            -1e-300, 0x1p-57, 0x1p-56, 2, -1.5, Double.NaN, 0.9999999999, -0.9999999999};
        for (double x : edges) {
            assertEquals(Double.doubleToLongBits(StrictMath.acos(x)), Double.doubleToLongBits(Acos.of(x)), "acos(" + x + ")");
        }
        Random r = new Random(3);
        for (int i = 0; i < 2_000_000; i++) {
            // uniform on [−1, 1], and clustered at ±1 where the kernel's correlations sit
            double x = i % 2 == 0 ? 2 * r.nextDouble() - 1 : (r.nextBoolean() ? 1 : -1) * (1 - Math.pow(10, -16 * r.nextDouble()));
            assertEquals(Double.doubleToLongBits(StrictMath.acos(x)), Double.doubleToLongBits(Acos.of(x)), "acos(" + x + ")");
        }
    }
}
