package io.ntkstudio.kernel;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Gauss–Hermite rule for the standard normal: E[g(z)] ≈ Σ_k w_k g(z_k), exact for polynomials of
 * degree below 2K. Nodes and weights by Golub &amp; Welsch 1969: the eigenvalues of the Jacobi matrix
 * of the probabilists' Hermite polynomials (off-diagonal √k) and the squared first components of
 * its eigenvectors.
 */
public record GaussHermite(double[] nodes, double[] weights) {
    public GaussHermite {
        nodes = nodes.clone();
        weights = weights.clone();
    }

    public static GaussHermite of(int order) {
        DMatrixRMaj jacobi = new DMatrixRMaj(order, order);
        for (int k = 1; k < order; k++) {
            double off = Math.sqrt(k);
            jacobi.set(k - 1, k, off);
            jacobi.set(k, k - 1, off);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(order, true, true);
        if (!eig.decompose(jacobi)) {
            throw new IllegalStateException("Gauss–Hermite eigen-decomposition failed for order " + order);
        }
        double[] nodes = new double[order];
        double[] weights = new double[order];
        double total = 0;
        for (int k = 0; k < order; k++) {
            nodes[k] = eig.getEigenvalue(k).getReal();
            DMatrixRMaj v = eig.getEigenVector(k);
            double first = v.get(0) / Math.sqrt(dot(v, v));
            weights[k] = first * first;
            total += weights[k];
        }
        for (int k = 0; k < order; k++) {
            weights[k] /= total;
        }
        return new GaussHermite(nodes, weights);
    }

    public int order() {
        return nodes.length;
    }

    private static double dot(DMatrixRMaj v, DMatrixRMaj w) {
        double s = 0;
        for (int i = 0; i < v.getNumElements(); i++) {
            s += v.get(i) * w.get(i);
        }
        return s;
    }
}
