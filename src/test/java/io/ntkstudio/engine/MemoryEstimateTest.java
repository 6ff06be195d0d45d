package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Architecture;
import io.ntkstudio.network.Layers;
import io.ntkstudio.network.Readout;
import io.ntkstudio.network.TrainingRule;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.lang.ref.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryEstimateTest {
    @Test
    void aHugeRunIsRefusedWithTheEstimateAndTheLimit() {
        NetworkConfig net = new NetworkConfig(8192, 10, Activation.RELU, Parameterization.NTK, 1, 0, 0);
        long bytes = MemoryEstimate.forTraining(net, 2, 100_000, 100_000);
        assertTrue(bytes > 8L * 8192 * 8192 * 9 * 2, "parameters and their initial copy at least");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MemoryEstimate.requireFits(bytes, "this run", "lower network.width"));
        assertTrue(e.getMessage().contains("needs about") && e.getMessage().contains("limit")
                && e.getMessage().contains("lower network.width") && e.getMessage().contains("-Xmx"), e.getMessage());
    }

    @Test
    void aSmallRunFits() {
        NetworkConfig net = new NetworkConfig(64, 2, Activation.RELU, Parameterization.NTK, 1, 0, 0);
        MemoryEstimate.requireFits(MemoryEstimate.forTraining(net, 2, 40, 80), "this run", "");
    }

    /**
     * The estimate against the heap a run really holds after kernel snapshots (measured after full
     * collections, holding the run and its last snapshot): never below it, and not far above. A
     * 2-D run at width 1024 holds a 50 MB pass over the function grid, which the estimate once missed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"DENSE", "RESIDUAL"})
    void theEstimateCoversWhatARunHoldsAndIsClose(Architecture architecture) {
        NetworkConfig net = new NetworkConfig(1024, 2, Activation.RELU, Parameterization.NTK, 1.4142135623730951, 0.1, 0)
                .withArchitecture(architecture);
        ExperimentSpec spec = new ExperimentSpec(net, new DataSpec("xor", 40, 80, "", 0, 0, 0, null, null), new TrainingSpec(0.5, 20, 5));
        Dataset data = DataSources.build(spec.data(), null);
        // a small run first, so that loading classes and natives is not counted as the run's
        TrainingRun.create(spec.withNetwork(net.withWidth(8)), data, RunOptions.WITH_INFINITE_WIDTH).snapshot(true, RunStatus.RUNNING, null);
        long before = usedAfterCollection();
        TrainingRun run = TrainingRun.create(spec, data, RunOptions.WITH_INFINITE_WIDTH);
        TrainingSnapshot last = null;
        for (int i = 0; i < 3; i++) {
            run.advance();
            last = run.snapshot(true, RunStatus.RUNNING, null);
        }
        long held = usedAfterCollection() - before;
        long estimate = MemoryEstimate.forTraining(net, 2, 40, 80);
        Reference.reachabilityFence(run);
        Reference.reachabilityFence(last);
        assertTrue(held > 30L << 20, "the run holds its passes: " + MemoryEstimate.human(held));
        assertTrue(estimate >= held, "estimate " + MemoryEstimate.human(estimate) + " below the held " + MemoryEstimate.human(held));
        assertTrue(estimate <= 3 * held, "estimate " + MemoryEstimate.human(estimate) + " far above the held " + MemoryEstimate.human(held));
    }

    /** A conv run on 150 digits, 32 channels, ten outputs: its passes over every position, Θ_0's nC × nC blocks, the measurements. */
    @Test
    void aConvRunsEstimateCoversWhatItHoldsAndIsClose() {
        Readout readout = Readout.GAP;
        NetworkConfig net = new NetworkConfig(32, 2, Activation.RELU, Parameterization.NTK, 1.4142135623730951, 0.1, 0, 1,
                Layers.conv(readout));
        ExperimentSpec spec = new ExperimentSpec(net, new DataSpec("digits", 150, 50, "", 0, 0, 0, null, null), new TrainingSpec(0.5, 20, 5));
        Dataset data = DataSources.build(spec.data(), null);
        TrainingRun.create(spec.withNetwork(net.withWidth(2)), data, RunOptions.NETWORK_ONLY).snapshot(true, RunStatus.RUNNING, null);
        long before = usedAfterCollection();
        // the set-up's full Θ_0 is transient: the heap in use is sampled throughout (garbage included, so above the live peak)
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime rt = Runtime.getRuntime();
        Thread watch = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                Thread.onSpinWait();
            }
        });
        watch.start();
        TrainingRun run = TrainingRun.create(spec, data, RunOptions.NETWORK_ONLY);
        TrainingSnapshot last = null;
        for (int i = 0; i < 3; i++) {
            run.advance();
            last = run.snapshot(true, RunStatus.RUNNING, null);
        }
        done.set(true);
        long sampled = peak.get() - before;
        long held = usedAfterCollection() - before;
        long estimate = MemoryEstimate.forMembers(net, 64, 150, 50, TrainingRule.GD, false, 1, true, 10);
        Reference.reachabilityFence(run);
        Reference.reachabilityFence(last);
        assertTrue(estimate >= held, "estimate " + MemoryEstimate.human(estimate) + " below the held " + MemoryEstimate.human(held));
        assertTrue(estimate <= 2 * sampled, "estimate " + MemoryEstimate.human(estimate) + " far above the sampled peak "
                + MemoryEstimate.human(sampled));
    }

    private static long usedAfterCollection() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void humanSizes() {
        assertTrue(MemoryEstimate.human(3L << 30).equals("3.0 GiB"));
        assertTrue(MemoryEstimate.human(512).equals("512 B"));
    }

    /** The hint names the heap that would hold the work, not a fixed -Xmx16g, and says when no heap on this machine would. */
    @Test
    void aRefusalNamesTheHeapItWouldTakeAndNoHiddenMarginContradictsIt() {
        long max = Runtime.getRuntime().maxMemory();
        String twice = assertThrows(InvalidInputException.class,
                () -> MemoryEstimate.requireFits(2 * max, "a big run", "lower it")).getMessage();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-Xmx(\\d+)g").matcher(twice);
        assertTrue(m.find(), twice);
        long gib = Long.parseLong(m.group(1));
        assertTrue(gib << 30 >= 2 * max && gib << 30 <= 3 * max + (2L << 30), gib + " GiB for " + twice);
        String huge = assertThrows(InvalidInputException.class,
                () -> MemoryEstimate.requireFits(1L << 50, "a huge run", "lower it")).getMessage();
        assertTrue(huge.contains("more than this machine's") && huge.endsWith(": lower it"), huge);
        // just under what is available fits: no hidden factor refuses it
        Runtime rt = Runtime.getRuntime();
        MemoryEstimate.requireFits((rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / 10 * 9 + (1 << 20), "a run", "lower it");
    }
}
