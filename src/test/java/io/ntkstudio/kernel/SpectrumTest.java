package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpectrumTest {
    private static double[] randomSpd(int n, long seed) {
        Random r = new Random(seed);
        double[] a = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) {
                    s += a[i * n + p] * a[j * n + p];
                }
                k[i * n + j] = s;
            }
        }
        return k;
    }

    @Test
    void reconstructsTheMatrixWithDescendingEigenvalues() {
        int n = 20;
        double[] k = randomSpd(n, 3);
        Spectrum s = Spectrum.of(k, n, true);
        for (int i = 1; i < n; i++) {
            assertTrue(s.value(i - 1) >= s.value(i));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int e = 0; e < n; e++) {
                    v += s.value(e) * s.vector(e, i) * s.vector(e, j);
                }
                assertEquals(k[i * n + j], v, 1e-10 * s.largest());
            }
        }
    }

    @Test
    void energiesSumToTheSquaredNorm() {
        int n = 10;
        Spectrum s = Spectrum.of(randomSpd(n, 4), n, true);
        double[] r = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            r[i] = Math.sin(i);
            norm += r[i] * r[i];
        }
        double sum = 0;
        for (double e : s.energies(r)) {
            sum += e;
        }
        assertEquals(norm, sum, 1e-12);
    }

    @Test
    void conditionNumberOfADiagonalMatrix() {
        double[] k = {4, 0, 0, 0, 2, 0, 0, 0, 0.5};
        Spectrum s = Spectrum.of(k, 3, false);
        assertEquals(8.0, s.conditionNumber(), 1e-12);
        assertEquals(4.0, s.largest(), 1e-12);
    }
}
