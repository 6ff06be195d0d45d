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
    /** With eigenvectors, made at the first call that needs them. */
    private EigenDecomposition_F64<DMatrixRMaj> eigVectors;
    private Integer[] byValue;
    private double[] energies;

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

    /**
     * As {@link #descending(double[])}, and into {@code alignment} the task–model alignment C(k) of
     * the target {@code y} (C = {@code outputs} per point) on {@code k}'s eigenvectors, as
     * {@link Spectrum#taskAlignment}. About three times the cost of the eigenvalues alone.
     */
    public double[] descending(double[] k, double[] y, int outputs, double[] alignment) {
        if (eigVectors == null) {
            eigVectors = DecompositionFactory_DDRM.eig(n, true, true);
            byValue = new Integer[n];
            energies = new double[n];
        }
        System.arraycopy(k, 0, work.data, 0, n * n);
        if (!eigVectors.decompose(work)) {
            throw new IllegalStateException("the eigen-decomposition of the " + n + " × " + n + " kernel did not converge");
        }
        for (int i = 0; i < n; i++) {
            byValue[i] = i;
            DMatrixRMaj v = eigVectors.getEigenVector(i);
            double sum = 0;
            for (int c = 0; c < outputs; c++) {
                double p = 0;
                for (int j = 0; j < n; j++) {
                    p += v.data[j] * y[j * outputs + c];
                }
                sum += p * p;
            }
            energies[i] = sum;
        }
        Arrays.sort(byValue, (a, b) -> Double.compare(eigVectors.getEigenvalue(b).getReal(), eigVectors.getEigenvalue(a).getReal()));
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eigVectors.getEigenvalue(byValue[i]).getReal();
            alignment[i] = energies[byValue[i]];
        }
        Spectrum.cumulativeShare(alignment);
        return values;
    }
}
