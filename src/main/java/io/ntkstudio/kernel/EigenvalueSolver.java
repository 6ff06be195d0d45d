package io.ntkstudio.kernel;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigenvalues of symmetric n × n matrices, one after another, by the same symmetric QR
 * algorithm as {@link Spectrum} but with its workspace kept between calls. A training run asks for
 * the spectrum of Θ_t at every kernel interval (hundreds of thousands of times in a long run);
 * a fresh decomposition each time was the largest allocation of a run and made the garbage
 * collector grow the heap. Not thread-safe: one per owning thread.
 */
public final class EigenvalueSolver {
    private final int n;
    private final DMatrixRMaj work;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;

    public EigenvalueSolver(int n) {
        this.n = n;
        this.work = new DMatrixRMaj(n, n);
        this.eig = DecompositionFactory_DDRM.eig(n, false, true);
    }

    /**
     * The eigenvalues of the symmetric matrix {@code k} (row-major, not changed), descending, in a
     * new array; the same numbers as {@code Spectrum.of(k, n, false).values()}.
     *
     * @throws IllegalStateException when the QR iterations do not converge
     */
    public double[] descending(double[] k) {
        System.arraycopy(k, 0, work.data, 0, n * n);
        if (!eig.decompose(work)) {
            throw new IllegalStateException("the eigen-decomposition of the " + n + " × " + n + " kernel did not converge");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(values);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }
}
