package io.ntkstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunStatus;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.figure.Lesson;
import io.ntkstudio.network.Parameterization;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The two lessons on handwritten digits, run headless to the figures their notes give. */
class DigitsLessonsTest {
    private static double accuracy(TrainingRun run, io.ntkstudio.linalg.ReadOnlyVector f) {
        return run.context().data().test().accuracy(f.toArray());
    }

    @Test
    void lazyVersusRichAStaysAlignedAsItStartedBLearnsTheClasses() {
        Lesson l = BuiltInLessons.load("lazy-vs-rich-digits.ntk");
        ExperimentSpec a = l.experiment();
        ExperimentSpec b = l.compare();
        assertEquals(Parameterization.NTK, a.network().parameterization());
        assertEquals(Parameterization.MUP, b.network().parameterization());
        assertEquals(10, a.data().classes().digits().isEmpty() ? 10 : a.data().classes().digits().size());
        TrainingRun runA = TrainingRun.create(a, Path.of("."), RunOptions.WITH_INFINITE_WIDTH);
        double startA = runA.snapshot(true, RunStatus.RUNNING, null).metrics().alignmentCentred();
        for (int t = 0; t < a.training().steps(); t++) {
            assertTrue(runA.advance());
        }
        TrainingRun runB = TrainingRuleLessonsTest.trained(b);
        TrainingSnapshot endA = runA.snapshot(true, RunStatus.RUNNING, null);
        TrainingSnapshot endB = runB.snapshot(true, RunStatus.RUNNING, null);
        assertEquals(0.555, startA, 0.0005, "both start at the same centred alignment");
        assertEquals(0.560, endA.metrics().alignmentCentred(), 0.0015, "A's barely moves");
        assertEquals(0.73, endB.metrics().alignmentCentred(), 0.01, "B's rises");
        assertTrue(endB.metrics().alignmentCentred() - startA > 20 * (endA.metrics().alignmentCentred() - startA),
                "B gains over twenty times A's alignment");
        assertEquals(0.85, accuracy(runA, endA.testOutputs()), 0.005, "A's test accuracy");
        assertEquals(0.85, accuracy(runA, endA.regimeTest()), 0.005, "A's kernel regime from Θ_0");
        assertEquals(0.86, accuracy(runA, endA.limitRegimeTest()), 0.005, "A's from Θ_∞");
        assertEquals(0.95, accuracy(runB, endB.testOutputs()), 0.005, "B's test accuracy");
        // the top 10 eigenvectors' share of the target, C(10)
        assertEquals(0.57, endA.context().alignments().init().get(9), 0.005, "C(10) of Θ_0");
        assertEquals(0.57, endA.taskAlignment().get(9), 0.005, "A's C(10) stays");
        assertEquals(0.82, endB.taskAlignment().get(9), 0.005, "B's C(10) rises");
    }

    @Test
    void theInfiniteNetworkConfusesThreeForEightTheMostOften() {
        Lesson l = BuiltInLessons.load("digits-confusion.ntk");
        ExperimentSpec a = l.experiment();
        TrainingRun run = TrainingRun.create(a, Path.of("."), RunOptions.WITH_INFINITE_WIDTH);
        assertEquals(0.08, run.snapshot(true, RunStatus.RUNNING, null).metrics().distanceToLimit(), 0.005,
                "Θ_0 differs from Θ_∞ by 8 %");
        for (int t = 0; t < a.training().steps(); t++) {
            assertTrue(run.advance());
        }
        TrainingSnapshot end = run.snapshot(true, RunStatus.RUNNING, null);
        Samples test = run.context().data().test();
        double[] limit = end.limitRegimeTest().toArray();
        assertEquals(0.88, test.accuracy(limit), 0.005, "Θ_∞'s test accuracy");
        assertEquals(0.92, test.accuracy(end.testOutputs().toArray()), 0.005, "the network's");
        int[][] confused = new int[10][10];
        for (int i = 0; i < test.count(); i++) {
            int p = Samples.predictedClass(limit, i, 10);
            if (p != test.label(i)) {
                confused[test.label(i)][p]++;
            }
        }
        int most = 0;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                if (t != 3 || p != 8) {
                    most = Math.max(most, confused[t][p]);
                }
            }
        }
        assertTrue(confused[3][8] > most, "3 taken for 8 (" + confused[3][8] + " times) more often than any other pair (" + most + ")");
    }
}
