package io.ntkstudio.kernel;

import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.linalg.WeightStorage;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * λ_max of a symmetric positive semi-definite matrix too large to decompose at once (the full
 * (nC) × (nC) NTK of C outputs), by the Lanczos iteration with full reorthogonalisation (Golub &amp;
 * Van Loan, Matrix Computations, §10.1): the largest Ritz value of the Krylov space, stopped when
 * its residual bound |β_k s_k| (an eigenvalue lies within it) falls below 1e-10 of it. The Krylov
 * space converges on λ_max at a rate set by its gap to the rest of the spectrum's spread, not by
 * λ₂/λ₁ as power iteration does: the C near-equal constant modes of a multi-output kernel stall
 * power iteration for hundreds of products, Lanczos for a few dozen.
 */
public final class LargestEigenvalue {
    private static final int MAX_ITERATIONS = 300;
    private static final double TOLERANCE = 1e-10;

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
        int most = Math.min(size, MAX_ITERATIONS);
        double[][] q = new double[most + 1][];
        double[] alpha = new double[most];
        double[] beta = new double[most];
        double[] v = new double[size];
        // a start with weight on every direction: the eigenvector of λ_max is not orthogonal to it
        for (int i = 0; i < size; i++) {
            v[i] = 1.0 + 0.01 * Math.sin(1.0 + i);
        }
        q[0] = scaled(v, 1 / norm(v));
        double[] w = new double[size];
        for (int j = 0; j < most; j++) {
            backend.mult(1.0, q[j], matrix, w, 1, size, size);
            alpha[j] = dot(w, q[j]);
            // w ⊥ every earlier Lanczos vector, twice for the digits lost to cancellation
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    double c = dot(w, q[i]);
                    for (int p = 0; p < size; p++) {
                        w[p] -= c * q[i][p];
                    }
                }
            }
            beta[j] = norm(w);
            double[] ritz = largestRitz(alpha, beta, j + 1);
            boolean exhausted = beta[j] <= TOLERANCE * Math.abs(ritz[0]) || j + 1 == size;
            if (exhausted || Math.abs(beta[j] * ritz[1]) <= TOLERANCE * Math.abs(ritz[0])) {
                return Math.max(ritz[0], atLeast);
            }
            q[j + 1] = scaled(w, 1 / beta[j]);
        }
        throw new IllegalStateException("the largest eigenvalue of the " + size + " × " + size + " kernel did not settle in "
                + most + " Lanczos steps");
    }

    /** The largest eigenvalue of the k × k tridiagonal (α, β) and the last component of its unit eigenvector. */
    private static double[] largestRitz(double[] alpha, double[] beta, int k) {
        DMatrixRMaj t = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            t.set(i, i, alpha[i]);
            if (i + 1 < k) {
                t.set(i, i + 1, beta[i]);
                t.set(i + 1, i, beta[i]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(t)) {
            throw new IllegalStateException("the Lanczos tridiagonal's eigenvalues did not converge");
        }
        int best = 0;
        for (int i = 1; i < k; i++) {
            if (eig.getEigenvalue(i).getReal() > eig.getEigenvalue(best).getReal()) {
                best = i;
            }
        }
        DMatrixRMaj s = eig.getEigenVector(best);
        double length = 0;
        for (int i = 0; i < k; i++) {
            length += s.get(i) * s.get(i);
        }
        return new double[] {eig.getEigenvalue(best).getReal(), s.get(k - 1) / Math.sqrt(length)};
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double[] scaled(double[] v, double by) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = by * v[i];
        }
        return out;
    }
}
