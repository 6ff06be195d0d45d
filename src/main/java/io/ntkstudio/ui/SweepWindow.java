package io.ntkstudio.ui;

import io.ntkstudio.engine.WidthSweep;
import io.ntkstudio.figure.FigureSet;
import io.ntkstudio.figure.SweepChart;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The result of a width sweep in a window of its own: the kernel change against width, ntk and μP. */
final class SweepWindow {
    private SweepWindow() {
    }

    /** Shows the sweep's chart in its own window, with a button that saves it at 2×. */
    static void show(List<WidthSweep.Point> points, StudioModel model, Window owner) {
        BufferedImage img = SweepChart.render(points, model.specProperty().get().training().steps(), 1);
        ImageView view = new ImageView(SwingFXUtils.toFXImage(img, null));
        Button save = new Button("Save as PNG (2×)…");
        save.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setInitialFileName("sweep.png");
            File f = c.showSaveDialog(save.getScene().getWindow());
            if (f != null) {
                try {
                    FigureSet.writePng(SweepChart.render(points,
                            model.specProperty().get().training().steps(), 2), f.toPath());
                } catch (IOException ex) {
                    model.notify("Could not save the sweep: " + ex.getMessage());
                }
            }
        });
        Stage stage = new Stage();
        stage.setTitle("NTK Studio — width sweep");
        stage.setScene(new Scene(new VBox(6, view, save)));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.show();
    }

}
