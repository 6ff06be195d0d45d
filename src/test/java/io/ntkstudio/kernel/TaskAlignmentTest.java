package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The task–model alignment C(k) = Σ_{i≤k} Σ_c (vᵢᵀ y_c)² / ‖Y‖² (Canatar, Bordelon &amp; Pehlevan
 * 2021) against the definition on a kernel built from eigenvectors the test chose itself.
 */
class TaskAlignmentTest {
    @ParameterizedTest
    @CsvSource({"12, 1, 1", "12, 3, 2", "40, 10, 3", "7, 2, 4"})
    void cOfKIsTheTargetsShareOnTheTopKEigenvectors(int n, int outputs, long seed) {
        Random r = new Random(seed);
        double[][] v = EigenvalueSolverTest.orthonormal(n, r);
        // distinct eigenvalues in a shuffled order, so that the sort is tested too
        java.util.List<Integer> exponents = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            exponents.add(i);
        }
        java.util.Collections.shuffle(exponents, r);
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = Math.pow(0.8, exponents.get(i)) * 10;
        }
        double[] k = EigenvalueSolverTest.withEigenvectors(lambda, v);
        double[] y = new double[n * outputs];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextGaussian();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(lambda[b], lambda[a]));
        double total = 0;
        for (double t : y) {
            total += t * t;
        }
        double[] expected = new double[n];
        double sum = 0;
        for (int kk = 0; kk < n; kk++) {
            double[] vk = v[order[kk]];
            for (int c = 0; c < outputs; c++) {
                double p = 0;
                for (int j = 0; j < n; j++) {
                    p += vk[j] * y[j * outputs + c];
                }
                sum += p * p;
            }
            expected[kk] = sum / total;
        }
        assertEquals(1.0, expected[n - 1], 1e-12);
        assertArrayEquals(expected, Spectrum.of(k, n, true).taskAlignment(y, outputs), 1e-10);
        // the solver a training run measures Θ_t with: the same C(k) and the eigenvalues it gives alone
        EigenvalueSolver solver = new EigenvalueSolver(n);
        double[] alignment = new double[n];
        double[] values = solver.descending(k, y, outputs, alignment);
        assertArrayEquals(expected, alignment, 1e-10);
        assertArrayEquals(solver.descending(k), values, 1e-10);
        // a second call on the same workspaces is as good as the first
        assertArrayEquals(values, solver.descending(k, y, outputs, alignment), 0.0);
        assertArrayEquals(expected, alignment, 1e-10);
    }
}
