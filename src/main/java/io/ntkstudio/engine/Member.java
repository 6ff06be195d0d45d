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
    private final double initialNorm;

    Member(Network net, Optimiser.Velocity velocity, double[] trainAtZero, double[] testAtZero) {
        this.net = net;
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

    /** ‖θ_t − θ_0‖ / ‖θ_0‖ over the stored parameters. */
    double weightChange() {
        return Math.sqrt(net.squaredDistance(initial)) / initialNorm;
    }
}
