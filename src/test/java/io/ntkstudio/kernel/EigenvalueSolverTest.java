package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EigenvalueSolverTest {
    /** An orthonormal basis of ℝⁿ (its rows), from Gram–Schmidt on Gaussian vectors. */
    static double[][] orthonormal(int n, Random r) {
        double[][] q = new double[n][n];
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                q[c][i] = r.nextGaussian();
            }
            for (int p = 0; p < c; p++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[c][i] * q[p][i];
                }
                for (int i = 0; i < n; i++) {
                    q[c][i] -= dot * q[p][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[c][i] * q[c][i];
            }
            for (int i = 0; i < n; i++) {
                q[c][i] /= Math.sqrt(norm);
            }
        }
        return q;
    }

    /** Q diag(λ) Qᵀ with Q from {@link #orthonormal}: a symmetric matrix with known eigenvalues. */
    private static double[] withEigenvalues(double[] lambda, long seed) {
        return withEigenvectors(lambda, orthonormal(lambda.length, new Random(seed)));
    }

    /** Σ_c λ_c q_c q_cᵀ for the rows q_c of {@code q}. */
    static double[] withEigenvectors(double[] lambda, double[][] q) {
        int n = lambda.length;
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += q[c][i] * lambda[c] * q[c][j];
                }
                k[i * n + j] = s;
            }
        }
        return k;
    }

    @Test
    void findsKnownEigenvaluesDescendingCallAfterCall() {
        int n = 12;
        EigenvalueSolver solver = new EigenvalueSolver(n);
        for (long seed = 0; seed < 5; seed++) {
            double[] lambda = new double[n];
            Random r = new Random(100 + seed);
            for (int i = 0; i < n; i++) {
                lambda[i] = (r.nextDouble() - 0.2) * Math.pow(10, 3 * r.nextDouble());
            }
            double[] k = withEigenvalues(lambda, seed);
            double[] before = k.clone();
            double[] found = solver.descending(k);
            double[] expected = lambda.clone();
            java.util.Arrays.sort(expected);
            for (int i = 0; i < n; i++) {
                assertEquals(expected[n - 1 - i], found[i], 1e-9 * Math.abs(expected[n - 1]) + 1e-9, "eigenvalue " + i + ", seed " + seed);
            }
            assertArrayEquals(before, k, 0.0, "the matrix is not changed");
        }
    }

    @Test
    void agreesWithTheSpectrumsEigenvalues() {
        double[] k = withEigenvalues(new double[] {5, 3, 3, 1e-8, -2, 0.5}, 9);
        assertArrayEquals(Spectrum.of(k, 6, false).values(), new EigenvalueSolver(6).descending(k), 0.0);
    }
}
