package io.ntkstudio.ui;

import static io.ntkstudio.ui.FxWait.fx;
import static io.ntkstudio.ui.FxWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.kernel.ResidualKernel;
import io.ntkstudio.network.Architecture;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.engine.TrainingSnapshot;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The panel's architecture choice: the run it starts is residual, with the residual limit, and the depth says what it counts. */
@ExtendWith(ApplicationExtension.class)
class ArchitecturePanelTest {
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

    private String depthLabel() throws Exception {
        return fx(() -> ((Label) window.config.depth.getParent().getChildrenUnmodifiable().get(0)).getText());
    }

    @Test
    void choosingResidualTrainsAResidualNetworkAgainstItsOwnLimit() throws Exception {
        waitFor("the first snapshot", () -> model.snapshotProperty().get() != null);
        assertEquals(ConfigPanel.depthLabel(Architecture.DENSE), depthLabel());
        assertEquals(java.util.List.of(Architecture.values()), fx(() -> window.config.architecture.getItems()));
        fx(() -> {
            window.config.architecture.setValue(Architecture.RESIDUAL);
            return null;
        });
        waitFor("a residual run", () -> {
            TrainingSnapshot s = model.snapshotProperty().get();
            return s != null && s.context().spec().network().architecture() == Architecture.RESIDUAL;
        });
        assertEquals("Depth (residual blocks)", depthLabel());
        TrainingSnapshot s = model.snapshotProperty().get();
        NetworkConfig c = s.context().spec().network();
        double[] x = s.context().data().train().copyInputs();
        int n = s.context().data().train().count();
        int d = s.context().data().inputDim();
        double[] expected = new ResidualKernel(c.activation(), c.depth(), c.sigmaW(), c.sigmaB()).compute(x, n, x, n, d).ntk();
        double[] shown = s.context().kernelLimit().toArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], shown[i], 1e-12 * Math.abs(expected[0]), "Θ_∞ of the residual network at " + i);
        }
        assertTrue(CompareWindow.describe("A", s.context().spec()).contains("residual, " + c.depth() + " blocks"),
                CompareWindow.describe("A", s.context().spec()));
    }

    @Test
    void choosingConvNamesChannelsFixesTheParameterizationAndRefusesPointsThatAreNotImages() throws Exception {
        waitFor("the first snapshot", () -> model.snapshotProperty().get() != null);
        fx(() -> {
            window.config.parameterization.setValue(io.ntkstudio.network.Parameterization.MUP);
            return null;
        });
        waitFor("μP in the run", () -> model.specProperty().get().network().parameterization() == io.ntkstudio.network.Parameterization.MUP);
        fx(() -> {
            window.config.architecture.setValue(Architecture.CONV);
            return null;
        });
        waitFor("a conv spec", () -> model.specProperty().get().network().architecture() == Architecture.CONV);
        assertEquals(io.ntkstudio.network.Parameterization.NTK, model.specProperty().get().network().parameterization(),
                "conv networks are in NTK parameterization");
        assertTrue(fx(() -> window.config.parameterization.isDisabled()));
        assertEquals("Channels (1–8192)", fx(() -> ((Label) window.config.widthSlider.getParent().getChildrenUnmodifiable().get(0)).getText()));
        assertTrue(fx(() -> window.config.readout.isVisible()));
        waitFor("the circle refused in one line", () -> model.notificationProperty().get() != null
                && model.notificationProperty().get().contains("needs square one-channel images"));
    }
}
