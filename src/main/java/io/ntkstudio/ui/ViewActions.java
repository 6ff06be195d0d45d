package io.ntkstudio.ui;

import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.FigureSet;
import io.ntkstudio.figure.Surface;
import io.ntkstudio.files.AtomicFiles;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.plotmath.PixelSize;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.PopOver;

/**
 * What a person can do with one view: read what it shows ("?"), export it as PNG at 1×, 2× or 3×
 * with an optional caption stating the configuration, export the numbers behind it as CSV, copy
 * it to the clipboard. Files are written atomically: a failed export leaves nothing behind.
 */
final class ViewActions {
    static final int CAPTION = 30;

    private ViewActions() {
    }

    static Button helpButton(PlotView view) {
        Button help = new Button("?");
        help.getStyleClass().add("view-button");
        help.setTooltip(new Tooltip("What this view shows"));
        help.setOnAction(e -> {
            TextFlow text = MathFlow.paragraph(view.kind().help());
            text.setId("view-help");
            text.setPrefWidth(440);
            text.setMaxWidth(440);
            text.setStyle("-fx-padding: 12; -fx-font-size: 1.0em;");
            PopOver pop = new PopOver(text);
            pop.setTitle("About this view");
            pop.setHeaderAlwaysVisible(true);
            pop.setDetachable(false);
            pop.show(help);
        });
        return help;
    }

    static MenuButton menu(PlotView view) {
        MenuButton menu = new MenuButton("⋯");
        menu.getStyleClass().add("view-button");
        menu.setTooltip(new Tooltip("Export or copy this view"));
        CheckMenuItem caption = new CheckMenuItem("Caption exported images with the configuration");
        caption.setSelected(true);
        for (int scale = 1; scale <= 3; scale++) {
            int k = scale;
            MenuItem png = new MenuItem("Export PNG at " + k + "×…");
            png.setOnAction(e -> choose(view, "PNG image", "*.png", view.name() + "@" + k + "x.png",
                    file -> exportPng(view, file, k, caption.isSelected())));
            menu.getItems().add(png);
        }
        for (int[] size : SLIDES) {
            MenuItem slide = new MenuItem(String.format(Locale.ROOT, "Export PNG at %d × %d (%s)…", size[0], size[1],
                    size[0] * 9 == size[1] * 16 ? "16:9 slide" : "4:3"));
            slide.setOnAction(e -> choose(view, "PNG image", "*.png", view.name() + "-" + size[0] + "x" + size[1] + ".png",
                    file -> exportPng(view, file, size[0], size[1], caption.isSelected())));
            menu.getItems().add(slide);
        }
        MenuItem sized = new MenuItem("Export PNG at a chosen size…");
        sized.setOnAction(e -> askSize(view).ifPresent(size -> choose(view, "PNG image", "*.png",
                view.name() + "-" + size[0] + "x" + size[1] + ".png", file -> exportPng(view, file, size[0], size[1], caption.isSelected()))));
        menu.getItems().add(sized);
        MenuItem csv = new MenuItem("Export data as CSV…");
        csv.setOnAction(e -> choose(view, "CSV data", "*.csv", view.name() + ".csv", file -> exportCsv(view, file)));
        MenuItem copy = new MenuItem("Copy image");
        copy.setOnAction(e -> copy(view));
        menu.getItems().addAll(caption, new SeparatorMenuItem(), csv, copy);
        return menu;
    }

    /** A file operation that may fail. */
    interface FileAction {
        void run(Path file) throws IOException;
    }

    private static void choose(PlotView view, String what, String pattern, String suggested, FileAction action) {
        FileChooser c = new FileChooser();
        c.setTitle("Export " + what);
        c.setInitialFileName(suggested);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        File f = c.showSaveDialog(view.getScene().getWindow());
        if (f != null) {
            try {
                action.run(f.toPath());
            } catch (IOException | RuntimeException ex) {
                view.model.notify("Could not export to " + f + ": " + ex.getMessage() + ". Nothing was written there.");
            }
        }
    }

