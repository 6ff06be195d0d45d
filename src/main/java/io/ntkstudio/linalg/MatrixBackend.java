package io.ntkstudio.linalg;

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

    /** Z (m×n) = alpha · H (m×k) · Wᵀ, W stored n×k: a layer's forward product. */
    void multTransB(double alpha, double[] h, WeightStorage w, double[] z, int m, int k, int n);

    /** C (m×n) = alpha · G (m×k) · W, W stored k×n: a layer's backward product. */
    void mult(double alpha, double[] g, WeightStorage w, double[] c, int m, int k, int n);

    /** W (m×n) += alpha · Gᵀ H, G stored k×m, H stored k×n: a layer's gradient step. */
    void multAddTransA(double alpha, double[] g, double[] h, WeightStorage w, int k, int m, int n);

    /** V (m×n) = keep · V + alpha · Gᵀ H: a momentum buffer's update (PyTorch's v ← βv + ∇L). */
    void multTransAInto(double alpha, double[] g, double[] h, double keep, WeightStorage v, int k, int m, int n);

    /** Y += a · X over whole matrices of one length: a step along a momentum buffer. */
    void addScaled(double a, WeightStorage x, WeightStorage y);

    /**
     * C (m×m) = alpha · A Aᵀ, A stored m×k. Only the upper triangle (j ≥ i) is guaranteed; the
     * lower one may hold anything, so callers that need it mirror once after all their sums.
     */
    void gram(double alpha, double[] a, double[] c, int m, int k);

    /**
     * Limits the threads the products use, e.g. to leave a core to a user interface. The pure-Java
     * backend ignores it (small products run on one thread there anyway).
     */
    default void setThreads(int threads) {
    }

    /** A short name for reports, e.g. "ejml-mt". */
    String name();

    /** The threads the products use. */
    default int threads() {
        return 1;
    }

    /** Why the pure-Java backend is in use instead of OpenBLAS, for the user; null when OpenBLAS is. */
    static String fallbackReason() {
        return Backends.FALLBACK_REASON;
    }

    /**
     * The backend in use: OpenBLAS where it loads, otherwise EJML's pure Java. The system property
     * {@code ntk.backend} ({@code java} or {@code openblas}) overrides the choice.
     */
    static MatrixBackend current() {
        return Backends.CURRENT;
    }

    /** OpenBLAS when it loads on this machine, else null: for comparisons. */
    static MatrixBackend openBlasOrNull() {
        return Backends.openBlasOrNull();
    }

    /** The pure-Java backend, available everywhere. */
    static MatrixBackend pureJava() {
        return EjmlBackend.INSTANCE;
    }
}
