package io.ntkstudio.ui;

import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.FigureSet;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Compare mode as one picture for a slide: both runs' views in two columns under their titles, at
 * exactly the pixel size asked for (1920 × 1080 by default), every chart painted afresh at that
 * resolution by its own painter, never enlarged from the screen.
 */
final class CompareExport {
    static final int SLIDE_WIDTH = 1920;
    static final int SLIDE_HEIGHT = 1080;
    private static final double TITLE = 30;

    private CompareExport() {
    }

    /** @param zoom text and line size: the picture is laid out at (width, height)/zoom */
    static BufferedImage picture(CompareWindow compare, int width, int height, double zoom) {
        ChartTheme theme = compare.controller.a.themeProperty().get();
        return FigureSet.pictureOfSize(width, height, zoom, theme, (g, w, h, none) -> {
            if (compare.overlayShown()) {
                overlay(g, w, h, compare, theme);
            } else {
                sideBySide(g, w, h, compare, theme);
            }
            return null;
        }, null);
    }

    /** A and B in a column each, under their captions. */
    private static void sideBySide(Graphics2D g, double w, double h, CompareWindow compare, ChartTheme theme) {
        List<PlotView> views = compare.views;
        int perColumn = views.size() / 2;
        double cellW = w / 2;
        double cellH = (h - TITLE) / perColumn;
        List<StudioModel> runs = compare.controller.runs();
        for (int c = 0; c < 2; c++) {
            caption(g, c * cellW, cellW, runCaption(c == 0 ? "A" : "B", runs.get(c)));
            for (int r = 0; r < perColumn; r++) {
                cell(g, views.get(c * perColumn + r), c * cellW, TITLE + r * cellH, cellW, cellH, theme);
            }
        }
    }

    /** The overlay as on screen: the slice on the left, the function and the losses on the right, under one caption. */
    private static void overlay(Graphics2D g, double w, double h, CompareWindow compare, ChartTheme theme) {
        List<StudioModel> runs = compare.controller.runs();
        caption(g, 0, w, runCaption("A", runs.get(0)) + "    " + runCaption("B", runs.get(1)));
        double cellH = (h - TITLE) / 2;
        double[][] cells = compare.overlayDrawsFunction()
                ? new double[][] {{0, TITLE, w / 2, h - TITLE}, {w / 2, TITLE, w / 2, cellH}, {w / 2, TITLE + cellH, w / 2, cellH}}
                // 2-D data: the slice and the losses, each half the slide
                : new double[][] {{0, TITLE, w / 2, h - TITLE}, null, {w / 2, TITLE, w / 2, h - TITLE}};
        for (int k = 0; k < cells.length; k++) {
            if (cells[k] != null) {
                cell(g, compare.overlayViews.get(k), cells[k][0], cells[k][1], cells[k][2], cells[k][3], theme);
            }
        }
    }

    /** One view's chart in its cell, as it shows now (an empty cell before its first snapshot). */
    private static void cell(Graphics2D g, PlotView v, double x, double y, double w, double h, ChartTheme theme) {
        ChartInputs in = v.inputs();
        FigureSet.paintCell(g, x, y, w, h, theme, in == null ? (cg, cw, ch, ci) -> null : v.kind().painter(), in);
    }

    /** "A: width 32, depth 2, … · step 300". */
    private static String runCaption(String name, StudioModel m) {
        return CompareWindow.describe(name, m.specProperty().get()) + String.format(Locale.ROOT, "  ·  step %d", CompareController.step(m));
    }

    /** A caption in the band of height TITLE at the top, from x, {@code width} wide. */
    private static void caption(Graphics2D g, double x, double width, String text) {
        Graphics2D band = (Graphics2D) g.create();
        try {
            band.translate(x, 0);
            band.clip(new Rectangle2D.Double(0, 0, width, TITLE));
            FigureSet.drawCaption(band, text, TITLE);
        } finally {
            band.dispose();
        }
    }

    static void export(CompareWindow compare, Path file, int width, int height, double zoom) throws IOException {
        FigureSet.writePng(picture(compare, width, height, zoom), file);
    }
}
