package io.ntkstudio.model;

/**
 * The dense products the engine spends its time in, on row-major {@code double[]} matrices.
 * Outputs are passed in so the hot path allocates nothing. Implementations must give the same
 * results as {@link EjmlBackend} up to floating-point rounding.
 */
public interface MatrixBackend {
    /** C (m×n) = alpha · A (m×k) · Bᵀ, B stored n×k. */
    void multTransB(double alpha, double[] a, double[] b, double[] c, int m, int k, int n);

    /** C (m×n) = alpha · A (m×k) · B (k×n). */
    void mult(double alpha, double[] a, double[] b, double[] c, int m, int k, int n);

    /** C (m×n) += alpha · Aᵀ · B, A stored k×m, B stored k×n. */
    void multAddTransA(double alpha, double[] a, double[] b, double[] c, int k, int m, int n);

    /** C (m×m) = alpha · A Aᵀ, A stored m×k; both triangles are filled. */
    void gram(double alpha, double[] a, double[] c, int m, int k);

    /** A short name for reports, e.g. "ejml-mt". */
    String name();

    /** The backend in use. */
    static MatrixBackend current() {
        return EjmlBackend.INSTANCE;
    }
}
