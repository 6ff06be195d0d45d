package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.engine.EnsembleView;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunStatus;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnsembleCurvesTest {
    /** The curves of {@code view} over test inputs 0 … m − 1 drawn on a 640 × 440 chart: the image and the chart. */
    private static Object[] drawn(EnsembleView view, int m, boolean showNngp) {
        int[] order = new int[m];
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
            x[i] = i;
        }
        EnsembleCurves curves = new EnsembleCurves(order, view, showNngp);
        BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Surface.begin(g, 640, 440);
        double[] r = curves.range(0, 0);
        Chart c = Chart.draw(g, 0, 0, 640, 440, "f", "x", "f(x)", new double[] {0, m - 1}, false, new double[] {r[0], r[1]}, false);
        curves.draw(g, c, x);
        g.dispose();
        return new Object[] {img, c};
    }

    /** A pixel of a green line, antialiased onto the white ground or not: green well above red and blue. */
    private static boolean green(BufferedImage img, int x, int y) {
        if (x < 0 || y < 0 || x >= img.getWidth() || y >= img.getHeight()) {
            return false;
        }
        int rgb = img.getRGB(x, y);
        int r = rgb >> 16 & 0xFF;
        int gr = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return gr > r + 40 && gr > b + 40;
    }

    @Test
    void theNngpPosteriorMeanAndTwoSigmaBandAreDrawnWhenAsked() {
        ExperimentSpec spec = new ExperimentSpec(new NetworkConfig(64, 1, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 2),
                DataSpec.circle(8, 16, "sin", 1), new TrainingSpec(0.5, 10, 5).withMembers(4));
        TrainingRun run = TrainingRun.create(spec, Path.of("."), RunOptions.WITH_INFINITE_WIDTH);
        for (int t = 0; t < 5; t++) {
            run.advance();
        }
        TrainingSnapshot s = run.snapshot(true, RunStatus.RUNNING, null);
        EnsembleView e = s.ensemble();
        assertTrue(e != null && !e.nngpMean().isEmpty(), "an NTK-parameterized ensemble carries the NNGP posterior");
        int m = e.mean().size();
        // where the posterior is widest, green lines pass at its mean and at mean ± 2σ
        int widest = 0;
        for (int i = 0; i < m; i++) {
            widest = e.nngpStd().get(i) > e.nngpStd().get(widest) ? i : widest;
        }
        assertTrue(e.nngpStd().get(widest) > 0, "between the train points the posterior is uncertain");
        Object[] on = drawn(e, m, true);
        BufferedImage img = (BufferedImage) on[0];
        Chart c = (Chart) on[1];
        int px = (int) Math.round(c.xScale().toPixel(widest));
        for (int sign = -2; sign <= 2; sign += 2) {
            double v = e.nngpMean().get(widest) + sign * e.nngpStd().get(widest);
            int py = (int) Math.round(c.yScale().toPixel(v));
            boolean found = false;
            for (int dx = -10; dx <= 10 && !found; dx++) { // past a gap of the dashes
                for (int dy = -3; dy <= 3 && !found; dy++) {
                    found = green(img, px + dx, py + dy);
                }
            }
            assertTrue(found, "a green line at mean " + (sign == 0 ? "" : sign > 0 ? "+ 2σ" : "− 2σ") + " (" + v + ")");
        }
        BufferedImage off = (BufferedImage) drawn(e, m, false)[0];
        for (int yy = 0; yy < 440; yy++) {
            for (int xx = 0; xx < 640; xx++) {
                assertTrue(!green(off, xx, yy), "switched off, nothing green at " + xx + ", " + yy);
            }
        }
    }

    /** The loss view's faint curves are the other members' own train losses: each as a run of that seed alone gives them. */
    @Test
    void theLossViewDrawsEveryMembersTrainLossAsItsOwnRunWould() {
        NetworkConfig cfg = new NetworkConfig(64, 1, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 2);
        ExperimentSpec spec = new ExperimentSpec(cfg, DataSpec.circle(8, 16, "sin", 1),
                new TrainingSpec(0.5, 30, 10).withMembers(3));
        var data = DataSources.build(spec.data(), Path.of("."));
        TrainingRun run = TrainingRun.create(spec, data, RunOptions.WITH_INFINITE_WIDTH);
        for (int t = 0; t < 12; t++) {
            run.advance();
        }
        TrainingSnapshot s = run.snapshot(true, RunStatus.RUNNING, null);
        assertTrue(s.ensemble().memberSteps().size() == 2, "members 2 and 3");
        ChartInputs in = RunHistory.inputs(s, s, HeatmapMode.CURRENT);
        double[] lossSum = in.trainLoss().y().clone();
        for (int k = 1; k <= 2; k++) {
            Series drawn = RunHistory.column(s.ensemble().memberSteps().get(k - 1), io.ntkstudio.engine.StepLog.TRAIN_LOSS);
            ExperimentSpec alone = spec.withNetwork(cfg.withSeed(io.ntkstudio.engine.Ensemble.memberSeed(cfg.seed(), k)))
                    .withTraining(spec.training().withMembers(1));
            TrainingRun single = TrainingRun.create(alone, data, RunOptions.NETWORK_ONLY);
            for (int t = 0; t < drawn.size(); t++) {
                single.advance();
                assertEquals(t, drawn.x()[t], 0.0);
                assertEquals(single.lastLoss(), drawn.y()[t], 1e-12 * single.lastLoss(), "member " + (k + 1) + " at step " + t);
                lossSum[t] += single.lastLoss();
            }
        }
        // the bold line: the mean of the three networks' losses, each from its own run
        List<Series> others = new ArrayList<>();
        for (var log : s.ensemble().memberSteps()) {
            others.add(RunHistory.column(log, io.ntkstudio.engine.StepLog.TRAIN_LOSS));
        }
        Series mean = EnsembleCurves.meanLoss(in.trainLoss(), others);
        assertEquals(12, mean.size());
        for (int t = 0; t < mean.size(); t++) {
            assertEquals(t, mean.x()[t], 0.0);
            assertEquals(lossSum[t] / 3, mean.y()[t], 1e-12 * lossSum[t]);
        }
        BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Surface.begin(g, 640, 440);
        LossChart.paint(g, 640, 440, in);
        g.dispose();
    }
}
