package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.DataSpec;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunStatus;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Difference maps on a scale fixed relative to Θ_0: a small change looks small. */
class HeatmapChartTest {
    private static BufferedImage change(int width) {
        ExperimentSpec spec = new ExperimentSpec(new NetworkConfig(width, 1, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 2),
                DataSpec.circle(12, 12, "sin", 3), new TrainingSpec(0.5, 100, 100));
        TrainingRun run = TrainingRun.create(spec, Path.of("."), RunOptions.NETWORK_ONLY);
        for (int t = 0; t < 100; t++) {
            run.advance();
        }
        TrainingSnapshot s = run.snapshot(true, RunStatus.RUNNING, null);
        return FigureSet.view(Views.HEATMAP, RunHistory.inputs(s, s, HeatmapMode.CHANGE), 1, ChartTheme.LIGHT);
    }

    /** The least white cell of the map: min over the picture's middle of the smallest RGB channel. */
    private static int palest(BufferedImage img) {
        int least = 255;
        for (int y = 150; y < 300; y += 3) {
            for (int x = 150; x < 400; x += 3) {
                int rgb = img.getRGB(x, y);
                least = Math.min(least, Math.min((rgb >> 16) & 0xFF, Math.min((rgb >> 8) & 0xFF, rgb & 0xFF)));
            }
        }
        return least;
    }

    @Test
    void aWideNetworksSmallChangeStaysNearWhiteAndANarrowOnesShows() {
        int wide = palest(change(4096));
        int narrow = palest(change(16));
        assertTrue(wide > 150, "width 4096: Θ_t − Θ_0 stays pale, darkest channel " + wide);
        assertTrue(narrow < 100, "width 16: the change shows in strong colour, darkest channel " + narrow);
    }
}
