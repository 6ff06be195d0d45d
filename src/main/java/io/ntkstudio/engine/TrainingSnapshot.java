package io.ntkstudio.engine;

import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.linalg.ReadOnlyVector;

/**
 * An immutable picture of a run at one step. {@code kernel} (Θ_t on the train inputs),
 * {@code eigenvalues} and {@code metrics} are present only when the kernel was computed at this
 * step (null / empty otherwise). Kernel-regime predictions are the linearised network after the
 * same {@code step} GD steps (docs/ntk-math.md), from Θ_0, and from Θ_∞ when the run has a limit
 * (empty otherwise); {@code time} = Σ η is the training time.
 * {@code modeEnergies} are the residual's energies along the eigenvectors of Θ_0,
 * {@code regimeModeEnergies} their kernel-regime prediction (vᵢᵀr₀)² Π(1 − ηλᵢ/n)².
 * {@code gridOutputs} is the network on the context's grid (2-D data, kernel snapshots; else empty);
 * {@code circleSliceNow} Θ_t(x₀, ·) on the context's circle slice (kernel snapshots of data that has one; else empty).
 * {@code steps} holds the run's per-step numbers up to this step (exclusive), for curves that miss no step;
 * {@code kernels} the numbers of every kernel snapshot computed so far ({@link KernelLog}; this one's included);
 * {@code ensemble} the ensemble of an ensemble run (null for a single network).
 */
public record TrainingSnapshot(RunContext context, long step, double time, double learningRate,
                               double trainLoss, double testLoss,
                               ReadOnlyVector trainOutputs, ReadOnlyVector testOutputs,
                               ReadOnlyMatrix kernel, ReadOnlyVector eigenvalues, KernelMetricsRow metrics,
                               ReadOnlyVector regimeTrain, ReadOnlyVector regimeTest,
                               double regimeTrainLoss, double regimeTestLoss,
                               ReadOnlyVector limitRegimeTest,
                               ReadOnlyVector modeEnergies, ReadOnlyVector regimeModeEnergies,
                               ReadOnlyVector gridOutputs, ReadOnlyVector circleSliceNow, StepLogView steps, StepLogView kernels, EnsembleView ensemble,
                               RunStatus status, String message) {
    public boolean hasKernel() {
        return kernel != null;
    }

    /** The same snapshot with another status and message. */
    public TrainingSnapshot withStatus(RunStatus newStatus, String newMessage) {
        return withStatus(newStatus, newMessage, steps);
    }

    /**
     * As {@link #withStatus(RunStatus, String)}, with the step log as it is now: a run that
     * diverged logged the steps of its blow-up after the last snapshot it could measure.
     */
    public TrainingSnapshot withStatus(RunStatus newStatus, String newMessage, StepLogView stepsNow) {
        return copy(newStatus, newMessage, stepsNow, ensemble);
    }

    /** This network's snapshot as member 0 of {@code networks} (the ensemble command's picture). */
    public TrainingSnapshot withEnsemble(EnsembleView networks) {
        return copy(status, message, steps, networks);
    }

    private TrainingSnapshot copy(RunStatus newStatus, String newMessage, StepLogView stepsNow, EnsembleView networks) {
        return new TrainingSnapshot(context, step, time, learningRate, trainLoss, testLoss, trainOutputs, testOutputs,
                kernel, eigenvalues, metrics, regimeTrain, regimeTest, regimeTrainLoss, regimeTestLoss, limitRegimeTest,
                modeEnergies, regimeModeEnergies, gridOutputs, circleSliceNow, stepsNow, kernels, networks, newStatus, newMessage);
    }
}
