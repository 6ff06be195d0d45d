package io.ntkstudio.engine;

import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.linalg.ReadOnlyVector;
import java.util.Arrays;

/**
 * An immutable picture of a run at one step, made of small records: where the run is
 * ({@link Clock}), the network ({@link NetworkNow}), the kernel-regime prediction after the same
 * steps of the same rule ({@link RegimeNow}; docs/ntk-math.md), the kernel when it was measured at
 * this step ({@link KernelNow}), the per-step and per-kernel logs ({@link Histories}), the
 * ensemble of an ensemble run (null for a single network), and the status. The accessors below
 * the components read through to them.
 */
public record TrainingSnapshot(RunContext context, Clock clock, NetworkNow network, RegimeNow regime, KernelNow measured,
                               Histories history, EnsembleView ensemble, RunStatus status, String message) {
    /**
     * The step reached, the training time Σ η, the rate in force, and the train indices the last
     * step used (empty before the first step; every index under full batch).
     */
    public record Clock(long step, double time, double learningRate, int[] lastBatch) {
        public Clock {
            lastBatch = lastBatch.clone();
        }

        /** Whether train point i was in the last step's batch. */
        public boolean inLastBatch(int i) {
            return Arrays.binarySearch(lastBatch, i) >= 0;
        }

        @Override
        public int[] lastBatch() {
            return lastBatch.clone();
        }
    }

    /**
     * The network: its losses and outputs on the train and test inputs, the residual's energy
     * (vᵢᵀ(f − y))² along each eigenvector vᵢ of Θ_0, and its outputs on the context's grid (2-D
     * data at kernel snapshots; else empty).
     */
    public record NetworkNow(double trainLoss, double testLoss, ReadOnlyVector trainOutputs, ReadOnlyVector testOutputs,
                             ReadOnlyVector modeEnergies, ReadOnlyVector gridOutputs) {
    }

    /**
     * The kernel regime from Θ_0 (train and test outputs, losses, mode energies) and the test
     * outputs of the one from Θ_∞ (empty without a limit).
     */
    public record RegimeNow(ReadOnlyVector train, ReadOnlyVector test, double trainLoss, double testLoss,
                            ReadOnlyVector limitTest, ReadOnlyVector modeEnergies) {
    }

    /**
     * Θ_t on the train inputs, its eigenvalues (descending), its task–model alignment C(k) (empty
     * above {@link RunContext.TaskAlignments#MEASURED_POINTS} points) and metrics, and Θ_t(x₀, ·) on the circle
     * slice: present only when the kernel was computed at this step (null / empty otherwise).
     */
    public record KernelNow(ReadOnlyMatrix kernel, ReadOnlyVector eigenvalues, ReadOnlyVector taskAlignment, KernelMetricsRow metrics,
                            ReadOnlyVector circleSlice) {
        static final KernelNow NONE = new KernelNow(null, ReadOnlyVector.empty(), ReadOnlyVector.empty(), null, ReadOnlyVector.empty());
    }

    /**
     * The run's per-step numbers up to this step (exclusive), for curves that miss no step, and the
     * numbers of every kernel snapshot so far ({@link KernelLog}; this one's included).
     */
    public record Histories(StepLogView steps, StepLogView kernels) {
    }

    public boolean hasKernel() {
        return measured.kernel() != null;
    }

    public long step() {
        return clock.step();
    }

    public double time() {
        return clock.time();
    }

    public double learningRate() {
        return clock.learningRate();
    }

    public double trainLoss() {
        return network.trainLoss();
    }

    public double testLoss() {
        return network.testLoss();
    }

    public ReadOnlyVector trainOutputs() {
        return network.trainOutputs();
    }

    public ReadOnlyVector testOutputs() {
        return network.testOutputs();
    }

    public ReadOnlyVector modeEnergies() {
        return network.modeEnergies();
    }

    public ReadOnlyVector gridOutputs() {
        return network.gridOutputs();
    }

    public ReadOnlyMatrix kernel() {
        return measured.kernel();
    }

    public ReadOnlyVector eigenvalues() {
        return measured.eigenvalues();
    }

    /** C(k) of Θ_t when it was measured at this step (else, and above {@link RunContext.TaskAlignments#MEASURED_POINTS} points, empty). */
    public ReadOnlyVector taskAlignment() {
        return measured.taskAlignment();
    }

    public KernelMetricsRow metrics() {
        return measured.metrics();
    }

    public ReadOnlyVector circleSliceNow() {
        return measured.circleSlice();
    }

    public ReadOnlyVector regimeTrain() {
        return regime.train();
    }

    public ReadOnlyVector regimeTest() {
        return regime.test();
    }

    public double regimeTrainLoss() {
        return regime.trainLoss();
    }

    public double regimeTestLoss() {
        return regime.testLoss();
    }

    public ReadOnlyVector limitRegimeTest() {
        return regime.limitTest();
    }

    public ReadOnlyVector regimeModeEnergies() {
        return regime.modeEnergies();
    }

    public StepLogView steps() {
        return history.steps();
    }

    public StepLogView kernels() {
        return history.kernels();
    }

    /** The same snapshot with another status and message. */
    public TrainingSnapshot withStatus(RunStatus newStatus, String newMessage) {
        return new TrainingSnapshot(context, clock, network, regime, measured, history, ensemble, newStatus, newMessage);
    }

    /**
     * As {@link #withStatus(RunStatus, String)}, with the step log as it is now: a run that
     * diverged logged the steps of its blow-up after the last snapshot it could measure.
     */
    public TrainingSnapshot withStatus(RunStatus newStatus, String newMessage, StepLogView stepsNow) {
        return new TrainingSnapshot(context, clock, network, regime, measured, new Histories(stepsNow, history.kernels()), ensemble,
                newStatus, newMessage);
    }

    /** This network's snapshot as member 0 of {@code networks} (the ensemble command's picture). */
    public TrainingSnapshot withEnsemble(EnsembleView networks) {
        return new TrainingSnapshot(context, clock, network, regime, measured, history, networks, status, message);
    }

    /** The same snapshot at another step (replays and tests re-date a frame). */
    public TrainingSnapshot atStep(long step) {
        return new TrainingSnapshot(context, new Clock(step, clock.time(), clock.learningRate(), clock.lastBatch()), network, regime,
                measured, history, ensemble, status, message);
    }
}
