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

    /** ‖θ_t − θ_0‖ / ‖θ_0‖ over the stored parameters. */
    double weightChange() {
        return Math.sqrt(net.squaredDistance(initial)) / initialNorm;
    }
}
