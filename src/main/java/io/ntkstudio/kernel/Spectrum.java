package io.ntkstudio.kernel;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigen-decomposition K = V diag(λ) Vᵀ of a symmetric kernel matrix, eigenvalues in descending
 * order, by EJML's symmetric QR algorithm. Eigenvector i is row i of {@link #vector}. Immutable.
 */
public final class Spectrum {
    private final int n;
    private final double[] values;
    private final double[] vectors;

    private Spectrum(int n, double[] values, double[] vectors) {
        this.n = n;
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes the symmetric n × n matrix {@code k} (row-major); {@code k} is not changed. */
    public static Spectrum of(double[] k, int n, boolean withVectors) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        System.arraycopy(k, 0, m.data, 0, n * n);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, withVectors, true);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("the eigen-decomposition of the " + n + " × " + n + " kernel did not converge");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> raw[i]).reversed());
        double[] values = new double[n];
        double[] vectors = withVectors ? new double[n * n] : null;
        for (int r = 0; r < n; r++) {
            values[r] = raw[order[r]];
            if (withVectors) {
                DMatrixRMaj v = eig.getEigenVector(order[r]);
                System.arraycopy(v.data, 0, vectors, r * n, n);
            }
        }
        return new Spectrum(n, values, vectors);
    }

    public int size() {
        return n;
    }

    /** Eigenvalues, descending (a copy). */
    public double[] values() {
        return values.clone();
    }

    public double value(int i) {
        return values[i];
    }

    public double largest() {
        return values[0];
    }

    public boolean hasVectors() {
        return vectors != null;
    }

    /** Component j of unit eigenvector i. */
    public double vector(int i, int j) {
        return vectors[i * n + j];
    }

    /** λ_max / λ_min; infinite when the smallest eigenvalue is not positive. */
    public double conditionNumber() {
        double min = values[n - 1];
        return min > 0 ? values[0] / min : Double.POSITIVE_INFINITY;
    }

    /** Coordinates vᵢᵀ r of a vector in the eigenbasis. */
    public double[] project(double[] r) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += vectors[i * n + j] * r[j];
            }
            a[i] = s;
        }
        return a;
    }

    /** The residual's energy per eigen-direction, (vᵢᵀ r)². */
    public double[] energies(double[] r) {
        double[] a = project(r);
        for (int i = 0; i < n; i++) {
            a[i] *= a[i];
        }
        return a;
    }

    /**
     * The energy of a residual of C outputs per point (point i's at i·C) along eigenvector i of
     * an n × n kernel, Σ_c (vᵢᵀ r_c)²: the energy per mode of Θ ⊗ I_C.
     */
    public double energy(int i, double[] r, int outputs) {
        double sum = 0;
        for (int c = 0; c < outputs; c++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += vectors[i * n + j] * r[j * outputs + c];
            }
            sum += s * s;
        }
        return sum;
    }

    /**
     * The task–model alignment C(k) = Σ_{i≤k} Σ_c (vᵢᵀ y_c)² / ‖Y‖² for k = 1 … n (Canatar, Bordelon &
     * Pehlevan 2021, eq. 11): the share of the target that the top k eigenvectors hold. Rises to 1;
     * all zeros for a zero target.
     */
    public double[] taskAlignment(double[] y, int outputs) {
        return cumulativeShare(energies(y, outputs));
    }

    /** Running sums of {@code energies}, divided by their total (left at 0 when the total is 0), in place. */
    static double[] cumulativeShare(double[] energies) {
        double total = 0;
        for (double e : energies) {
            total += e;
        }
        double sum = 0;
        for (int i = 0; i < energies.length; i++) {
            sum += energies[i];
            energies[i] = total > 0 ? sum / total : 0;
        }
        return energies;
    }

    /** {@link #energy} along every eigenvector. */
    public double[] energies(double[] r, int outputs) {
        if (outputs == 1) {
            return energies(r);
        }
        // V R: row i holds vᵢᵀ r_c for every output c
        double[] projected = new double[n * outputs];
        io.ntkstudio.linalg.MatrixBackend.current().mult(1.0, vectors, r, projected, n, n, outputs);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < outputs; c++) {
                double p = projected[i * outputs + c];
                sum += p * p;
            }
            e[i] = sum;
        }
        return e;
    }
}
