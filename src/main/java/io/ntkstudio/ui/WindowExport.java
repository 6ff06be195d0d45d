package io.ntkstudio.ui;

import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.FigureSet;
import io.ntkstudio.figure.Surface;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.transform.Scale;
import javafx.stage.FileChooser;

/**
 * File → Export: the whole window as a PNG at 1–3× (charts repainted at that resolution, under an
 * optional caption stating the configuration), or the views as one 16:9 or 4:3 slide painted at
 * the slide's resolution as {@code render --size} does. Every file is written atomically.
 */
final class WindowExport {
    private final Node window;
    private final StudioModel model;
    private final Dashboard dashboard;
    /** Whether window pictures carry the caption (the menu's check item). */
    final CheckMenuItem caption = new CheckMenuItem("with a caption stating the configuration");

    WindowExport(Node window, StudioModel model, Dashboard dashboard) {
        this.window = window;
        this.model = model;
        this.dashboard = dashboard;
        caption.setSelected(true);
    }

    /** Asks where, then writes the slide; a failure is told in the window and writes nothing. */
    void askSlide(int width, int height) {
        FileChooser c = new FileChooser();
        c.setTitle("Export the views as a slide");
        c.setInitialFileName("ntk-studio-" + width + "x" + height + ".png");
        File f = c.showSaveDialog(window.getScene().getWindow());
        if (f != null) {
            try {
                slidePng(f.toPath(), width, height);
                model.notify("Saved the " + width + " × " + height + " slide to " + f + ".");
            } catch (IOException | RuntimeException e) {
                model.notify("Could not export to " + f + ": " + e.getMessage() + ". Nothing was written there.");
            }
        }
    }

    /**
     * The views of the grid as one {@code width} × {@code height} picture, captioned, every chart
     * painted at that resolution with text at 1.5× (what reads on a projector), as `render --size`.
     */
    void slidePng(Path file, int width, int height) throws IOException {
        ChartInputs in = model.chartInputs(dashboard.views().get(0));
        if (in == null) {
            throw new IOException("there is nothing to export yet");
        }
        // each view as it is set on screen: the heatmap's mode, the second panel a lesson names
        java.util.Map<io.ntkstudio.figure.ViewKind, io.ntkstudio.figure.ViewSettings> settings = new java.util.HashMap<>();
        dashboard.views().forEach(v -> settings.put(v.kind(), v.settings()));
        FigureSet.writePng(FigureSet.dashboard(in, settings::get, model.themeProperty().get(),
                dashboard.views().stream().map(PlotView::kind).toList(), width, height, 1.5), file);
    }

    /** Asks where, then writes the window picture at {@code scale}×. */
    void askWindow(int scale) {
        FileChooser c = new FileChooser();
        c.setTitle("Export the window as PNG");
        c.setInitialFileName("ntk-studio@" + scale + "x.png");
        File f = c.showSaveDialog(window.getScene().getWindow());
        if (f != null) {
            try {
                windowPng(f.toPath(), scale, caption.isSelected());
                model.notify("Saved the window at " + scale + "× to " + f + ".");
            } catch (IOException | RuntimeException e) {
                model.notify("Could not export to " + f + ": " + e.getMessage() + ". Nothing was written there.");
            }
        }
    }

    /** The whole window as a PNG at {@code scale} × its size, optionally under a caption, written atomically. */
    void windowPng(Path file, double scale, boolean withCaption) throws IOException {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(new Scale(scale, scale));
        // the charts are repainted at the export's resolution, not enlarged from the screen's
        for (PlotView v : dashboard.views()) {
            v.beginSharp(scale);
        }
        BufferedImage shot;
        try {
            shot = SwingFXUtils.fromFXImage(window.snapshot(p, null), null);
        } finally {
            for (PlotView v : dashboard.views()) {
                v.endSharp();
            }
        }
        TrainingSnapshot s = model.snapshotProperty().get();
        if (!withCaption || s == null) {
            FigureSet.writePng(shot, file);
            return;
        }
        int band = (int) Math.round(ViewActions.CAPTION * scale);
        BufferedImage out = new BufferedImage(shot.getWidth(), shot.getHeight() + band,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            Surface.begin(g, out.getWidth(), out.getHeight(), model.themeProperty().get());
            g.scale(scale, scale);
            FigureSet.drawCaption(g, FigureSet.caption(s), ViewActions.CAPTION);
            g.scale(1 / scale, 1 / scale);
            g.drawImage(shot, 0, band, null);
        } finally {
            g.dispose();
        }
        FigureSet.writePng(out, file);
    }
}
