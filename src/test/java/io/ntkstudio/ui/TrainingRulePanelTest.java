package io.ntkstudio.ui;

import static io.ntkstudio.ui.FxWait.fx;
import static io.ntkstudio.ui.FxWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.network.Loss;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The panel's training rule: loss, momentum β and batch size, validated as typed, and the stable-rate line that follows them. */
@ExtendWith(ApplicationExtension.class)
class TrainingRulePanelTest {
    private StudioModel model;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        Headless.quietJavaFxLogging();
        model = new StudioModel(StudioWindowTest.small(), Path.of("."));
        window = new StudioWindow(model);
        stage.setScene(new Scene(window, 1200, 800));
        stage.show();
        model.start();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> model.shutdown()).get(10, TimeUnit.SECONDS);
    }

    private void type(ValidatedField<?> f, String text) throws Exception {
        fx(() -> {
            f.field().setText(text);
            f.commit();
            return null;
        });
    }

    private String limitLine() throws Exception {
        return fx(() -> MathFlow.markupOf(window.config.stableLimit));
    }

    @Test
    void momentumAndBatchesReachTheRunAndTheStableRateSaysWhatItCovers() throws Exception {
        waitFor("the first snapshot", () -> model.snapshotProperty().get() != null);
        assertFalse(limitLine().contains("(1 + β)"), limitLine());
        // out of range: refused in the field, the run unchanged
        type(window.config.momentum, "1.5");
        assertFalse(fx(() -> window.config.momentum.validProperty().get()));
        assertTrue(fx(() -> window.config.momentum.errorText()).contains("Momentum β"), fx(() -> window.config.momentum.errorText()));
        assertEquals(0, fx(() -> model.specProperty().get().training().rule().momentum()));
        type(window.config.momentum, "0.9");
        waitFor("β = 0.9 in the run", () -> model.specProperty().get().training().rule().momentum() == 0.9
                && model.snapshotProperty().get() != null
                && model.snapshotProperty().get().context().spec().training().rule().momentum() == 0.9);
        waitFor("the limit with momentum", () -> MathFlow.markupOf(window.config.stableLimit).contains("2(1 + β)n"));
        // more points in a batch than there are: refused; six: taken, and the limit says it is the full batch's
        type(window.config.batchSize, "999");
        assertFalse(fx(() -> window.config.batchSize.validProperty().get()));
        assertTrue(fx(() -> window.config.batchSize.errorText()).contains("at most the 20 train points"), fx(() -> window.config.batchSize.errorText()));
        assertTrue(fx(() -> model.specProperty().get().training().rule().fullBatch()));
        type(window.config.batchSize, "6");
        waitFor("batches of 6 in the run", () -> model.snapshotProperty().get() != null
                && model.snapshotProperty().get().context().spec().training().rule().batchSize() == 6);
        waitFor("the limit's caveat", () -> MathFlow.markupOf(window.config.stableLimit).contains("with full batches (with batches of 6"));
        type(window.config.batchSize, "");
        waitFor("full batch again", () -> model.specProperty().get().training().rule().fullBatch());
        assertEquals(Loss.MSE, fx(() -> model.specProperty().get().training().rule().loss()));
    }
}
