package io.ntkstudio.engine;

import java.util.function.BooleanSupplier;

/**
 * How {@link TrainingRun#create} builds a run. {@code infiniteWidth}: also compute the analytic
 * Θ_∞ and its kernel-regime prediction (NTK parameterization only; the slow part of building a
 * run, so sweeps and benchmarks leave it out). {@code cancelled}: checked during the slow parts,
 * so that a run superseded in the window stops costing time.
 */
public record RunOptions(boolean infiniteWidth, BooleanSupplier cancelled) {
    private static final BooleanSupplier NEVER = () -> false;
    /** The network, its kernels and the infinite-width kernel Θ_∞. */
    public static final RunOptions WITH_INFINITE_WIDTH = new RunOptions(true, NEVER);
    /** The network and its own kernels only. */
    public static final RunOptions NETWORK_ONLY = new RunOptions(false, NEVER);

    /** The same options, giving up with a CancellationException once {@code check} turns true. */
    public RunOptions cancelledWhen(BooleanSupplier check) {
        return new RunOptions(infiniteWidth, check);
    }
}
