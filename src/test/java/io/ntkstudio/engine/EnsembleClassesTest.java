package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.ClassChoice;
import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import io.ntkstudio.network.TrainingRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ensembles of networks with one output per class (three digits) against the NTK-GP of Θ_∞ ⊗ I_C. */
class EnsembleClassesTest {
    static final int C = 3;

    static ExperimentSpec spec(int width, int steps, TrainingRule rule) {
        return new ExperimentSpec(new NetworkConfig(width, 1, Activation.ERF, Parameterization.NTK, 1.5, 0.1, 40),
                new DataSpec("digits", 12, 8, "", 0, 0, 2, null, null, ClassChoice.digits(List.of(3, 8, 1))),
                new TrainingSpec(0.5, steps, steps).withRule(rule));
    }

    static Ensemble trained(ExperimentSpec s, int members) {
        Dataset data = DataSources.build(s.data(), Path.of("."));
        Ensemble e = Ensemble.create(s, data, members, () -> false);
        for (int t = 0; t < s.training().steps(); t++) {
            assertEquals(-1, e.advance());
        }
        return e;
    }

    /**
     * 32 networks of width 2048: in every output at every test point the members' mean is within a
     * few standard errors of the GP's mean, and the spread is the GP's (Lee et al. 2019, Sec. 2.3).
     */
    @Test
    void wideNetworksOfCOutputsAverageToTheGaussianProcessOfEachOutput() {
        Ensemble e = trained(spec(2048, 30, TrainingRule.GD), 32);
        assertTrue(e.hasGaussianProcess());
        Ensemble.Stats st = e.stats();
        assertEquals(8 * C, st.mean().length);
        double z2 = 0;
        for (int a = 0; a < st.mean().length; a++) {
            double z = (st.mean()[a] - st.gpMean()[a]) / (st.std()[a] / Math.sqrt(e.size()));
            assertTrue(Math.abs(z) < 4.5, "test point " + a / C + ", output " + a % C + ": z = " + z);
            z2 += z * z;
        }
        assertTrue(z2 / st.mean().length < 3, "mean squared z-score " + z2 / st.mean().length);
        assertEquals(1.0, st.stdRatio(), 0.3, "the spread is the GP's: ratio " + st.stdRatio());
    }

    /** Member k of a C-output ensemble, and network k + 1 of the window's ensemble run, is bit for bit the single run of its seed. */
    @Test
    void eachMemberIsTheSingleRunOfItsSeed() {
        ExperimentSpec s = spec(32, 8, new TrainingRule(Loss.MSE, 0.7, 4));
        Ensemble e = trained(s, 3);
        TrainingRun run = TrainingRun.create(s.withTraining(s.training().withMembers(3)), Path.of("."), RunOptions.WITH_INFINITE_WIDTH);
        for (int t = 0; t < 8; t++) {
            assertTrue(run.advance());
        }
        EnsembleView view = run.snapshot(true, RunStatus.RUNNING, null).ensemble();
        assertTrue(view.hasGaussianProcess());
        for (int k = 0; k < 3; k++) {
            TrainingRun single = TrainingRun.create(s.withNetwork(s.network().withSeed(Ensemble.memberSeed(40, k))), Path.of("."),
                    RunOptions.NETWORK_ONLY);
            for (int t = 0; t < 8; t++) {
                assertTrue(single.advance());
            }
            double[] own = single.snapshot(false, RunStatus.RUNNING, null).testOutputs().toArray();
            assertEquals(8 * C, own.length);
            assertArrayEquals(own, e.testOutputs().get(k), 0.0, "member " + k);
            assertArrayEquals(own, view.members().get(k).toArray(), 0.0, "network " + (k + 1) + " in the window's view");
        }
    }

    @Test
    void underSoftmaxThereIsNoGaussianProcess() {
        Ensemble e = trained(spec(32, 2, new TrainingRule(Loss.SOFTMAX, 0, 0)), 2);
        assertFalse(e.hasGaussianProcess());
        assertTrue(Double.isNaN(e.stats().gpMean()[0]));
    }

    /** The spectrum view's C(k): of the measured Θ_t at each kernel snapshot, of Θ_0 and Θ_∞ in the run's context. */
    @Test
    void theRunMeasuresTheTaskAlignmentOfThetaTAndHasThoseOfThetaZeroAndTheLimit() {
        ExperimentSpec s = spec(64, 6, TrainingRule.GD);
        TrainingRun run = TrainingRun.create(s, Path.of("."), RunOptions.WITH_INFINITE_WIDTH);
        for (int t = 0; t < 6; t++) {
            assertTrue(run.advance());
        }
        TrainingSnapshot snap = run.snapshot(true, RunStatus.RUNNING, null);
        double[] y = snap.context().data().train().copyTargets();
        int n = snap.context().data().train().count();
        assertArrayEquals(io.ntkstudio.kernel.Spectrum.of(snap.kernel().toArray(), n, true).taskAlignment(y, C),
                snap.taskAlignment().toArray(), 1e-10);
        assertArrayEquals(io.ntkstudio.kernel.Spectrum.of(snap.context().kernelInit().toArray(), n, true).taskAlignment(y, C),
                snap.context().alignments().init().toArray(), 1e-10);
        assertArrayEquals(io.ntkstudio.kernel.Spectrum.of(snap.context().kernelLimit().toArray(), n, true).taskAlignment(y, C),
                snap.context().alignments().limit().toArray(), 1e-10);
        assertTrue(run.snapshot(false, RunStatus.RUNNING, null).taskAlignment().isEmpty(), "measured with the kernel only");
    }
}
