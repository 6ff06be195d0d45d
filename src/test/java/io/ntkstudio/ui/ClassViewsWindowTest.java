package io.ntkstudio.ui;

import static io.ntkstudio.ui.FxWait.fx;
import static io.ntkstudio.ui.FxWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.ClassChoice;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.figure.HeatmapLayout;
import io.ntkstudio.figure.SpectrumShows;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's switches for class data: the heatmap's order and the spectrum view's C(k). */
@ExtendWith(ApplicationExtension.class)
class ClassViewsWindowTest {
    private StudioModel model;
    private StudioWindow window;

    static ExperimentSpec circle() {
        return new ExperimentSpec(new NetworkConfig(32, 1, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 1),
                DataSpec.circle(12, 12, "sin", 2), new TrainingSpec(0.3, 100_000, 5));
    }

    static ExperimentSpec digits() {
        return new ExperimentSpec(new NetworkConfig(32, 1, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 1),
                new DataSpec("digits", 30, 12, "", 0, 0, 3, null, null, ClassChoice.digits(List.of(3, 8, 1))),
                new TrainingSpec(0.3, 100_000, 5));
    }

    @Start
    void start(Stage stage) {
        Headless.quietJavaFxLogging();
        model = new StudioModel(circle(), Path.of("."));
        window = new StudioWindow(model);
        stage.setScene(new Scene(window, 1200, 800));
        stage.show();
        model.start();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> model.shutdown()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theHeatmapOrdersClassDataByClassOrByDataAndTheSpectrumShowsCOfK(FxRobot robot) throws Exception {
        waitFor("the first snapshot", () -> model.snapshotProperty().get() != null);
        Node order = robot.lookup("#heatmap-order").query();
        assertFalse(fx(order::isVisible), "no class order to choose on circle data");
        fx(() -> {
            model.apply(digits());
            return null;
        });
        waitFor("the digits run", () -> model.snapshotProperty().get() != null
                && model.snapshotProperty().get().context().data().classes() == 3);
        waitFor("the order switch", order::isVisible);
        PlotView heatmap = fx(() -> window.dashboard.view("heatmap"));
        waitFor("class bands", () -> heatmap.layoutInfo() instanceof HeatmapLayout l && l.n() == 30 && !sorted(l.order()));
        @SuppressWarnings("unchecked")
        ComboBox<String> box = (ComboBox<String>) order;
        fx(() -> {
            box.setValue(ViewControls.BY_INPUT);
            return null;
        });
        waitFor("the data's own order", () -> heatmap.inputOrder() && model.chartInputs(heatmap).heatmapInputOrder()
                && heatmap.layoutInfo() instanceof HeatmapLayout l && sorted(l.order()));
        PlotView spectrum = fx(() -> window.dashboard.view("spectrum"));
        @SuppressWarnings("unchecked")
        ComboBox<SpectrumShows> shows = (ComboBox<SpectrumShows>) robot.lookup("#spectrum-shows").query();
        long before = fx(spectrum::draws);
        fx(() -> {
            shows.setValue(SpectrumShows.ALIGNMENT);
            return null;
        });
        waitFor("C(k) drawn", () -> model.chartInputs(spectrum).view().spectrum() == SpectrumShows.ALIGNMENT && spectrum.draws() > before);
        assertEquals(SpectrumShows.EIGENVALUES, fx(() -> model.chartInputs(heatmap).view().spectrum()), "each view keeps its own");
        assertTrue(fx(() -> model.snapshotProperty().get().context().alignments().init().size() == 30));
    }

    private static boolean sorted(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }
}
