package io.ntkstudio.engine;

import java.util.function.BooleanSupplier;

/**
 * How {@link TrainingRun#create} builds a run. {@code infiniteWidth}: also compute the analytic
 * Θ_∞ and its kernel-regime prediction (NTK parameterization only; the slow part of building a
 * run, so sweeps and benchmarks leave it out), and for an ensemble the NTK Gaussian process.
 * {@code gaussianProcess}: the Gaussian process without Θ_∞'s prediction, for any number of
 * networks (the {@code ensemble} command). {@code cancelled}: checked during the slow parts, so
 * that a run superseded in the window stops costing time. {@code progress}: told what is being
 * built, and how much of it is done.
 */
public record RunOptions(boolean infiniteWidth, boolean gaussianProcess, BooleanSupplier cancelled, SetupProgress progress) {
    private static final BooleanSupplier NEVER = () -> false;
    /** The network, its kernels and the infinite-width kernel Θ_∞. */
    public static final RunOptions WITH_INFINITE_WIDTH = new RunOptions(true, false, NEVER, SetupProgress.NONE);
    /** The network and its own kernels only. */
    public static final RunOptions NETWORK_ONLY = new RunOptions(false, false, NEVER, SetupProgress.NONE);
    /** The networks, their own kernels and the NTK Gaussian process where it exists. */
    public static final RunOptions WITH_GAUSSIAN_PROCESS = new RunOptions(false, true, NEVER, SetupProgress.NONE);

    /** The same options, giving up with a CancellationException once {@code check} turns true. */
    public RunOptions cancelledWhen(BooleanSupplier check) {
        return new RunOptions(infiniteWidth, gaussianProcess, check, progress);
    }

    /** The same options, telling {@code p} how the set-up goes. */
    public RunOptions reportingTo(SetupProgress p) {
        return new RunOptions(infiniteWidth, gaussianProcess, cancelled, p);
    }
}