    /** The view as an image at {@code scale} × its size on screen, optionally under a caption. */
    static BufferedImage picture(PlotView view, double scale, boolean caption) {
        ChartInputs in = view.inputs();
        double w = Math.max(200, view.pictureWidth());
        double h = Math.max(150, view.pictureHeight());
        return picture(view, w, h + (caption && in != null ? CAPTION : 0), scale, caption);
    }

    /** The view laid out in {@code w} × {@code h} (the caption, if any, included) and painted at {@code scale}. */
    static BufferedImage picture(PlotView view, double w, double h, double scale, boolean caption) {
        ChartInputs in = view.inputs();
        double top = caption && in != null ? CAPTION : 0;
        BufferedImage img = new BufferedImage((int) Math.round(w * scale), (int) Math.round(h * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            Surface.begin(g, w, h, view.model.themeProperty().get());
            if (in == null) {
                return img;
            }
            if (top > 0) {
                g.setClip(0, 0, (int) Math.ceil(w), (int) Math.ceil(h));
                FigureSet.drawCaption(g, FigureSet.caption(in.snapshot()), top);
                g.translate(0, top);
            }
            view.paint(g, w, h - top, in);
        } finally {
            g.dispose();
        }
        return img;
    }

    static void exportPng(PlotView view, Path file, double scale, boolean caption) throws IOException {
        FigureSet.writePng(picture(view, scale, caption), file);
    }

    /** Slide sizes offered for one view: 16:9 and 4:3. */
    static final int[][] SLIDES = {{1920, 1080}, {1600, 1200}};

    /**
     * The view as a {@code width} × {@code height} PNG exactly (the caption, if any, inside it),
     * the chart laid out at half that size and painted at 2×, so its text reads on a slide.
     */
    static void exportPng(PlotView view, Path file, int width, int height, boolean caption) throws IOException {
        FigureSet.writePng(picture(view, width / 2.0, height / 2.0, 2, caption), file);
    }

    /** Asks for a size as "W×H" (or WxH), in {@link PixelSize}'s range; empty when cancelled or not valid (then says why). */
    static Optional<int[]> askSize(PlotView view) {
        return askSize(view.getScene().getWindow(), view.model::notify);
    }

    /** As above for any window; a size that is not valid is told through {@code tell}. */
    static Optional<int[]> askSize(Window owner, Consumer<String> tell) {
        TextInputDialog d = new TextInputDialog("1920×1080");
        d.setTitle("Export at a chosen size");
        d.setHeaderText("Width × height in pixels, from 320 × 240 to 7680 × 4320, e.g. 1920×1080 or 1280x720");
        if (owner != null) {
            d.initOwner(owner);
        }
        return d.showAndWait().flatMap(text -> {
            int[] size = parseSize(text);
            if (size == null) {
                tell.accept(InvalidInputException.quote(text) + " is not a size: write " + PixelSize.RANGE + ".");
                return Optional.empty();
            }
            return Optional.of(size);
        });
    }

    /** Text and line scale for a picture of that size: 1.5 on a 1920 × 1080 slide, in proportion elsewhere, 1 to 3. */
    static double slideScale(int width, int height) {
        return Math.max(1, Math.min(3, 1.5 * Math.min(width / 1920.0, height / 1080.0)));
    }

    /** "1920×1080", "1920x1080" or "1920 x 1080" as {width, height} ({@link PixelSize}); null when not a size in range. */
    static int[] parseSize(String text) {
        PixelSize size = PixelSize.parse(text);
        return size == null ? null : new int[] {size.width(), size.height()};
    }

    static void exportCsv(PlotView view, Path file) throws IOException {
        ChartInputs in = view.inputs();
        if (in == null) {
            throw new IOException("there is nothing to export yet");
        }
        String text = view.kind().csv().write(in);
        AtomicFiles.write(file, w -> w.write(text));
    }

    static void copy(PlotView view) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(SwingFXUtils.toFXImage(picture(view, 2, true), null));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
