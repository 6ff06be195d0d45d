package io.ntkstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunStatus;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.figure.Lesson;
import io.ntkstudio.network.Architecture;
import io.ntkstudio.network.Readout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * "Why convolutions need pooling", run headless to the figures its note gives (the kernel
 * regressions' 94.7 % and 97.3 % are KernelRegressionTest's, on the same digits and kernels).
 */
class PoolingLessonTest {
    private record End(TrainingSnapshot snapshot, double stable) {
        double accuracy(io.ntkstudio.linalg.ReadOnlyVector f) {
            return snapshot.context().data().test().accuracy(f.toArray());
        }
    }

    private static End trained(ExperimentSpec s) {
        TrainingRun run = TrainingRun.create(s, Path.of("."), RunOptions.WITH_INFINITE_WIDTH);
        for (int t = 0; t < s.training().steps(); t++) {
            assertTrue(run.advance(), "no divergence at step " + t);
        }
        return new End(run.snapshot(true, RunStatus.RUNNING, null), run.context().largestStableLearningRate());
    }

    @Test
    void flattenAndPoolingTrainAtTheirStableRatesToTheNotesFigures() {
        Lesson l = BuiltInLessons.load("convolutions-need-pooling.ntk");
        ExperimentSpec a = l.experiment();
        ExperimentSpec b = l.compare();
        assertEquals(Architecture.CONV, a.network().architecture());
        assertEquals(Readout.FLATTEN, a.network().readout());
        assertEquals(Readout.GAP, b.network().readout());
        End endA = trained(a);
        End endB = trained(b);
        assertEquals(0.9, a.training().learningRate() / endA.stable(), 0.015, "A at 0.9 of its stable rate " + endA.stable());
        assertEquals(0.9, b.training().learningRate() / endB.stable(), 0.015, "B at 0.9 of its stable rate " + endB.stable());
        assertEquals(0.80, endA.accuracy(endA.snapshot().testOutputs()), 0.005, "A's network");
        assertEquals(0.693, endB.accuracy(endB.snapshot().testOutputs()), 0.005, "B's network");
        assertEquals(0.827, endA.accuracy(endA.snapshot().limitRegimeTest()), 0.005, "A's gradient descent on Θ_∞");
        assertEquals(0.747, endB.accuracy(endB.snapshot().limitRegimeTest()), 0.005, "B's gradient descent on Θ_∞");
        assertEquals(0.87, endA.snapshot().metrics().kernelChange(), 0.01, "A's kernel moves");
        assertEquals(0.42, endB.snapshot().metrics().kernelChange(), 0.01, "B's kernel moves less");
    }
}
