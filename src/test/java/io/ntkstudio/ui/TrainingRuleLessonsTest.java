package io.ntkstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunStatus;
import io.ntkstudio.engine.StepLog;
import io.ntkstudio.engine.StepLogView;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.figure.Lesson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two lessons on training rules run headless to the figures their notes give. */
class TrainingRuleLessonsTest {
    static TrainingRun trained(ExperimentSpec spec) {
        TrainingRun run = TrainingRun.create(spec, Path.of("."), RunOptions.WITH_INFINITE_WIDTH);
        for (int t = 0; t < spec.training().steps(); t++) {
            assertTrue(run.advance(), "no divergence at step " + t);
        }
        return run;
    }

    /** The steps where a column of the step log has a local minimum: a mode's energy dipping. */
    private static List<Integer> dips(StepLogView log, int column) {
        List<Integer> at = new ArrayList<>();
        for (int t = 1; t + 1 < log.size(); t++) {
            double v = log.value(column, t);
            if (v < log.value(column, t - 1) && v < log.value(column, t + 1)) {
                at.add((int) log.step(t));
            }
        }
        return at;
    }

    private static double meanSpacing(List<Integer> steps) {
        return (double) (steps.get(steps.size() - 1) - steps.get(0)) / (steps.size() - 1);
    }

    @Test
    void momentumEveryModeRingsAtTheStepsItsKernelRegimeDoes() {
        Lesson l = BuiltInLessons.load("momentum-rings.ntk");
        ExperimentSpec a = l.experiment();
        ExperimentSpec b = l.compare();
        assertEquals(0, a.training().rule().momentum());
        assertEquals(0.9, b.training().rule().momentum());
        assertEquals(0.5, a.training().learningRate());
        TrainingRun runA = trained(a);
        TrainingRun runB = trained(b);
        assertEquals(3.4, runA.context().largestStableLearningRate(), 0.05, "A's limit 2n/λ_max");
        assertEquals(6.4, runB.context().largestStableLearningRate(), 0.05, "B's limit 2(1 + β)n/λ_max");
        int[] modes = runB.context().trackedModes();
        assertEquals(5, modes.length, "the note's five modes");
        double[] lambda = new double[modes.length];
        for (int k = 0; k < modes.length; k++) {
            lambda[k] = runB.context().eigenvaluesInit().get(modes[k]);
        }
        assertEquals(19, lambda[0], 0.5);
        assertEquals(16, lambda[1], 0.5);
        assertEquals(15, lambda[2], 0.5);
        assertEquals(0.43, lambda[3], 0.01);
        assertEquals(0.43, lambda[4], 0.01);
        StepLogView logA = runA.stepLog();
        StepLogView logB = runB.stepLog();
        for (int k = 0; k < modes.length; k++) {
            assertTrue(dips(logA, StepLog.regimeModeColumn(k)).isEmpty(), "A's kernel regime never rises in mode " + k);
            // the network follows it down without rising, to a ten-thousandth of its start
            double start = logA.value(StepLog.modeColumn(k), 0);
            for (int t = 1; t < logA.size() && logA.value(StepLog.modeColumn(k), t) > 1e-4 * start; t++) {
                assertTrue(logA.value(StepLog.modeColumn(k), t) < logA.value(StepLog.modeColumn(k), t - 1), "A's mode " + k + " at step " + t);
            }
            List<Integer> regime = dips(logB, StepLog.regimeModeColumn(k));
            List<Integer> network = dips(logB, StepLog.modeColumn(k));
            double spacing = meanSpacing(regime);
            if (k < 3) {
                assertEquals(6, spacing, 0.7, "B's mode " + k + " dips about every 6 steps: " + regime);
                for (int d = 0; d < 3; d++) {
                    int r = regime.get(d);
                    assertTrue(network.stream().anyMatch(s -> Math.abs(s - r) <= 1), "B's network dips within a step of its kernel "
                            + "regime's dip at " + r + " in mode " + k + ": " + network);
                }
            } else {
                // the slow modes ring too: the network's first dip a few steps from its kernel regime's
                assertEquals(50, spacing, 6, "B's kernel regime dips about every 50 steps in mode " + k + ": " + regime);
                assertTrue(network.size() >= 3, "B's network rings in mode " + k + ": " + network);
                assertEquals(regime.get(0), network.get(0), 8, "B's first dips in mode " + k + ": " + regime + ", " + network);
            }
        }
        for (int k = 3; k < 5; k++) {
            double keptA = logA.value(StepLog.modeColumn(k), logA.size() - 1) / logA.value(StepLog.modeColumn(k), 0);
            double keptB = logB.value(StepLog.modeColumn(k), logB.size() - 1) / logB.value(StepLog.modeColumn(k), 0);
            assertTrue(keptA > 0.01, "A keeps more than 1 % of slow mode " + k + ": " + keptA);
            assertTrue(keptB < 1e-6, "B keeps less than a millionth: " + keptB);
        }
    }

    /** The share of steps on which the loss over all points rose, and the mean |Δ log L| per step. */
    private record Noise(double rises, double moves, double agree) {
    }

    private static Noise noise(StepLogView log) {
        int rises = 0;
        int agree = 0;
        double moves = 0;
        for (int t = 1; t < log.size(); t++) {
            double now = log.value(StepLog.TRAIN_LOSS, t);
            double before = log.value(StepLog.TRAIN_LOSS, t - 1);
            boolean up = now > before;
            boolean regimeUp = log.value(StepLog.REGIME_TRAIN_LOSS, t) > log.value(StepLog.REGIME_TRAIN_LOSS, t - 1);
            rises += up ? 1 : 0;
            agree += up == regimeUp ? 1 : 0;
            moves += Math.abs(Math.log(now / before));
        }
        int steps = log.size() - 1;
        return new Noise((double) rises / steps, moves / steps, (double) agree / steps);
    }

    @Test
    void minibatchNoiseSmallBatchesShakeTheLossAndTheKernelRegimeShakesWithIt() {
        Lesson l = BuiltInLessons.load("minibatch-noise.ntk");
        ExperimentSpec a = l.experiment();
        ExperimentSpec b = l.compare();
        assertEquals(4, a.training().rule().batchSize());
        assertEquals(32, b.training().rule().batchSize());
        assertEquals(64, a.data().n());
        assertEquals(2048, a.network().width());
        TrainingRun runA = trained(a);
        TrainingRun runB = trained(b);
        Noise na = noise(runA.stepLog());
        Noise nb = noise(runB.stepLog());
        assertEquals(0.5, na.rises(), 0.1, "A's loss rises on about half the steps");
        assertEquals(0.17, na.moves(), 0.04, "A's loss moves about 17 % a step");
        assertEquals(0.02, nb.moves(), 0.007, "B's about 2 %");
        assertTrue(na.agree() >= 0.88, "A's kernel regime rises and falls with the network on nine steps in ten: " + na.agree());
        TrainingSnapshot endA = runA.snapshot(true, RunStatus.RUNNING, null);
        TrainingSnapshot endB = runB.snapshot(true, RunStatus.RUNNING, null);
        assertEquals(3, endA.testLoss() / endB.testLoss(), 0.8, "A ends at about three times B's test loss");
    }
}
