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
        // three test points with GP mean (3, 4, 0) and σ = (1, 2, 2): Σσ²/K = 9/4 over Σ(μ² + σ²) = 25 + 9
        Ensemble.Stats s = new Ensemble.Stats(0, new double[3], new double[3], new double[] {3, 4, 0}, new double[] {1, 2, 2},
                0, 0, 0);
        assertEquals(Math.sqrt(9.0 / 4 / 34), EnsembleSweep.samplingFloor(s, 4), 1e-15);
    }

    @Test
    void theSamplingErrorIsTheRmsGapOfExactGpDrawsWhichASingleSetOfNetworksMayUndercut() {
        // Monte-Carlo: 4000 sets of K = 16 draws of a Gaussian process with these means and standard deviations
        double[] mu = {0.5, -0.3, 0.8, 0.1, -0.6};
        double[] sd = {0.2, 0.1, 0.3, 0.25, 0.15};
        int k = 16;
        Ensemble.Stats s = new Ensemble.Stats(0, new double[5], new double[5], mu, sd, 0, 0, 0);
        double error = EnsembleSweep.samplingFloor(s, k);
        java.util.Random rng = new java.util.Random(7);
        double sumSquares = 0;
        int below = 0;
        int sets = 4000;
        double norm = Math.sqrt(java.util.Arrays.stream(mu).map(m -> m * m).sum() + java.util.Arrays.stream(sd).map(d -> d * d).sum());
        for (int r = 0; r < sets; r++) {
            double gap = 0;
            for (int i = 0; i < mu.length; i++) {
                double mean = 0;
                for (int j = 0; j < k; j++) {
                    mean += mu[i] + sd[i] * rng.nextGaussian();
                }
                double d = mean / k - mu[i];
                gap += d * d;
            }
            gap = Math.sqrt(gap) / norm;
            sumSquares += gap * gap;
            below += gap < error ? 1 : 0;
        }
        assertEquals(error, Math.sqrt(sumSquares / sets), 0.03 * error, "the root-mean-square gap of exact draws");
        // a floor no set could go under would leave none below it: more than a third of the sets are
        double share = (double) below / sets;
        assertTrue(share > 0.35 && share < 0.8, "sets of exact draws below their RMS gap: " + share);
    }

    @Test
    void onlyTheNtkParameterizationHasTheGaussianProcess() {
        ExperimentSpec mup = SPEC.withNetwork(NET.withParameterization(Parameterization.MUP));
        Dataset data = DataSources.build(SPEC.data(), Path.of("."));
        assertThrows(InvalidInputException.class, () -> EnsembleSweep.run(mup, data, new int[] {16}, (k, a, p) -> { }, () -> false));
    }

    /**
     * A GP mean of nearly 0 (targets that cancel) with members inside its spread: the gap is about
     * 1/√K of the spread, not 1e12 (it was relative to ‖μ‖).
     */
    @Test
    void aVanishingGpMeanDoesNotMakeTheGapExplode() {
        int k = 16;
        int m = 10;
        java.util.Random rng = new java.util.Random(11);
        double[][] f = new double[k][m];
        for (double[] row : f) {
            for (int i = 0; i < m; i++) {
                row[i] = rng.nextGaussian();
            }
        }
        double[] mu = new double[m];
        double[] var = new double[m];
        java.util.Arrays.fill(mu, 1e-13);
        java.util.Arrays.fill(var, 1.0);
        Ensemble.Stats s = EnsembleStats.of(5, f, 0, new io.ntkstudio.kernel.NtkGaussianProcess.Moments(mu, var));
        assertTrue(s.meanGap() > 0.1 && s.meanGap() < 0.5, "about 1/√16 = 0.25: " + s.meanGap());
        assertEquals(0.25, EnsembleSweep.samplingFloor(s, k), 1e-12);
    }
}
