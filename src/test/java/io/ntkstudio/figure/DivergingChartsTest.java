package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunStatus;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Charts of runs that blow up keep what came before the blow-up readable. */
class DivergingChartsTest {
    private static BufferedImage paint(ViewKind view, ChartInputs in, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Surface.begin(g, w, h);
        view.painter().paint(g, w, h, in);
        g.dispose();
        return img;
    }

    @Test
    void aDivergingKernelRegimeLeavesTheFunctionsAxisToTheData() {
        // the catapult lesson after 20 steps: the linearised model is at |f| ~ 1e9 and more; the
        // axis used to stretch by the data's span to hold part of it, the target a third of the height
        Lesson catapult = LessonJson.read(Path.of("assets/lessons/large-learning-rates-2.ntk"));
        ChartInputs in = Trained.inputs(catapult.experiment(), Path.of("."), 20);
        BufferedImage img = paint(Views.FUNCTION, in, 600, 440);
        int target = Pixels.rows(img, Palette.LIGHT_GREY);
        assertTrue(target > 250, "the target spans the plot's height: " + target + " rows of 440");
    }

    @Test
    void aBlownUpLossKeepsItsDescentOnTheAxis() {
        // the default experiment, 270 steps at η = 0.5, then η = 8 until the loss is not finite
        ExperimentSpec spec = ExperimentSpec.defaults();
        TrainingRun run = TrainingRun.create(spec, Path.of("."), RunOptions.NETWORK_ONLY);
        for (int i = 0; i < 270; i++) {
            run.advance();
        }
        TrainingSnapshot before = run.snapshot(true, RunStatus.RUNNING, null);
        run.setLearningRate(8);
        while (run.advance()) {
            // to the blow-up
        }
        TrainingSnapshot diverged = before.withStatus(RunStatus.DIVERGED, "diverged", run.stepLog());
        ChartInputs in = RunHistory.inputs(diverged, before, HeatmapMode.CURRENT);
        assertTrue(in.trainLoss().size() > 275, "the curve holds the steps of the blow-up: " + in.trainLoss().size());
        BufferedImage img = paint(Views.LOSSES, in, 600, 300);
        // left of the blow-up (its last 13 of 283 steps), the descent from 0.45 to 1e-3 takes a good
        // part of the height, not a sliver under 170 decades
        int train = Pixels.rows(img, Palette.BLUE, (int) (0.75 * 600));
        assertTrue(train > 60, "the train loss spans " + train + " rows of 300");
    }
}
