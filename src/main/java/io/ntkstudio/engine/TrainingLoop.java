package io.ntkstudio.engine;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a {@link TrainingRun} on its own thread, the only one that touches the run, and
 * publishes immutable {@link TrainingSnapshot}s into a {@link LatestValue}: with the kernel every
 * {@code kernelEvery} steps, and without it at most every {@code publishMillis} in between.
 * Other threads control it with {@link #play}, {@link #pause}, {@link #stepOnce},
 * {@link #setLearningRate} and {@link #close}; none of these waits on a step.
 */
public final class TrainingLoop implements AutoCloseable {
    private final Function<BooleanSupplier, TrainingRun> factory;
    private final LatestValue<TrainingSnapshot> snapshots = new LatestValue<>();
    private volatile ReplayLog replay;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;
    private volatile long maxSteps;
    private volatile int kernelEvery;
    private final long publishNanos = 50_000_000L;
    private volatile boolean playing;
    private volatile boolean closed;
    private final AtomicInteger pendingSteps = new AtomicInteger();
    /** A rate set by another thread and not yet applied (NaN bits: none); taken by an atomic exchange, so none is lost. */
    private final AtomicLong requestedRate = new AtomicLong(NO_RATE);
    private static final long NO_RATE = Double.doubleToRawLongBits(Double.NaN);
    private volatile long minStepNanos;
    private volatile RunStatus status = RunStatus.PAUSED;
    private volatile String failure;

    /**
     * @param factory builds the run on the training thread (construction can be slow: kernels at init)
     * @param maxSteps the step budget; the loop pauses as FINISHED there
     */
    public TrainingLoop(Supplier<TrainingRun> factory, long maxSteps, int kernelEvery) {
        this(closed -> factory.get(), maxSteps, kernelEvery);
    }

    /**
     * @param factory builds the run on the training thread, given a flag that turns true when the
     *                loop is closed meanwhile, so that a slow build can give up early
     */
    public TrainingLoop(Function<BooleanSupplier, TrainingRun> factory, long maxSteps, int kernelEvery) {
        this.factory = factory;
        this.maxSteps = maxSteps;
        this.kernelEvery = kernelEvery;
        this.thread = new Thread(this::runLoop, "ntk-training");
        thread.setDaemon(true);
    }

    public TrainingLoop start() {
        thread.start();
        return this;
    }

    public LatestValue<TrainingSnapshot> snapshots() {
        return snapshots;
    }

    /** Every kernel snapshot published so far, thinned log-uniformly: what the run can be replayed from. */
    public List<TrainingSnapshot> replayFrames() {
        ReplayLog r = replay;
        return r == null ? List.of() : r.frames();
    }

    /** Publishes {@code s} and keeps it for replay when it has the kernel. */
    private void publish(TrainingSnapshot s) {
        snapshots.publish(s);
        replay.offer(s);
    }

    public RunStatus status() {
        return status;
    }

    /** The message of a run that failed to build or to step, else null. */
    public String failure() {
        return failure;
    }

    public void play() {
        playing = true;
        signal();
    }

    public void pause() {
        playing = false;
        signal();
    }

    /** Takes one step while paused. */
    public void stepOnce() {
        pendingSteps.incrementAndGet();
        signal();
    }

    /** Applies from the next step on. */
    public void setLearningRate(double eta) {
        requestedRate.set(Double.doubleToRawLongBits(eta));
    }

    /** Limits the speed to {@code stepsPerSecond} (≤ 0: as fast as possible). */
    public void setStepsPerSecond(double stepsPerSecond) {
        minStepNanos = stepsPerSecond > 0 ? (long) (1e9 / stepsPerSecond) : 0L;
    }


    /** Changes the step budget; a finished run resumes when the budget grows. */
    public void setMaxSteps(long steps) {
        maxSteps = steps;
    }

    /** Records the kernel every {@code k} steps from now on. */
    public void setKernelEvery(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("the kernel interval must be at least 1 step, got " + k);
        }
        kernelEvery = k;
    }

    /** Asks the thread to stop after the step in progress, without waiting for it. */
    public void closeAsync() {
        closed = true;
        signal();
    }

    /** Stops the thread and waits for it to end (it ends after the step in progress). */
    @Override
    public void close() {
        closed = true;
        signal();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    private void signal() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void runLoop() {
        TrainingRun run;
        try {
            run = factory.apply(() -> closed);
        } catch (CancellationException e) {
            status = RunStatus.STOPPED;
            return;
        } catch (RuntimeException | OutOfMemoryError e) {
            failure = e.getMessage() != null ? e.getMessage() : e.toString();
            status = RunStatus.FAILED;
            return;
        }
        TrainingSnapshot last = run.snapshot(true, RunStatus.PAUSED, null);
        if (last == null) {
            failure = "the network's outputs at initialisation are not finite; lower network.sigmaW or the depth";
            status = RunStatus.FAILED;
            return;
        }
        replay = new ReplayLog(run.context().data().train().count(), run.context().data().test().count(),
                run.context().spec().training().members());
        publish(last);
        long lastPublish = System.nanoTime();
        boolean dirty = false;
        try {
            while (!closed) {
                boolean wantStep = (playing || pendingSteps.get() > 0) && run.step() < maxSteps;
                if (!wantStep) {
                    if (dirty || status == RunStatus.RUNNING) {
                        RunStatus s = run.step() >= maxSteps ? RunStatus.FINISHED : RunStatus.PAUSED;
                        TrainingSnapshot snap = run.snapshot(true, s, null);
                        if (snap == null) {
                            diverge(run, last);
                            return;
                        }
                        last = snap;
                        publish(last);
                        status = s;
                        dirty = false;
                    }
                    pendingSteps.set(0);
                    if (run.step() >= maxSteps) {
                        playing = false;
                    }
                    idle();
                    continue;
                }
                status = RunStatus.RUNNING;
                pendingSteps.updateAndGet(p -> Math.max(0, p - 1));
                double rate = Double.longBitsToDouble(requestedRate.getAndSet(NO_RATE));
                if (!Double.isNaN(rate)) {
                    run.setLearningRate(rate);
                }
                long t0 = System.nanoTime();
                if (!run.advance()) {
                    diverge(run, last);
                    return;
                }
                dirty = true;
                long now = System.nanoTime();
                boolean kernelDue = run.step() % kernelEvery == 0;
                if (kernelDue || now - lastPublish >= publishNanos) {
                    TrainingSnapshot snap = run.snapshot(kernelDue, RunStatus.RUNNING, null);
                    if (snap == null) {
                        diverge(run, last);
                        return;
                    }
                    last = snap;
                    publish(last);
                    lastPublish = System.nanoTime();
                    dirty = !kernelDue;
                }
                long wait = minStepNanos - (System.nanoTime() - t0);
                if (wait > 0) {
                    sleepNanos(wait);
                }
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            failure = e.getMessage() != null ? e.getMessage() : e.toString();
            snapshots.publish(last.withStatus(RunStatus.FAILED, failure));
            status = RunStatus.FAILED;
            return;
        }
        status = RunStatus.STOPPED;
    }

    /** Keeps the last finite snapshot on show, marked with the divergence and its fix. */
    private void diverge(TrainingRun run, TrainingSnapshot last) {
        playing = false;
        snapshots.publish(last.withStatus(RunStatus.DIVERGED, run.divergenceMessage(), run.stepLog()));
        status = RunStatus.DIVERGED;
        waitForClose();
    }

    private void idle() {
        lock.lock();
        try {
            if (!closed && !playing && pendingSteps.get() == 0) {
                wake.await();
            }
        } catch (InterruptedException e) {
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    private void waitForClose() {
        while (!closed) {
            lock.lock();
            try {
                wake.await();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private void sleepNanos(long nanos) {
        lock.lock();
        try {
            wake.awaitNanos(nanos);
        } catch (InterruptedException e) {
            closed = true;
        } finally {
            lock.unlock();
        }
    }
}
