package io.ntkstudio.ui;

import io.ntkstudio.engine.WidthSweep;
import io.ntkstudio.figure.FigureSet;
import io.ntkstudio.figure.SweepChart;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The result of a width sweep in a window of its own: the kernel change against width, ntk and
 * μP, saved at 2× or as a 16:9 or 4:3 slide or at a typed size, each painted at its resolution.
 */
final class SweepWindow {
    private SweepWindow() {
    }

    /** Shows the sweep's chart in its own window, with its exports. */
    static void show(List<WidthSweep.Point> points, StudioModel model, Window owner) {
        int steps = model.specProperty().get().training().steps();
        ImageView view = new ImageView(SwingFXUtils.toFXImage(SweepChart.render(points, steps, 1), null));
        MenuButton save = new MenuButton("Save as PNG");
        save.setId("sweep-save");
        MenuItem twice = new MenuItem("at 2× (" + 2 * SweepChart.WIDTH + " × " + 2 * SweepChart.HEIGHT + ")…");
        twice.setOnAction(e -> save(save.getScene().getWindow(), model, "sweep.png", SweepChart.render(points, steps, 2)));
        save.getItems().add(twice);
        for (int[] size : ViewActions.SLIDES) {
            MenuItem item = new MenuItem(String.format(Locale.ROOT, "as a %d × %d slide (%s)…", size[0], size[1],
                    size[0] * 9 == size[1] * 16 ? "16:9" : "4:3"));
            item.setOnAction(e -> save(save.getScene().getWindow(), model, "sweep-" + size[0] + "x" + size[1] + ".png",
                    slide(points, steps, size[0], size[1], model)));
            save.getItems().add(item);
        }
        MenuItem typed = new MenuItem("at a size you type…");
        typed.setOnAction(e -> ViewActions.askSize(save.getScene().getWindow(), model::notify).ifPresent(s -> save(
                save.getScene().getWindow(), model, "sweep-" + s[0] + "x" + s[1] + ".png", slide(points, steps, s[0], s[1], model))));
        save.getItems().add(typed);
        Stage stage = new Stage();
        stage.setTitle("NTK Studio — width sweep");
        stage.setScene(new Scene(new VBox(6, view, save)));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.show();
    }

    /** The sweep at exactly {@code width} × {@code height} pixels, text at the slide scale for that size. */
    static BufferedImage slide(List<WidthSweep.Point> points, int steps, int width, int height, StudioModel model) {
        return SweepChart.render(points, steps, width, height, ViewActions.slideScale(width, height), model.themeProperty().get());
    }

    private static void save(Window owner, StudioModel model, String name, BufferedImage picture) {
        FileChooser c = new FileChooser();
        c.setInitialFileName(name);
        File f = c.showSaveDialog(owner);
        if (f != null) {
            try {
                FigureSet.writePng(picture, f.toPath());
            } catch (IOException ex) {
                model.notify("Could not save the sweep to " + f + ": " + ex.getMessage() + ". Nothing was written there.");
            }
        }
    }
}
