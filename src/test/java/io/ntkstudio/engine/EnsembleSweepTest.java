package io.ntkstudio.engine;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnsembleSweepTest {
    private static final NetworkConfig NET = new NetworkConfig(16, 1, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 3);
    private static final ExperimentSpec SPEC = new ExperimentSpec(NET, DataSpec.circle(10, 32, "sin", 2),
            new TrainingSpec(0.5, 60, 20).withMembers(16));

    @Test
    void wideNetworksAverageToTheGaussianProcessWithinTheirSamplingFloor() {
        Dataset data = DataSources.build(SPEC.data(), Path.of("."));
        List<EnsembleSweep.Point> done = new ArrayList<>();
        List<EnsembleSweep.Point> points = EnsembleSweep.run(SPEC, data, new int[] {16, 2048}, (k, all, p) -> done.add(p), () -> false);
        assertEquals(points, done, "progress reports every width");
        EnsembleSweep.Point narrow = points.get(0);
        EnsembleSweep.Point wide = points.get(1);
        assertEquals(60, wide.step());
        assertEquals(16, wide.members());
        assertTrue(wide.samplingFloor() > 0 && Double.isFinite(wide.samplingFloor()));
        assertTrue(wide.meanGap() < narrow.meanGap(), "the gap falls with width: " + narrow.meanGap() + " → " + wide.meanGap());
        assertTrue(wide.meanGap() < 3 * wide.samplingFloor(), "at width 2048 the gap is within a few sampling errors: gap "
                + wide.meanGap() + ", floor " + wide.samplingFloor());
        assertEquals(1.0, wide.stdRatio(), 0.4, "their spread is the GP's");
    }

    @Test
    void theFloorIsTheRmsDistanceOfKSamplesOfTheGaussianProcess() {
        // three test points with GP mean (3, 4, 0) and σ = (1, 2, 2): Σσ²/K = 9/4 over ‖μ‖² = 25
        Ensemble.Stats s = new Ensemble.Stats(0, new double[3], new double[3], new double[] {3, 4, 0}, new double[] {1, 2, 2},
                0, 0, 0);
        assertEquals(Math.sqrt(9.0 / 4 / 25), EnsembleSweep.samplingFloor(s, 4), 1e-15);
    }

    @Test
    void onlyTheNtkParameterizationHasTheGaussianProcess() {
        ExperimentSpec mup = SPEC.withNetwork(NET.withParameterization(Parameterization.MUP));
        Dataset data = DataSources.build(SPEC.data(), Path.of("."));
        assertThrows(InvalidInputException.class, () -> EnsembleSweep.run(mup, data, new int[] {16}, (k, a, p) -> { }, () -> false));
    }
}
