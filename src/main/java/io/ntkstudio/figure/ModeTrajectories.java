package io.ntkstudio.figure;

/**
 * The residual's energy (vᵢᵀr_t)² along a few eigenvectors vᵢ of Θ_0 against step, the
 * network's and the kernel regime's (vᵢᵀr₀)² (1 − ηλᵢ/n)^{2t} (Jacot et al. 2018; Lee et al. 2019),
 * for the modes {@code modes} (0-based, descending λ) with eigenvalues {@code eigenvalues}.
 * Parallel arrays, immutable once built.
 */
public record ModeTrajectories(int[] modes, double[] eigenvalues, Series[] network, Series[] regime) {
    public int size() {
        return modes.length;
    }
}
