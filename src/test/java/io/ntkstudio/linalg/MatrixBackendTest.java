package io.ntkstudio.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every backend against plain triple loops, including the native weight mirrors' coherence. */
class MatrixBackendTest {
    static List<MatrixBackend> backends() {
        List<MatrixBackend> list = new ArrayList<>();
        list.add(MatrixBackend.pureJava());
        MatrixBackend blas = MatrixBackend.openBlasOrNull();
        if (blas != null) {
            list.add(blas);
        }
        return list;
    }

    private static double[] random(int len, long seed) {
        Random r = new Random(seed);
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = r.nextGaussian();
        }
        return a;
    }

    /** C = alpha · op(A) op(B) by definition, A and B read through index functions. */
    private static double[] naive(double alpha, int m, int k, int n,
                                  Elem a, Elem b) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a.at(i, p) * b.at(p, j);
                }
                c[i * n + j] = alpha * s;
            }
        }
        return c;
    }

    interface Elem {
        double at(int i, int j);
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * (1 + Math.abs(expected[i])), what + " at " + i);
        }
    }

    @Test
    void productsMatchTheDefinition() {
        int m = 37;
        int k = 53;
        int n = 29;
        double[] a = random(m * k, 1);
        double[] bt = random(n * k, 2);
        double[] b = random(k * n, 3);
        for (MatrixBackend be : backends()) {
            double[] c = new double[m * n];
            be.multTransB(0.7, a, bt, c, m, k, n);
            assertClose(naive(0.7, m, k, n, (i, p) -> a[i * k + p], (p, j) -> bt[j * k + p]), c, be.name() + " A·Bᵀ");
            be.mult(0.7, a, b, c, m, k, n);
            assertClose(naive(0.7, m, k, n, (i, p) -> a[i * k + p], (p, j) -> b[p * n + j]), c, be.name() + " A·B");
            double[] g = new double[m * m];
            be.gram(2.0, a, g, m, k);
            double[] full = naive(2.0, m, k, m, (i, p) -> a[i * k + p], (p, j) -> a[j * k + p]);
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    assertEquals(full[i * m + j], g[i * m + j], 1e-12 * (1 + Math.abs(full[i * m + j])), be.name() + " gram");
                }
            }
        }
    }

    @Test
    void weightStorageProductsSeeEveryWriteFromEitherSide() {
        int m = 11;
        int k = 7;
        int n = 5;
        for (MatrixBackend be : backends()) {
            double[] wData = random(n * k, 6);
            WeightStorage w = new WeightStorage(wData.clone());
            double[] h = random(m * k, 7);
            double[] z = new double[m * n];
            be.multTransB(1.5, h, w, z, m, k, n);
            assertClose(naive(1.5, m, k, n, (i, p) -> h[i * k + p], (p, j) -> wData[j * k + p]), z, be.name() + " forward");

            w.write()[0] += 10.0;
            wData[0] += 10.0;
            be.multTransB(1.5, h, w, z, m, k, n);
            assertClose(naive(1.5, m, k, n, (i, p) -> h[i * k + p], (p, j) -> wData[j * k + p]), z, be.name() + " after a Java write");

            double[] g = random(m * n, 8);
            be.multAddTransA(-0.2, g, h, w, m, n, k);
            double[] step = naive(-0.2, n, m, k, (i, p) -> g[p * n + i], (p, j) -> h[p * k + j]);
            for (int i = 0; i < wData.length; i++) {
                wData[i] += step[i];
            }
            assertClose(wData, w.read(), be.name() + " the update is visible to Java");

            double[] gg = random(m * n, 9);
            double[] back = new double[m * k];
            be.mult(0.5, gg, w, back, m, n, k);
            assertClose(naive(0.5, m, n, k, (i, p) -> gg[i * n + p], (p, j) -> wData[p * k + j]), back, be.name() + " backward");
        }
    }

    @Test
    void theJavaBackendCanBeForcedAndAutoPrefersOpenBlas() {
        assertSame(MatrixBackend.pureJava(), Backends.choose("java"));
        MatrixBackend auto = Backends.choose("auto");
        assertNotNull(auto);
        assertEquals(MatrixBackend.openBlasOrNull() != null ? "openblas" : "ejml-mt", auto.name());
    }
}
