package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        return change(width, false);
    }

    private static BufferedImage change(int width, boolean ownRange) {
        ExperimentSpec spec = new ExperimentSpec(new NetworkConfig(width, 1, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 2),
                DataSpec.circle(12, 12, "sin", 3), new TrainingSpec(0.5, 100, 100));
        TrainingRun run = TrainingRun.create(spec, Path.of("."), RunOptions.NETWORK_ONLY);
        for (int t = 0; t < 100; t++) {
            run.advance();
        }
        TrainingSnapshot s = run.snapshot(true, RunStatus.RUNNING, null);
        return FigureSet.view(Views.HEATMAP, RunHistory.inputs(s, s, HeatmapMode.CHANGE).withOwnRange(ownRange), 1, ChartTheme.LIGHT);
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
        int auto = palest(change(4096, true));
        assertTrue(auto < 100, "width 4096 on its own range (auto): strong colour, darkest channel " + auto);
    }

    /**
     * The networks' mean kernel: the map's cells hold (1/K) Σ_k Θ_t^(k), each member's kernel from
     * its own run of that seed alone; without several networks the mode says so instead.
     */
    @Test
    void theNetworksMeanModeShowsTheMeanOfTheMembersOwnKernels() {
        NetworkConfig cfg = new NetworkConfig(32, 1, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 4);
        ExperimentSpec spec = new ExperimentSpec(cfg, DataSpec.circle(6, 6, "sin", 2), new TrainingSpec(0.5, 20, 10).withMembers(3));
        TrainingRun run = TrainingRun.create(spec, Path.of("."), RunOptions.NETWORK_ONLY);
        double[] sum = new double[36];
        double[][] own = new double[3][];
        for (int k = 0; k < 3; k++) {
            ExperimentSpec alone = spec.withNetwork(cfg.withSeed(io.ntkstudio.engine.Ensemble.memberSeed(cfg.seed(), k)))
                    .withTraining(spec.training().withMembers(1));
            TrainingRun single = TrainingRun.create(alone, Path.of("."), RunOptions.NETWORK_ONLY);
            for (int t = 0; t < 10; t++) {
                single.advance();
            }
            double[] kernel = single.snapshot(true, RunStatus.RUNNING, null).kernel().toArray();
            own[k] = kernel;
            for (int i = 0; i < 36; i++) {
                sum[i] += kernel[i] / 3;
            }
        }
        for (int t = 0; t < 10; t++) {
            run.advance();
        }
        TrainingSnapshot s = run.snapshot(true, RunStatus.RUNNING, null);
        BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        Surface.begin(g, 640, 440);
        HeatmapLayout layout = HeatmapChart.paint(g, 640, 440, RunHistory.inputs(s, s, HeatmapMode.NETWORKS_MEAN));
        g.dispose();
        assertTrue(layout.n() == 6, "a 6 × 6 map");
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double expected = sum[layout.order()[i] * 6 + layout.order()[j]];
                assertEquals(expected, layout.values()[i * 6 + j], 1e-12 * Math.abs(expected) + 1e-15);
            }
        }
        // network 3 chosen: its own Θ_t
        g = img.createGraphics();
        HeatmapLayout third = HeatmapChart.paint(g, 640, 440, RunHistory.inputs(s, s, HeatmapMode.CURRENT).withNetwork(2));
        g.dispose();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(own[2][third.order()[i] * 6 + third.order()[j]], third.values()[i * 6 + j], 0.0, "network 3's kernel");
            }
        }
        // the spectrum view's line for the networks: the eigenvalues of that same mean, descending
        double[] expected = io.ntkstudio.kernel.Spectrum.of(sum, 6, false).values();
        double[] got = s.ensemble().meanKernelEigenvalues().toArray();
        assertEquals(6, got.length);
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], got[i], 1e-10 * Math.abs(expected[0]), "eigenvalue " + i);
        }
        TrainingRun one = TrainingRun.create(spec.withTraining(spec.training().withMembers(1)), Path.of("."), RunOptions.NETWORK_ONLY);
        TrainingSnapshot single = one.snapshot(true, RunStatus.RUNNING, null);
        g = img.createGraphics();
        HeatmapLayout none = HeatmapChart.paint(g, 640, 440, RunHistory.inputs(single, single, HeatmapMode.NETWORKS_MEAN));
        g.dispose();
        assertEquals(0, none.n(), "one network: no map, a message");
    }

    /** Class data in class bands by default (every class in one run of rows), or in the data's own order; the cells are Θ's either way. */
    @Test
    void classDataIsSortedIntoClassBandsOrKeptInItsOwnOrder() {
        ExperimentSpec spec = new ExperimentSpec(new NetworkConfig(32, 1, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 2),
                new DataSpec("digits", 15, 6, "", 0, 0, 3, null, null, io.ntkstudio.data.ClassChoice.digits(java.util.List.of(3, 8, 1))),
                new TrainingSpec(0.5, 10, 10));
        TrainingRun run = TrainingRun.create(spec, Path.of("."), RunOptions.NETWORK_ONLY);
        TrainingSnapshot s = run.snapshot(true, RunStatus.RUNNING, null);
        io.ntkstudio.data.Samples train = s.context().data().train();
        for (boolean input : new boolean[] {false, true}) {
            BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            Surface.begin(g, 640, 440);
            HeatmapLayout layout = HeatmapChart.paint(g, 640, 440, RunHistory.inputs(s, s, HeatmapMode.CURRENT).withInputOrder(input));
            g.dispose();
            assertEquals(15, layout.n());
            int changes = 0;
            for (int i = 0; i < 15; i++) {
                if (input) {
                    assertEquals(i, layout.order()[i], "data order");
                } else if (i > 0) {
                    assertTrue(train.label(layout.order()[i]) >= train.label(layout.order()[i - 1]), "class bands at row " + i);
                }
                changes += i > 0 && train.label(layout.order()[i]) != train.label(layout.order()[i - 1]) ? 1 : 0;
                for (int j = 0; j < 15; j++) {
                    assertEquals(s.kernel().get(layout.order()[i], layout.order()[j]), layout.values()[i * 15 + j], 0.0);
                }
            }
            // three bands sorted; the shuffled data changes class more often
            assertTrue(input ? changes > 2 : changes == 2, "class changes along the rows: " + changes);
        }
    }
}
