package io.ntkstudio.engine;

import io.ntkstudio.model.Dataset;
import io.ntkstudio.model.ReadOnlyMatrix;
import io.ntkstudio.model.ReadOnlyVector;

/**
 * What stays fixed over a run, shared by all its snapshots: the experiment, the data, the
 * empirical kernel at initialisation Θ_0 and the analytic Θ_∞ (null outside NTK parameterization)
 * on the train inputs with their eigenvalues (descending), and the stable learning-rate limit
 * 2n/λ_max(Θ_0). {@code grid} is where 2-D data's function map is evaluated (null for other data).
 */
public record RunContext(ExperimentSpec spec, Dataset data, ReadOnlyMatrix kernelInit, ReadOnlyVector eigenvaluesInit,
                         ReadOnlyMatrix kernelLimit, ReadOnlyVector eigenvaluesLimit, double largestStableLearningRate,
                         long parameterCount, FunctionGrid grid) {
    public boolean hasLimit() {
        return kernelLimit != null;
    }
}
