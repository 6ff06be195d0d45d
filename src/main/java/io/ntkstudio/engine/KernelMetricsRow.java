package io.ntkstudio.engine;

/**
 * The metrics of docs/ntk-math.md at one step, NaN where undefined (no analytic limit outside NTK
 * parameterization). kernelChange = ‖Θ_t − Θ_0‖_F/‖Θ_0‖_F; distanceToLimit = ‖Θ_t − Θ_∞‖_F/‖Θ_∞‖_F;
 * alignment = yᵀΘ_t y/(‖Θ_t‖_F ‖y‖²) (⟨Θ_t, YYᵀ⟩ for C outputs); alignmentCentred, the same of the centred
 * kernel and targets (Cortes et al. 2012); kernelDistance (Fort et al. 2020) between Θ_t and Θ_0;
 * weightChange = ‖θ_t − θ_0‖/‖θ_0‖; conditionNumber = λ_max/λ_min of Θ_t.
 */
public record KernelMetricsRow(double kernelChange, double distanceToLimit, double alignment, double alignmentCentred,
                               double kernelDistance, double weightChange, double conditionNumber) {
}
