package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chizat, Oyallon & Bach 2019: at a fixed (narrow) width the kernel change falls like 1/α. */
class ScaleSweepTest {
    static ExperimentSpec spec(Activation a, int width, double alpha) {
        return new ExperimentSpec(new NetworkConfig(width, 2, a, Parameterization.NTK, Math.sqrt(2), 0.1, 3, alpha),
                DataSpec.circle(16, 32, "sin", 2), new TrainingSpec(0.5, 100, 100));
    }

    @Test
    void theKernelChangeOfANarrowTanhNetworkFallsLikeOneOverAlpha() {
        ExperimentSpec base = spec(Activation.TANH, 32, 1);
        Dataset data = DataSources.build(base.data(), Path.of("."));
        List<ScaleSweep.Point> points = ScaleSweep.run(base, data, new double[] {4, 16, 64, 256}, 2, (d, t, p) -> { }, () -> false);
        double slope = ScaleSweep.slope(points);
        assertEquals(-1, slope, 0.15, "fitted slope " + slope);
        for (ScaleSweep.Point p : points) {
            assertTrue(p.weightChange() > 0 && p.kernelChange() > 0);
        }
    }

    /** RMS over the test inputs of the network against its kernel-regime prediction after 60 steps. */
    private static double[] gapAndRegime(double alpha) {
        ExperimentSpec spec = spec(Activation.TANH, 32, alpha);
        TrainingRun run = TrainingRun.create(spec, Path.of("."), RunOptions.NETWORK_ONLY);
        for (int t = 0; t < 60; t++) {
            assertTrue(run.advance());
        }
        TrainingSnapshot s = run.snapshot(true, RunStatus.RUNNING, null);
        double gap = 0;
        double[] regime = new double[s.regimeTest().size()];
        for (int i = 0; i < regime.length; i++) {
            regime[i] = s.regimeTest().get(i);
            gap += Math.pow(s.testOutputs().get(i) - regime[i], 2);
        }
        double[] out = new double[regime.length + 1];
        out[0] = Math.sqrt(gap / regime.length);
        System.arraycopy(regime, 0, out, 1, regime.length);
        return out;
    }

    @Test
    void scalingLeavesTheKernelRegimeUnchangedAndMakesTheNetworkFollowIt() {
        // f_α's kernel is α²Θ and it moves at η/α²: (I − (η/α²)(α²Θ)/n)^t is the same for every α
        double[] one = gapAndRegime(1);
        double[] hundred = gapAndRegime(100);
        for (int i = 1; i < one.length; i++) {
            assertEquals(one[i], hundred[i], 1e-9 * Math.max(1, Math.abs(one[i])), "the same kernel-regime prediction");
        }
        assertTrue(hundred[0] < one[0] / 20, "at α = 100 the narrow network follows it: gap " + hundred[0] + " against " + one[0]);
    }
}
