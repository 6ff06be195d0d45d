package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Many random wide networks against the NTK Gaussian process (Lee et al. 2019, Sec. 2.3). */
class EnsembleTest {
    static ExperimentSpec spec(int width, int steps) {
        return new ExperimentSpec(new NetworkConfig(width, 1, Activation.ERF, Parameterization.NTK, 1.5, 0.1, 100),
                DataSpec.circle(6, 12, "sin", 1), new TrainingSpec(1.0, steps, steps));
    }

    static Ensemble trained(int width, int members, int steps) {
        ExperimentSpec s = spec(width, steps);
        Dataset data = DataSources.build(s.data(), Path.of("."));
        Ensemble e = Ensemble.create(s, data, members, () -> false);
        for (int t = 0; t < steps; t++) {
            assertEquals(-1, e.advance());
        }
        return e;
    }

    @Test
    void wideNetworksAverageToTheNtkGaussianProcessMeanWithItsSpread() {
        Ensemble e = trained(2048, 32, 40);
        Ensemble.Stats st = e.stats();
        // the ensemble mean is within a few standard errors σ/√K of μ_t at every test input
        double z2 = 0;
        for (int a = 0; a < st.mean().length; a++) {
            double se = st.std()[a] / Math.sqrt(e.size());
            double z = (st.mean()[a] - st.gpMean()[a]) / se;
            assertTrue(Math.abs(z) < 4.5, "test point " + a + ": z = " + z);
            z2 += z * z;
        }
        assertTrue(z2 / st.mean().length < 3, "mean squared z-score " + z2 / st.mean().length);
        assertEquals(1.0, st.stdRatio(), 0.3, "the spread is the GP's: ratio " + st.stdRatio());
        assertTrue(st.trainLossMean() < 0.05, "trained: " + st.trainLossMean());
    }

    @Test
    void membersAreReproducibleFromTheSeedAndMemberZeroIsTheSingleRun() {
        Ensemble a = trained(64, 3, 5);
        Ensemble b = trained(64, 3, 5);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(a.snapshots().get(k).testOutputs().toArray(), b.snapshots().get(k).testOutputs().toArray(), 0.0);
        }
        ExperimentSpec s = spec(64, 5);
        TrainingRun single = TrainingRun.create(s, Path.of("."), RunOptions.NETWORK_ONLY);
        for (int t = 0; t < 5; t++) {
            single.advance();
        }
        assertArrayEquals(single.snapshot(false, RunStatus.RUNNING, null).testOutputs().toArray(),
                a.snapshots().get(0).testOutputs().toArray(), 0.0);
        assertEquals(Ensemble.memberSeed(100, 2), a.member(2).context().spec().network().seed());
        ExperimentSpec withMembers = spec(64, 1).withTraining(spec(64, 1).training().withMembers(5));
        Ensemble e = Ensemble.create(withMembers, DataSources.build(withMembers.data(), Path.of(".")), 3, () -> false);
        assertEquals(1, e.member(0).context().spec().training().members(), "members are single networks, not ensembles");
        assertEquals(null, e.snapshots().get(0).ensemble());
        assertThrows(InvalidInputException.class, () -> trained(8, 65, 1));
    }

    @Test
    void anEnsembleRunThatWouldNotFitTogetherIsRefusedBeforeAllocating() {
        NetworkConfig cfg = new NetworkConfig(4096, 4, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 0);
        ExperimentSpec s = new ExperimentSpec(cfg, DataSpec.circle(8, 8, "sin", 1),
                new TrainingSpec(0.1, 1, 1).withMembers(64));
        long one = MemoryEstimate.forTraining(cfg, 2, 8, 8);
        long heap = Runtime.getRuntime().maxMemory();
        if (one < heap / 2 && 64 * one > heap) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> TrainingRun.create(s, Path.of("."), RunOptions.NETWORK_ONLY));
            assertTrue(e.getMessage().contains("training 64 width-4096") && e.getMessage().contains("training.members"),
                    e.getMessage());
        }
    }
}
