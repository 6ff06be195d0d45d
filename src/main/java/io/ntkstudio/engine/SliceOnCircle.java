package io.ntkstudio.engine;

import io.ntkstudio.linalg.ReadOnlyVector;

/**
 * A run's kernel slice on the unit circle ({@code CircleSlice} of the data set): the angles γ_k,
 * Θ_0(x₀, x(γ_k)) of the run's network at initialisation and the analytic Θ_∞(x₀, x(γ_k)) (empty
 * outside NTK parameterization), both scaled like the run's kernel (α²Θ for f_α). Jacot, Gabriel
 * &amp; Hongler 2018, Figure 1.
 */
public record SliceOnCircle(ReadOnlyVector angles, ReadOnlyVector init, ReadOnlyVector limit) {
    public boolean hasLimit() {
        return !limit.isEmpty();
    }
}
