package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kernel–target alignments against their definitions written with dense matrices. */
class AlignmentTest {
    /** A random positive semi-definite n × n kernel, A Aᵀ plus a constant part. */
    private static double[] kernel(int n, long seed) {
        Random r = new Random(seed);
        double[] a = new double[n * 4];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 3.0;
                for (int p = 0; p < 4; p++) {
                    s += a[i * 4 + p] * a[j * 4 + p];
                }
                k[i * n + j] = s;
            }
        }
        return k;
    }

    private static double[] oneHot(int n, int c, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n * c];
        for (int i = 0; i < n; i++) {
            y[i * c + (i < c ? i : r.nextInt(c))] = 1;
        }
        return y;
    }

    private static double[] product(double[] a, double[] b, int n) {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) {
                    s += a[i * n + p] * b[p * n + j];
                }
                out[i * n + j] = s;
            }
        }
        return out;
    }

    private static double frobeniusCosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @ParameterizedTest
    @CsvSource({"7, 1", "12, 3", "20, 10"})
    void bothAlignmentsAreTheirDenseDefinitions(int n, int c) {
        double[] k = kernel(n, n);
        double[] y = oneHot(n, c, c);
        if (c == 1) {
            Random r = new Random(2);
            for (int i = 0; i < n; i++) {
                y[i] = r.nextGaussian();
            }
        }
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int o = 0; o < c; o++) {
                    l[i * n + j] += y[i * c + o] * y[j * c + o];
                }
            }
        }
        double[] h = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i * n + j] = (i == j ? 1 : 0) - 1.0 / n;
            }
        }
        double[] kc = product(product(h, k, n), h, n);
        double[] lc = product(product(h, l, n), h, n);
        assertEquals(frobeniusCosine(k, l), KernelMetrics.alignment(k, y, c), 1e-12);
        assertEquals(frobeniusCosine(kc, lc), KernelMetrics.centredAlignment(k, y, c), 1e-12);
        // centring forgets a kernel's constant part; the plain alignment does not
        double[] shifted = k.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 50;
        }
        assertEquals(KernelMetrics.centredAlignment(k, y, c), KernelMetrics.centredAlignment(shifted, y, c), 1e-10);
    }
}
