package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lanczos's λ_max against the dense decomposition, also with the near-equal top modes a multi-output kernel has. */
class LargestEigenvalueTest {
    private static double[] psd(int n, int rank, long seed, double constant) {
        Random r = new Random(seed);
        double[] a = new double[n * rank];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = constant;
                for (int p = 0; p < rank; p++) {
                    s += a[i * rank + p] * a[j * rank + p];
                }
                k[i * n + j] = s;
            }
        }
        return k;
    }

    @ParameterizedTest
    @CsvSource({"150, 150, 0.0", "200, 20, 0.0", "120, 120, 5.0"})
    void itIsTheDenseLargestEigenvalue(int n, int rank, double constant) {
        double[] k = psd(n, rank, n + rank, constant);
        double dense = Spectrum.of(k, n, false).largest();
        assertEquals(dense, LargestEigenvalue.of(k, n, 0), 1e-9 * dense);
    }

    @ParameterizedTest
    @CsvSource({"10, 0.05", "10, 0.005", "4, 0.2"})
    void nearEqualTopModesOfACoupledKernelDoNotStallIt(int c, double coupling) {
        // G ⊗ K with G = I + coupling · (a symmetric random C × C): C top modes within a few per cent
        int n = 30;
        double[] k = psd(n, n, 3, 4.0);
        Random r = new Random(c);
        double[] g = new double[c * c];
        for (int a = 0; a < c; a++) {
            for (int b = 0; b <= a; b++) {
                double e = coupling * r.nextGaussian();
                g[a * c + b] = (a == b ? 1 : 0) + e;
                g[b * c + a] = g[a * c + b];
            }
        }
        int size = n * c;
        double[] full = new double[size * size];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < c; a++) {
                for (int j = 0; j < n; j++) {
                    for (int b = 0; b < c; b++) {
                        full[(i * c + a) * size + j * c + b] = g[a * c + b] * k[i * n + j];
                    }
                }
            }
        }
        double dense = Spectrum.of(full, size, false).largest();
        assertEquals(dense, LargestEigenvalue.of(full, size, 0), 1e-9 * dense);
    }
}
