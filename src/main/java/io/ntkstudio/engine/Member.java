package io.ntkstudio.engine;

import io.ntkstudio.network.Network;

/**
 * One network of an {@link Ensemble} and its optimiser state: the parameters, their initial copy
 * (for ‖θ_t − θ_0‖ and the initial function f_0 that f_α is measured from), the momentum buffers,
 * and its outputs at initialisation on the train and test points.
 */
final class Member {
    final Network net;
    final Network initial;
    final Optimiser.Velocity velocity;
    final double[] trainAtZero;
    final double[] testAtZero;
    /** The train loss past which the network has diverged, though finite ({@link #lossBound}). */
    final double lossBound;
    private final double initialNorm;

    Member(Network net, Optimiser.Velocity velocity, double[] trainAtZero, double[] testAtZero, double lossBound) {
        this.net = net;
        this.lossBound = lossBound;
        this.initial = net.copy();
        this.initialNorm = Math.sqrt(initial.squaredNorm());
        this.velocity = velocity;
        this.trainAtZero = trainAtZero;
        this.testAtZero = testAtZero;
    }

    /**
     * f_α = f_0 + α (f − f_0) from a network's outputs {@code raw} and its initial outputs
     * {@code atZero}, into {@code out}; {@code raw} itself at α = 1 (docs/ntk-math.md, "Output scale").
     */
    static double[] scaled(double alpha, double[] raw, double[] atZero, double[] out) {
        if (alpha == 1) {
            return raw;
        }
        for (int i = 0; i < raw.length; i++) {
            out[i] = atZero[i] + alpha * (raw[i] - atZero[i]);
        }
        return out;
    }

    /**
     * 10⁶ times the larger of the start loss and the loss of the zero function: a loss that grows
     * past it has diverged, whether or not it has reached infinity yet. The zero function's loss
     * (half the targets' mean square, or log 2) keeps the bound off 0 when f_0 fits the targets.
     */
    static double lossBound(double startLoss, double zeroLoss) {
        return DIVERGED_FACTOR * Math.max(startLoss, zeroLoss);
    }

    /** How many times its start a loss may grow before the run counts as diverged. */
    static final double DIVERGED_FACTOR = 1e6;

    /** ‖θ_t − θ_0‖ / ‖θ_0‖ over the stored parameters. */
    double weightChange() {
        return Math.sqrt(net.squaredDistance(initial)) / initialNorm;
    }
}
