package io.ntkstudio.engine;

import io.ntkstudio.linalg.MatrixBackend;
import io.ntkstudio.network.BatchSchedule;
import io.ntkstudio.network.Pass;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.TrainingRule;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Steps the members of an {@link Ensemble}, each lane with one set of workspaces: the forward and
 * backward pass over the train points, the α-scaled outputs and the {@link Optimiser}'s. Where the
 * products may use two threads, two lanes step the two halves of the ensemble at once with
 * single-threaded products: one member's products (n × width × width, n ≪ width) are too small
 * for two threads to share (28 against 25 GFLOP/s for 40 × 512 × 512), two members' are not.
 * Measured 1.6× at {@code bench --ensemble 16 --n 40 --width 512 --depth 2}. A member's step is
 * the same in either lane, bit for bit.
 */
final class MemberStepper {
    private static final ExecutorService SECOND_LANE = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ntk-ensemble-lane");
        t.setDaemon(true);
        return t;
    });

    private final double[] xTrain;
    private final double[] yTrain;
    private final double alpha;
    private final Loss loss;
    private final MatrixBackend backend;
    private final Lane first;
    private final Lane second;
    /** The products' threads outside the two lanes' steps. */
    private final int threads;
    /** The first lane's train pass, which measurements share. */
    final Pass trainPass;
    private final int outputs;

    /** One lane's workspaces, and the outputs and losses of the members it stepped, kept for the observer. */
    private final class Lane {
        final Pass pass;
        final double[] scaled;
        final Optimiser optimiser;
        double[][] seen = new double[0][];
        double[] losses = new double[0];

        Lane(Network shape, TrainingRule rule, BatchSchedule batches) {
            pass = Pass.of(shape, yTrain.length / shape.outputs(), backend);
            scaled = new double[yTrain.length];
            optimiser = new Optimiser(shape, xTrain, yTrain, alpha, rule, batches, backend);
        }

        /**
         * Steps members [from, to), each one's outputs and loss told to {@code live} first or, with
         * {@code keep}, kept. Returns −1, or the first member whose loss is not finite or past its
         * bound (not stepped).
         */
        int step(List<Member> members, int from, int to, long t, double eta, Ensemble.StepObserver live, boolean keep) {
            if (keep && seen.length < to - from) {
                seen = new double[to - from][yTrain.length];
                losses = new double[to - from];
            }
            for (int k = from; k < to; k++) {
                Member mb = members.get(k);
                pass.forward(mb.net, xTrain);
                double[] f = Member.scaled(alpha, pass.outputs(), mb.trainAtZero, scaled);
                double now = loss.mean(f, yTrain, outputs);
                if (!(now <= mb.lossBound)) {
                    return k;
                }
                if (live != null) {
                    live.before(k, f, now);
                } else if (keep) {
                    System.arraycopy(f, 0, seen[k - from], 0, f.length);
                    losses[k - from] = now;
                }
                optimiser.step(mb.net, mb.velocity, mb.trainAtZero, t, eta, pass, f);
            }
            return -1;
        }
    }

    MemberStepper(Network shape, double[] xTrain, double[] yTrain, double alpha, TrainingRule rule, BatchSchedule batches,
                  MatrixBackend backend, int members) {
        this.xTrain = xTrain;
        this.yTrain = yTrain;
        this.outputs = shape.outputs();
        this.alpha = alpha;
        this.loss = rule.loss();
        this.backend = backend;
        this.threads = backend.threads();
        this.first = new Lane(shape, rule, batches);
        this.second = lanes(members, backend) == 2 ? new Lane(shape, rule, batches.copy()) : null;
        this.trainPass = first.pass;
    }

    /** The lanes an ensemble of {@code members} is stepped in: two where the products may use two threads. */
    static int lanes(int members, MatrixBackend backend) {
        return members >= 2 && backend.threads() >= 2 ? 2 : 1;
    }

    /** Fresh momentum buffers for a network of this shape (null under plain GD). */
    Optimiser.Velocity velocity(Network net) {
        return first.optimiser.velocity(net);
    }

    /**
     * Step t at rate η of every member, {@code observer} (may be null) told each one's outputs and
     * loss before its step, in member order. Returns −1; or the first member whose loss is no longer
     * finite, which is not stepped, nor are the ones after it in its half of the ensemble (the
     * other half may have been).
     */
    int step(List<Member> members, long t, double eta, Ensemble.StepObserver observer) {
        int count = members.size();
        if (second == null || count < 2) {
            return first.step(members, 0, count, t, eta, observer, false);
        }
        int half = (count + 1) / 2;
        backend.setThreads(1);
        int a;
        int b;
        try {
            Future<Integer> other = SECOND_LANE.submit(() -> second.step(members, half, count, t, eta, null, observer != null));
            try {
                a = first.step(members, 0, half, t, eta, observer, false);
            } finally {
                b = join(other);
            }
        } finally {
            backend.setThreads(threads);
        }
        if (a >= 0) {
            return a;
        }
        if (observer != null) {
            for (int k = half; k < (b >= 0 ? b : count); k++) {
                observer.before(k, second.seen[k - half], second.losses[k - half]);
            }
        }
        return b;
    }

    /** The second lane's result once it is done (waiting through interrupts, which are then restored). */
    private static int join(Future<Integer> lane) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return lane.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
