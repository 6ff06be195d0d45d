package io.ntkstudio.engine;

import io.ntkstudio.input.InvalidInputException;
import java.util.function.BooleanSupplier;

/**
 * Trains a {@link TrainingRun} to its step budget on the calling thread, recording snapshots: with
 * the kernel at step 0, every {@code kernelEvery} steps and at the last step, and without it every
 * {@code lossEvery} steps in between (0: never). A stop request (Ctrl+C) ends the run after the
 * step in progress, with a kernel snapshot of the state reached. Used by the headless commands.
 */
public final class RunRecorder {
    /** Receives each recorded snapshot, in step order. */
    public interface Listener {
        void recorded(TrainingSnapshot snapshot);
    }

    /** Hears the train loss of every step, before the step is taken, with its kernel-regime prediction. */
    public interface Steps {
        void at(long step, double trainLoss, double regimeTrainLoss);
    }

    /** Hears about progress about every five seconds. */
    public interface Progress {
        void at(long step, long steps, double loss);
    }

    /** How a run ended: at its budget, stopped on request, or diverged (the message, else null). */
    public record Outcome(String diverged, boolean stopped) {
        public boolean complete() {
            return diverged == null && !stopped;
        }
    }

    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private RunRecorder() {
    }

    /**
     * One full collection before the loop. Without it the JVM keeps its ergonomic initial heap
     * (1/64 of the machine's memory: 380 MB on 24 GB) and a long run touches all of it, so the
     * process grew from 110 MB after 10 thousand steps to 336 MB after a million although the live
     * set stays a few megabytes; compacted once, the collector sizes the heap from that live set.
     */
    private static void compactHeap() {
        System.gc();
    }

    /**
     * @return null when the run reached its budget, or the divergence message; everything recorded
     *         up to the last finite step has then been handed to {@code listener}
     */
    public static String run(TrainingRun run, int steps, int kernelEvery, int lossEvery, Listener listener, Progress progress) {
        return run(run, steps, kernelEvery, lossEvery, listener, progress, () -> false).diverged();
    }

    /** As above, ending early when {@code stop} turns true; the last snapshot recorded then has the kernel. */
    public static Outcome run(TrainingRun run, int steps, int kernelEvery, int lossEvery, Listener listener, Progress progress,
                              BooleanSupplier stop) {
        return run(run, steps, kernelEvery, lossEvery, listener, (s, l, r) -> { }, progress, stop);
    }

    /**
     * As above, and {@code everyStep} hears every step's loss as it is taken, so a history that
     * misses nothing can be streamed to disk (up to the last finite step of a diverging run).
     */
    public static Outcome run(TrainingRun run, int steps, int kernelEvery, int lossEvery, Listener listener, Steps everyStep,
                              Progress progress, BooleanSupplier stop) {
        return loop(run, steps, kernelEvery, lossEvery, kernel -> {
            TrainingSnapshot s = run.snapshot(kernel, RunStatus.RUNNING, null);
            if (s != null) {
                listener.recorded(s);
            }
            return s != null;
        }, everyStep, progress, stop);
    }

    /**
     * As {@link #run}, for a consumer that writes each kernel interval and keeps only the end
     * (train): {@code samples} hears a {@link KernelSample} at step 0, every {@code kernelEvery}
     * steps and at the last step (or the step a stop request ended at), and no snapshot is built,
     * so nothing of size n × n is allocated per interval. Θ_t of the last sample is
     * {@link TrainingRun#lastKernel()}, also after a divergence.
     */
    public static Outcome stream(TrainingRun run, int steps, int kernelEvery, Samples samples, Steps everyStep,
                                 Progress progress, BooleanSupplier stop) {
        return loop(run, steps, kernelEvery, 0, kernel -> {
            KernelSample s = run.sample();
            if (s != null) {
                samples.sampled(s);
            }
            return s != null;
        }, everyStep, progress, stop);
    }

    /** Hears each kernel interval's numbers, in step order. */
    public interface Samples {
        void sampled(KernelSample sample);
    }

    /** Records the current state, with the kernel or without; false when it is no longer finite. */
    private interface Record {
        boolean at(boolean kernel);
    }

    private static Outcome loop(TrainingRun run, int steps, int kernelEvery, int lossEvery, Record record, Steps everyStep,
                                Progress progress, BooleanSupplier stop) {
        if (!record.at(true)) {
            throw new InvalidInputException("the network's outputs at initialisation are not finite; lower network.sigmaW or network.depth");
        }
        compactHeap();
        long lastProgress = System.nanoTime();
        while (run.step() < steps) {
            if (!run.advance()) {
                return new Outcome(run.divergenceMessage(), false);
            }
            everyStep.at(run.step() - 1, run.lastLoss(), run.lastRegimeLoss());
            boolean stopping = stop.getAsBoolean();
            boolean kernel = run.step() % kernelEvery == 0 || run.step() == steps || stopping;
            if ((kernel || lossEvery > 0 && run.step() % lossEvery == 0) && !record.at(kernel)) {
                return new Outcome(run.divergenceMessage(), false);
            }
            if (stopping && run.step() < steps) {
                return new Outcome(null, true);
            }
            long now = System.nanoTime();
            if (now - lastProgress > PROGRESS_NANOS) {
                progress.at(run.step(), steps, run.lastLoss());
                lastProgress = now;
            }
        }
        return new Outcome(null, false);
    }
}
