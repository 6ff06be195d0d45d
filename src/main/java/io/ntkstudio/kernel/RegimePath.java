package io.ntkstudio.kernel;

import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.TrainingRule;

/**
 * The kernel-regime prediction along a run: the network linearised at θ_0 with a constant
 * kernel, trained by the same rule and the same batches as the network (Lee et al. 2019, Sec.
 * 2.2–2.3; docs/ntk-math.md, "Training rules"). Mutable, owned by the run's thread.
 */
public interface RegimePath {
    /** Step {@code t} (0-based) at parameter rate {@code rate}: the batch is the schedule's for t. */
    void step(double rate, long t);

    /** f_t on the train inputs, in a fresh array. */
    double[] train();

    /** f_t on the test inputs, in a fresh array. */
    double[] test();

    /** The loss of {@link #train()}, without allocating. */
    double trainLoss();

    /** The residual's energy along eigenvector i of the kernel, (vᵢᵀ(f_t − y))². */
    double modeEnergy(int i);

    /** {@link #modeEnergy} of every eigenvector. */
    double[] modeEnergies();

    /**
     * The path for {@code rule} on a regime's kernels: per mode in closed recurrences for full-batch
     * square loss (plain GD and momentum), else the linearised network iterated in function space.
     */
    static RegimePath of(KernelRegime regime, double[] kernel, double[] cross, double[] targets, double[] trainAtZero,
                         double[] testAtZero, TrainingRule rule, BatchSchedule batches) {
        if (batches.fullBatch() && rule.loss() == Loss.MSE) {
            return new EigenPath(regime, regime.start(rule.momentum()));
        }
        return new LinearisedModel(regime.spectrum(), kernel, cross, targets, trainAtZero, testAtZero, rule, batches);
    }

    /** Full-batch square loss, mode by mode: {@link KernelRegime} advanced by a {@link GdDecay}. */
    record EigenPath(KernelRegime regime, GdDecay decay) implements RegimePath {
        @Override
        public void step(double rate, long t) {
            decay.step(rate);
        }

        @Override
        public double[] train() {
            return regime.train(decay);
        }

        @Override
        public double[] test() {
            return regime.test(decay);
        }

        @Override
        public double trainLoss() {
            return regime.trainLoss(decay);
        }

        @Override
        public double modeEnergy(int i) {
            return regime.modeEnergy(i, decay);
        }

        @Override
        public double[] modeEnergies() {
            return regime.modeEnergies(decay);
        }
    }
}
