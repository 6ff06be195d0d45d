package io.ntkstudio.engine;

import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.BatchedPass;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.TrainingRule;
import java.util.List;

/**
 * Steps the members of an {@link Ensemble} one after another with one set of workspaces: the
 * forward and backward pass over the train points, the α-scaled outputs and the
 * {@link Optimiser}'s. Stepping members on two threads at once (each with its own workspaces and
 * single-threaded products) was measured at 1.07× at {@code bench --ensemble 16 --n 40 --width 512
 * --depth 2}, within the noise, so they are stepped in turn.
 */
final class MemberStepper {
    private final double[] xTrain;
    private final double[] yTrain;
    private final double alpha;
    private final Loss loss;
    final BatchedPass trainPass;
    private final double[] scaled;
    private final Optimiser optimiser;

    MemberStepper(Network shape, double[] xTrain, double[] yTrain, double alpha, TrainingRule rule, BatchSchedule batches,
                  MatrixBackend backend) {
        this.xTrain = xTrain;
        this.yTrain = yTrain;
        this.alpha = alpha;
        this.loss = rule.loss();
        this.trainPass = new BatchedPass(shape, yTrain.length, backend);
        this.scaled = new double[yTrain.length];
        this.optimiser = new Optimiser(shape, xTrain, yTrain, alpha, rule, batches, backend);
    }

    /** Fresh momentum buffers for a network of this shape (null under plain GD). */
    Optimiser.Velocity velocity(Network net) {
        return optimiser.velocity(net);
    }

    /**
     * Step t at rate η of every member in turn, {@code observer} (may be null) told each one's
     * outputs and loss first. Returns −1; or, stopping there, the first member whose loss is no
     * longer finite (not stepped).
     */
    int step(List<Member> members, long t, double eta, Ensemble.StepObserver observer) {
        for (int k = 0; k < members.size(); k++) {
            Member mb = members.get(k);
            trainPass.forward(mb.net, xTrain);
            double[] f = Member.scaled(alpha, trainPass.outputs(), mb.trainAtZero, scaled);
            double now = loss.mean(f, yTrain);
            if (!Double.isFinite(now)) {
                return k;
            }
            if (observer != null) {
                observer.before(k, f, now);
            }
            optimiser.step(mb.net, mb.velocity, mb.trainAtZero, t, eta, trainPass, f);
        }
        return -1;
    }
}
