package io.ntkstudio.engine;

import io.ntkstudio.linalg.ReadOnlyVector;

/**
 * The numbers of one kernel interval of a run, without the n × n kernel: what {@code train}
 * streams to disk at every interval (docs/ntk-math.md, "Metrics"). {@code eigenvalues} are those of
 * Θ_t, descending; {@code regimeTest} is the kernel-regime prediction from Θ_0 on the test inputs
 * and {@code limitRegimeTest} the one from Θ_∞ (empty outside NTK parameterization), both at
 * {@code step} under the same training rule; {@code trainOutputs} the network on the train inputs.
 */
public record KernelSample(long step, double trainLoss, double testLoss, double regimeTrainLoss, KernelMetricsRow metrics,
                           ReadOnlyVector eigenvalues, ReadOnlyVector trainOutputs, ReadOnlyVector testOutputs, ReadOnlyVector regimeTest,
                           ReadOnlyVector limitRegimeTest) {
}
