package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.DataSpec;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunRecorder;
import io.ntkstudio.engine.StepLog;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunHistoryTest {
    static final double LR = 0.5;

    static TrainingRun run(long seed) {
        ExperimentSpec spec = new ExperimentSpec(new NetworkConfig(256, 1, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, seed),
                DataSpec.circle(16, 32, "mix", 4), new TrainingSpec(LR, 100, 10));
        return TrainingRun.create(spec, Path.of("."), RunOptions.NETWORK_ONLY);
    }

    /** The snapshots of a run recorded every {@code every} steps, the kernel every 10. */
    static List<TrainingSnapshot> record(long seed, int steps, int every) {
        List<TrainingSnapshot> all = new ArrayList<>();
        RunRecorder.run(run(seed), steps, 10, every, all::add, (s, t, l) -> { });
        return all;
    }

    /** Columns of the plot that are dark over most of {@code [y0, y1)}: a vertical line drawn in ink. */
    private static List<Integer> darkColumns(java.awt.image.BufferedImage img, int y0, int y1) {
        List<Integer> cols = new ArrayList<>();
        for (int x = 0; x < img.getWidth(); x++) {
            int dark = 0;
            for (int y = y0; y < y1; y++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 255) < 90 && ((rgb >> 8) & 255) < 90 && (rgb & 255) < 90) {
                    dark++;
                }
            }
            if (dark > 0.8 * (y1 - y0)) {
                cols.add(x);
            }
        }
        return cols;
    }

    @Test
    void replayRunsTheCurvesToTheLatestStepWithACursorAtTheFrame() {
        List<TrainingSnapshot> all = record(1, 60, 0);
        TrainingSnapshot latest = all.get(all.size() - 1);
        TrainingSnapshot frame = all.stream().filter(s -> s.step() == 20).findFirst().orElseThrow();
        ChartInputs live = RunHistory.inputs(latest, latest, HeatmapMode.CURRENT);
        ChartInputs replay = RunHistory.replay(latest, frame, HeatmapMode.CURRENT, 0);
        assertEquals(frame, replay.snapshot());
        assertEquals(frame, replay.kernelSnapshot());
        assertEquals(20, replay.cursorStep());
        assertTrue(replay.replaying() && !live.replaying());
        assertArrayEquals(live.trainLoss().x(), replay.trainLoss().x(), 0.0, "the whole curve, to step 60");
        assertArrayEquals(live.kernelChange().y(), replay.kernelChange().y(), 0.0);

        // one panel: a view this wide and at least PanelSplit.SHORT tall would show the kernel metrics beside the losses
        int w = 640;
        int h = 199;
        java.awt.image.BufferedImage withCursor = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.image.BufferedImage without = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = withCursor.createGraphics();
        Surface.begin(g, w, h);
        LossChart.paint(g, w, h, replay);
        g.dispose();
        g = without.createGraphics();
        Surface.begin(g, w, h);
        LossChart.paint(g, w, h, live);
        g.dispose();
        // where step 20 falls on the chart's axis, drawn the same way as the curves
        java.awt.Graphics2D probe = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        Surface.begin(probe, w, h);
        Chart axes = Chart.draw(probe, 0, 0, w, h, "loss  L = 1/(2n) Σ (f − y)²", "step", "loss",
                new double[] {0, 60}, false, new double[] {1e-3, 1}, true);
        int px = (int) Math.round(axes.xScale().toPixel(20));
        List<Integer> added = darkColumns(withCursor, h / 3, 2 * h / 3);
        added.removeAll(darkColumns(without, h / 3, 2 * h / 3));
        assertTrue(!added.isEmpty() && added.stream().allMatch(x -> Math.abs(x - px) <= 1), added + " against the cursor at " + px);
    }

    @Test
    void theCurvesHoldEveryStepThoughOnlyTheLastSnapshotWasSeen() {
        List<TrainingSnapshot> everyStep = record(0, 40, 1);
        TrainingRun twin = run(0);
        for (int i = 0; i < 40; i++) {
            twin.advance();
        }
        TrainingSnapshot last = twin.snapshot(true, io.ntkstudio.engine.RunStatus.RUNNING, null);
        ChartInputs in = RunHistory.inputs(last, last, HeatmapMode.CURRENT);
        ModeTrajectories tr = in.modeTrajectories();
        assertArrayEquals(last.context().dominantModes(StepLog.TRACKED_MODES), tr.modes());
        assertEquals(StepLog.TRACKED_MODES, tr.size());
        assertEquals(41, in.trainLoss().size(), "steps 0 to 40");
        int n = last.context().data().train().count();
        for (int j = 0; j <= 40; j++) {
            // Against the twin run's own snapshot at each step (the same seed trains bit-identically).
            TrainingSnapshot s = everyStep.get(j);
            assertEquals(j, in.trainLoss().x()[j], 0.0);
            assertEquals(s.trainLoss(), in.trainLoss().y()[j], 0.0);
            assertEquals(s.regimeTrainLoss(), in.regimeTrainLoss().y()[j], 1e-12 * s.regimeTrainLoss());
            for (int k = 0; k < tr.size(); k++) {
                int mode = tr.modes()[k];
                double lambda = last.context().eigenvaluesInit().get(mode);
                assertEquals(lambda, tr.eigenvalues()[k], 0.0);
                assertEquals(s.modeEnergies().get(mode), tr.network()[k].y()[j], 1e-12 * s.modeEnergies().get(mode) + 1e-300);
                // The linearised network under the same GD: (vᵢᵀr)² is multiplied by (1 − ηλᵢ/n)² per step (Lee et al. 2019).
                double closedForm = last.context().modeEnergiesInit().get(mode) * Math.pow(1 - LR * lambda / n, 2 * j);
                assertEquals(closedForm, tr.regime()[k].y()[j], 1e-9 * closedForm + 1e-300);
            }
        }
        assertEquals(1, in.testLoss().size(), "test losses where the kernel was computed: only step 40 in the twin");
    }

    @Test
    void everyKernelIntervalReachesTheCurvesThoughOnlyTheLastSnapshotWasSeen() {
        // a window at full speed that skipped every frame but the last: the curves must still hold
        // every kernel interval the training thread computed, with the numbers of those snapshots
        List<TrainingSnapshot> all = record(0, 47, 1);
        TrainingSnapshot last = all.get(all.size() - 1);
        ChartInputs in = RunHistory.inputs(last, last, HeatmapMode.CURRENT);
        List<TrainingSnapshot> kernels = all.stream().filter(TrainingSnapshot::hasKernel).toList();
        assertEquals(List.of(0L, 10L, 20L, 30L, 40L, 47L), kernels.stream().map(TrainingSnapshot::step).toList());
        Series[] curves = {in.testLoss(), in.regimeTestLoss(), in.kernelChange(), in.distanceToLimit(), in.alignment(),
                in.weightChange(), in.topEigenvalues()[0], in.topEigenvalues()[4]};
        for (Series c : curves) {
            assertEquals(kernels.size(), c.size(), "one sample per kernel snapshot computed");
        }
        for (int i = 0; i < kernels.size(); i++) {
            TrainingSnapshot k = kernels.get(i);
            assertEquals(k.step(), in.kernelChange().x()[i], 0.0);
            assertEquals(k.testLoss(), in.testLoss().y()[i], 0.0);
            assertEquals(k.regimeTestLoss(), in.regimeTestLoss().y()[i], 0.0);
            assertEquals(k.metrics().kernelChange(), in.kernelChange().y()[i], 0.0);
            assertEquals(k.metrics().alignment(), in.alignment().y()[i], 0.0);
            assertEquals(k.metrics().weightChange(), in.weightChange().y()[i], 0.0);
            assertEquals(k.eigenvalues().get(0), in.topEigenvalues()[0].y()[i], 0.0);
            assertEquals(k.eigenvalues().get(4), in.topEigenvalues()[4].y()[i], 0.0);
        }
    }

    @Test
    void theKernelLogKeepsConstantMemoryAndItsFirstAndEvenRowsOverALongRun() {
        io.ntkstudio.engine.KernelLog log = new io.ntkstudio.engine.KernelLog();
        double[] row = new double[io.ntkstudio.engine.KernelLog.COLUMNS];
        for (long step = 0; step < 100_000; step += 3) {
            row[0] = step;
            log.record(step, row);
        }
        io.ntkstudio.engine.StepLogView v = log.view();
        assertTrue(v.size() <= io.ntkstudio.engine.KernelLog.CAPACITY && v.size() > io.ntkstudio.engine.KernelLog.CAPACITY / 4);
        assertEquals(0, v.step(0), 0.0);
        for (int i = 1; i < v.size(); i++) {
            assertEquals(v.step(i) - v.step(i - 1), v.step(1) - v.step(0), 0.0, "evenly thinned");
            assertEquals(v.step(i), v.value(0, i), 0.0, "rows stay whole");
        }
    }

    @Test
    void inputsTakeTheKernelCurvesFromThePreviousOnlyWhileTheKernelLogHoldsTheSameRows() {
        // the window builds inputs for every frame from the one before: what it reuses must be
        // exactly what a fresh build gives, and a grown log must be read anew
        List<TrainingSnapshot> everyStep = record(0, 25, 1);
        ChartInputs previous = null;
        int reused = 0;
        int rebuilt = 0;
        for (TrainingSnapshot s : everyStep) {
            ChartInputs paced = RunHistory.inputs(s, s, HeatmapMode.CURRENT, 0, previous);
            ChartInputs fresh = RunHistory.inputs(s, s, HeatmapMode.CURRENT, 0);
            assertSame(paced, fresh);
            if (previous != null && paced.testLoss() == previous.testLoss()) {
                reused++;
                assertTrue(previous.snapshot().kernels().sameRows(s.kernels()));
            } else if (previous != null) {
                rebuilt++;
                assertEquals(previous.testLoss().x().length + 1, paced.testLoss().x().length, "one more kernel row");
            }
            previous = paced;
        }
        int grown = 0;
        for (int i = 1; i < everyStep.size(); i++) {
            grown += everyStep.get(i).hasKernel() ? 1 : 0;
        }
        assertTrue(grown >= 2, "kernel rows at steps 10 and 20 at least");
        assertEquals(grown, rebuilt, "read anew exactly where a kernel snapshot added a row");
        assertEquals(everyStep.size() - 1 - grown, reused, "reused everywhere else");
        // a replay's inputs carry another snapshot's curves: never reused
        TrainingSnapshot last = everyStep.get(everyStep.size() - 1);
        ChartInputs replay = RunHistory.replay(last, everyStep.get(5), HeatmapMode.CURRENT, 0);
        ChartInputs after = RunHistory.inputs(everyStep.get(5), everyStep.get(5), HeatmapMode.CURRENT, 0, replay);
        assertSame(after, RunHistory.inputs(everyStep.get(5), everyStep.get(5), HeatmapMode.CURRENT, 0));
        assertTrue(after.testLoss() != replay.testLoss());
    }

    /** Every curve of {@code a} holds the same numbers as {@code b}'s. */
    private static void assertSame(ChartInputs a, ChartInputs b) {
        List<Series> sa = curves(a);
        List<Series> sb = curves(b);
        assertEquals(sb.size(), sa.size());
        for (int i = 0; i < sa.size(); i++) {
            assertArrayEquals(sb.get(i).x(), sa.get(i).x(), 0.0, "curve " + i);
            assertArrayEquals(sb.get(i).y(), sa.get(i).y(), 0.0, "curve " + i);
        }
    }

    private static List<Series> curves(ChartInputs in) {
        List<Series> all = new ArrayList<>(List.of(in.trainLoss(), in.testLoss(), in.regimeTrainLoss(), in.regimeTestLoss(),
                in.kernelChange(), in.distanceToLimit(), in.alignment(), in.weightChange()));
        all.addAll(List.of(in.topEigenvalues()));
        all.addAll(List.of(in.modeTrajectories().network()));
        all.addAll(List.of(in.modeTrajectories().regime()));
        return all;
    }
}
