package io.ntkstudio.kernel;

/**
 * The NTK Gaussian process along a run: the distribution over initialisations of infinitely wide
 * networks trained by the run's rule, advanced with the run (docs/ntk-math.md, "Many
 * initialisations"). Exists only under the square loss, where the linearised network stays affine
 * in its initial function f_0 ~ GP(0, 𝒦). Mutable, owned by the run's thread.
 */
public interface GpPath {
    /** Step {@code t} (0-based) at learning rate {@code eta}. */
    void step(double eta, long t);

    /** μ_t and the diagonal of Σ_t at the test inputs now. */
    NtkGaussianProcess.Moments now();
}
