package io.ntkstudio.kernel;

import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.linalg.WeightStorage;
import java.util.Arrays;

/**
 * λ_max of a symmetric positive semi-definite matrix too large to decompose at once (the full
 * (nC) × (nC) NTK of C outputs), by power iteration with the Rayleigh quotient, stopped when it
 * changes by less than 1e-9 relatively, after at most 2,000 products (each v ↦ vᵀK, K symmetric).
 */
public final class LargestEigenvalue {
    private static final int MAX_ITERATIONS = 2000;

    private LargestEigenvalue() {
    }

    /**
     * λ_max of the N × N matrix {@code k}; {@code atLeast} is a lower bound known beforehand (the
     * output-averaged kernel's, a compression of this one). Refuses a matrix on which the iteration
     * does not settle rather than return a number that may be low.
     */
    public static double of(double[] k, int size, double atLeast) {
        MatrixBackend backend = MatrixBackend.current();
        // the matrix as the backend multiplies with it: copied to native memory once, not per product
        WeightStorage matrix = new WeightStorage(k);
        double[] v = new double[size];
        double[] w = new double[size];
        // a start with weight on every direction: the eigenvector of λ_max is not orthogonal to it
        for (int i = 0; i < size; i++) {
            v[i] = 1.0 + 0.01 * Math.sin(1.0 + i);
        }
        normalise(v);
        double last = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            backend.mult(1.0, v, matrix, w, 1, size, size);
            double rayleigh = 0;
            for (int i = 0; i < size; i++) {
                rayleigh += v[i] * w[i];
            }
            if (it > 5 && Math.abs(rayleigh - last) <= 1e-9 * Math.abs(rayleigh)) {
                return Math.max(rayleigh, atLeast);
            }
            last = rayleigh;
            System.arraycopy(w, 0, v, 0, size);
            if (normalise(v) == 0) {
                return atLeast;
            }
        }
        throw new IllegalStateException("the largest eigenvalue of the " + size + " × " + size + " kernel did not settle in "
                + MAX_ITERATIONS + " power iterations");
    }

    private static double normalise(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        double norm = Math.sqrt(s);
        if (norm > 0) {
            Arrays.setAll(v, i -> v[i] / norm);
        }
        return norm;
    }
}
