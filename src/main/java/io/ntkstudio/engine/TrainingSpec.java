package io.ntkstudio.engine;

import io.ntkstudio.input.InvalidInputException;

/**
 * Full-batch gradient descent settings: θ ← θ − η ∇L, L = 1/(2n) Σ (f − y)² (docs/ntk-math.md).
 * The kernel and its metrics are recorded at step 0, every {@code kernelEvery} steps and at the end.
 * With {@code members} K &gt; 1 the window trains K networks in lockstep ({@link Ensemble}), the
 * shown one being member 0.
 */
public record TrainingSpec(double learningRate, int steps, int kernelEvery, int members) {
    public static final int MAX_STEPS = 100_000_000;

    /** A single network. */
    public TrainingSpec(double learningRate, int steps, int kernelEvery) {
        this(learningRate, steps, kernelEvery, 1);
    }

    public TrainingSpec {
        if (members < 1 || members > Ensemble.MAX_MEMBERS) {
            throw new InvalidInputException("training.members must be an integer from 1 to " + Ensemble.MAX_MEMBERS + ", got " + members);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new InvalidInputException("training.learningRate must be a finite number > 0, got " + learningRate);
        }
        if (steps < 0 || steps > MAX_STEPS) {
            throw new InvalidInputException("training.steps must be an integer from 0 to " + MAX_STEPS + ", got " + steps);
        }
        if (kernelEvery < 1) {
            throw new InvalidInputException("training.kernelEvery must be an integer >= 1, got " + kernelEvery);
        }
    }

    public TrainingSpec withMembers(int k) {
        return new TrainingSpec(learningRate, steps, kernelEvery, k);
    }

    public static TrainingSpec defaults() {
        return new TrainingSpec(0.5, 1000, 50);
    }
}
