package io.ntkstudio.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunStatus;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example experiments in assets/presets do what they are there to show. */
class PresetsTest {
    private static TrainingSnapshot trained(String preset) {
        Path file = Path.of("assets/presets", preset);
        ExperimentSpec spec = ExperimentJson.read(file);
        TrainingRun run = TrainingRun.create(spec, file.getParent(), RunOptions.NETWORK_ONLY);
        for (int t = 0; t < spec.training().steps(); t++) {
            assertTrue(run.advance(), preset + " diverged at step " + t);
        }
        return run.snapshot(false, RunStatus.FINISHED, null);
    }

    @Test
    void theCirclePresetFitsItsTarget() {
        TrainingSnapshot s = trained("circle.json");
        assertTrue(s.trainLoss() < 1e-3 && s.testLoss() < 1e-3, "train " + s.trainLoss() + ", test " + s.testLoss());
    }

    @Test
    void theSpiralsPresetLearnsTheSpirals() {
        TrainingSnapshot s = trained("spirals.json");
        assertTrue(s.trainLoss() < 0.05, "train loss " + s.trainLoss());
        int right = 0;
        var test = s.context().data().test();
        for (int i = 0; i < test.count(); i++) {
            if (Math.signum(s.testOutputs().get(i)) == Math.signum(test.target(i))) {
                right++;
            }
        }
        assertTrue(right >= 0.95 * test.count(), "test points on the right side: " + right + " of " + test.count());
    }
}
