package io.ntkstudio.engine;

import io.ntkstudio.input.Range;
import io.ntkstudio.network.TrainingRule;

/**
 * How a run trains: the learning rate η, the step budget and the {@link TrainingRule} (loss,
 * momentum, batches; plain full-batch GD on L = 1/(2n) Σ (f − y)² by default, docs/ntk-math.md).
 * The kernel and its metrics are recorded at step 0, every {@code kernelEvery} steps and at the end.
 * With {@code members} K &gt; 1 the window trains K networks in lockstep ({@link Ensemble}), the
 * shown one being member 0.
 */
public record TrainingSpec(double learningRate, int steps, int kernelEvery, int members, TrainingRule rule) {
    public static final Range LEARNING_RATE = Range.numbers("training.learningRate", 1e-6, 1e4);
    public static final Range STEPS = Range.integers("training.steps", 0, 100_000_000);
    public static final Range KERNEL_EVERY = Range.integers("training.kernelEvery", 1, 100_000_000);
    public static final Range MEMBERS = Range.integers("training.members", 1, Ensemble.MAX_MEMBERS);
    public static final int MAX_STEPS = (int) STEPS.max();

    /** A single network trained by plain GD. */
    public TrainingSpec(double learningRate, int steps, int kernelEvery) {
        this(learningRate, steps, kernelEvery, 1, TrainingRule.GD);
    }

    public TrainingSpec {
        MEMBERS.check(members);
        LEARNING_RATE.check(learningRate);
        STEPS.check(steps);
        KERNEL_EVERY.check(kernelEvery);
        if (rule == null) {
            throw new IllegalArgumentException("the training rule is missing");
        }
    }

    public TrainingSpec withMembers(int k) {
        return new TrainingSpec(learningRate, steps, kernelEvery, k, rule);
    }

    public TrainingSpec withLearningRate(double eta) {
        return new TrainingSpec(eta, steps, kernelEvery, members, rule);
    }

    public TrainingSpec withKernelEvery(int every) {
        return new TrainingSpec(learningRate, steps, every, members, rule);
    }

    public TrainingSpec withSteps(int budget) {
        return new TrainingSpec(learningRate, budget, kernelEvery, members, rule);
    }

    public TrainingSpec withRule(TrainingRule r) {
        return new TrainingSpec(learningRate, steps, kernelEvery, members, r);
    }

    public static TrainingSpec defaults() {
        return new TrainingSpec(0.5, 1000, 50);
    }
}
