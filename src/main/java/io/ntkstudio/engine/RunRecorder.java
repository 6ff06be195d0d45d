package io.ntkstudio.engine;

import io.ntkstudio.model.InvalidInputException;

/**
 * Trains a {@link TrainingRun} to its step budget on the calling thread, recording snapshots: with
 * the kernel at step 0, every {@code kernelEvery} steps and at the last step, and without it every
 * {@code lossEvery} steps in between (0: never). Used by the headless commands.
 */
public final class RunRecorder {
    /** Receives each recorded snapshot, in step order. */
    public interface Listener {
        void recorded(TrainingSnapshot snapshot);
    }

    /** Hears about progress about every five seconds. */
    public interface Progress {
        void at(long step, long steps, double loss);
    }

    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private RunRecorder() {
    }

    /**
     * @return null when the run reached its budget, or the divergence message; everything recorded
     *         up to the last finite step has then been handed to {@code listener}
     */
    public static String run(TrainingRun run, int steps, int kernelEvery, int lossEvery, Listener listener, Progress progress) {
        TrainingSnapshot first = run.snapshot(true, RunStatus.RUNNING, null);
        if (first == null) {
            throw new InvalidInputException("the network's outputs at initialisation are not finite; lower network.sigmaW or network.depth");
        }
        listener.recorded(first);
        long lastProgress = System.nanoTime();
        while (run.step() < steps) {
            if (!run.advance()) {
                return run.divergenceMessage();
            }
            boolean kernel = run.step() % kernelEvery == 0 || run.step() == steps;
            if (kernel || lossEvery > 0 && run.step() % lossEvery == 0) {
                TrainingSnapshot s = run.snapshot(kernel, RunStatus.RUNNING, null);
                if (s == null) {
                    return run.divergenceMessage();
                }
                listener.recorded(s);
            }
            long now = System.nanoTime();
            if (now - lastProgress > PROGRESS_NANOS) {
                progress.at(run.step(), steps, run.lastLoss());
                lastProgress = now;
            }
        }
        return null;
    }
}
