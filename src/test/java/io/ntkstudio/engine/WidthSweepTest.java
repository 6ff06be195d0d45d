package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class WidthSweepTest {
    private static ExperimentSpec spec(Activation act) {
        return new ExperimentSpec(new NetworkConfig(256, 1, act, Parameterization.NTK, Math.sqrt(2), 0.1, 0),
                DataSpec.circle(16, 32, "sin", 2), new TrainingSpec(0.5, 100, 100));
    }

    @Test
    void aSmoothNetworksKernelMovesInTrainingLikeOneOverWidth() {
        // Dyer & Gur-Ari 2019: for smooth activations dΘ/dt = O(1/n), so after T steps the change
        // falls like width^(−1), faster than Lee et al. 2019's O(n^(−½)) bound.
        ExperimentSpec spec = spec(Activation.TANH);
        List<WidthSweep.Point> points = WidthSweep.run(spec, DataSources.build(spec.data(), Path.of(".")),
                List.of(Parameterization.NTK), new int[] {64, 256, 1024, 4096}, 3, (d, t, p) -> { }, () -> false);
        assertEquals(12, points.size());
        assertEquals(-1.0, WidthSweep.slope(points, Parameterization.NTK), 0.15);
    }

    @Test
    void aCancelledSweepStops() {
        ExperimentSpec spec = spec(Activation.RELU);
        int[] calls = {0};
        assertThrows(CancellationException.class, () -> WidthSweep.run(spec, DataSources.build(spec.data(), Path.of(".")),
                List.of(Parameterization.NTK), new int[] {16, 32, 64}, 1, (d, t, p) -> calls[0]++, () -> calls[0] >= 2));
        assertEquals(2, calls[0], "no point after the cancel");
    }
}
