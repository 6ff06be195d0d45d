package io.ntkstudio.figure;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.files.AtomicFiles;
import io.ntkstudio.network.NetworkConfig;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Slide-ready pictures of a run, painted by the same chart code as the window, with no display:
 * one image per view and a captioned dashboard of all six, at any scale.
 */
public final class FigureSet {
    public static final int VIEW_WIDTH = 640;
    public static final int VIEW_HEIGHT = 440;
    private static final int CAPTION = 44;

    private static final int COLUMNS = 3;

    private FigureSet() {
    }

    /** The ids of the views, in dashboard order. */
    public static Iterable<String> viewNames() {
        return Views.ALL.stream().map(ViewKind::id).toList();
    }

    /** One view at VIEW_WIDTH × VIEW_HEIGHT, times {@code scale}. */
    public static BufferedImage view(String name, ChartInputs in, double scale) {
        return view(name, in, scale, ChartTheme.LIGHT);
    }

    /** One view in a theme. */
    public static BufferedImage view(String name, ChartInputs in, double scale, ChartTheme theme) {
        return view(Views.byId(name), in, scale, theme);
    }

    /** One view of any kind in a theme. */
    public static BufferedImage view(ViewKind kind, ChartInputs in, double scale, ChartTheme theme) {
        return picture(VIEW_WIDTH, VIEW_HEIGHT, scale, theme, kind.painter(), in);
    }

    /** A chart laid out at w × h and drawn at {@code scale} times that many pixels, in a theme. */
    public static BufferedImage picture(int w, int h, double scale, ChartTheme theme, ViewKind.Painter painter, ChartInputs in) {
        BufferedImage img = new BufferedImage(scaled(w, scale), scaled(h, scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            Surface.begin(g, w, h, theme);
            LegendPlan.paint(painter, g, w, h, in);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * A chart exactly {@code widthPx} × {@code heightPx} pixels (a slide), laid out at that size
     * divided by {@code scale}, so {@code scale} sets the size of its text and lines.
     */
    public static BufferedImage pictureOfSize(int widthPx, int heightPx, double scale, ChartTheme theme, ViewKind.Painter painter,
                                              ChartInputs in) {
        BufferedImage img = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            double w = widthPx / scale;
            double h = heightPx / scale;
            Surface.begin(g, w, h, theme);
            LegendPlan.paint(painter, g, w, h, in);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Paints one chart into the w × h cell at (x, y) of a larger picture, clipped to the cell. */
    public static void paintCell(Graphics2D g, double x, double y, double w, double h, ChartTheme theme,
                                 ViewKind.Painter painter, ChartInputs in) {
        Graphics2D cell = (Graphics2D) g.create();
        try {
            cell.translate(x, y);
            cell.clip(new Rectangle2D.Double(0, 0, w, h));
            Surface.begin(cell, w, h, theme);
            LegendPlan.paint(painter, cell, w, h, in);
        } finally {
            cell.dispose();
        }
    }

    /** All the views in rows of three under a caption that states the configuration. */
    public static BufferedImage dashboard(ChartInputs in, double scale) {
        return dashboard(in, scale, ChartTheme.LIGHT);
    }

    /** The captioned dashboard in a theme. */
    public static BufferedImage dashboard(ChartInputs in, double scale, ChartTheme theme) {
        return dashboard(in, scale, theme, Views.ALL);
    }

    /** The captioned dashboard of {@code views}, as many rows of three as they need. */
    public static BufferedImage dashboard(ChartInputs in, double scale, ChartTheme theme, List<ViewKind> views) {
        return dashboard(in, k -> in.view(), scale, theme, views);
    }

    /** The captioned dashboard at {@code scale}, each view with its own settings. */
    public static BufferedImage dashboard(ChartInputs in, Function<ViewKind, ViewSettings> settings, double scale, ChartTheme theme,
                                          List<ViewKind> views) {
        int rows = (views.size() + COLUMNS - 1) / COLUMNS;
        return dashboard(in, settings, theme, views, scaled(VIEW_WIDTH * COLUMNS, scale), scaled(CAPTION + VIEW_HEIGHT * rows, scale), scale);
    }

    /**
     * The captioned dashboard at exactly {@code width} × {@code height} pixels (a 16:9 slide is
     * 1920 × 1080), laid out at that size divided by {@code zoom} and drawn at full resolution: the
     * views share the room left under the caption, and every line and letter is painted at the
     * target size, never enlarged from a smaller picture.
     */
    public static BufferedImage dashboard(ChartInputs in, ChartTheme theme, List<ViewKind> views, int width, int height,
                                          double zoom) {
        return dashboard(in, k -> in.view(), theme, views, width, height, zoom);
    }

    /** As {@link #dashboard(ChartInputs, ChartTheme, List, int, int, double)}, each view with its own settings (mode, panels). */
    public static BufferedImage dashboard(ChartInputs in, Function<ViewKind, ViewSettings> settings, ChartTheme theme,
                                          List<ViewKind> views, int width, int height, double zoom) {
        int cols = COLUMNS;
        int rows = (views.size() + cols - 1) / cols;
        double w = width / zoom;
        double h = height / zoom;
        double cellW = w / cols;
        double cellH = (h - CAPTION) / rows;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(zoom, zoom);
            Surface.begin(g, w, h, theme);
            drawCaption(g, caption(in.snapshot()), CAPTION, 14, w - 28, new Font(Font.SANS_SERIF, Font.BOLD, 15), 11);
            int k = 0;
            for (ViewKind kind : views) {
                paintCell(g, (k % cols) * cellW, CAPTION + (k / cols) * cellH, cellW, cellH, theme, kind.painter(), in.with(settings.apply(kind)));
                k++;
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** One line that states the configuration and the step, for captions. */
    public static String caption(TrainingSnapshot s) {
        ExperimentSpec spec = s.context().spec();
        NetworkConfig n = spec.network();
        String rule = spec.training().rule().label();
        return String.format(Locale.ROOT, "width %d, %s, %s, %s parameterization, σ_w = %.3g, σ_b = %.3g, η = %.3g%s%s  ·  %s  ·  step %,d",
                n.width(), n.layersText(), n.activation().id(), n.parameterization().id(), n.sigmaW(), n.sigmaB(),
                s.learningRate(), n.outputScale() == 1 ? "" : String.format(Locale.ROOT, ", α = %.3g", n.outputScale()),
                rule.isEmpty() ? "" : ", " + rule, s.context().data().description(), s.step());
    }

    /** Draws a one-line caption, in the theme's title colour, centred in a band of that height at the top. */
    public static void drawCaption(Graphics2D g, String text, double band) {
        double room = g.getClipBounds() == null ? Double.MAX_VALUE : g.getClipBounds().getWidth() - 16;
        drawCaption(g, text, band, 8, room, new Font(Font.SANS_SERIF, Font.PLAIN, 12), 9);
    }

    /**
     * A caption from {@code x} in {@code room} units of width, in {@code font} or smaller down to
     * {@code minSize}, then on two lines split at the " · " nearest its middle, rather than cut
     * off at the picture's edge (a long data description on a 16:9 slide did that).
     */
    private static void drawCaption(Graphics2D g, String text, double band, double x, double room, Font font, float minSize) {
        g.setColor(ChartTheme.of(g).title);
        if (fit(g, new String[] {text}, room, font, minSize)) {
            Chart.text(g, text, x, band / 2, 0, 0.5);
            return;
        }
        int cut = -1;
        for (int i = text.indexOf(" · "); i >= 0; i = text.indexOf(" · ", i + 1)) {
            if (cut < 0 || Math.abs(i - text.length() / 2) < Math.abs(cut - text.length() / 2)) {
                cut = i;
            }
        }
        String[] lines = cut > 0 ? new String[] {text.substring(0, cut).strip(), text.substring(cut + 3).strip()} : new String[] {text};
        fit(g, lines, room, font, minSize - 2);
        for (int i = 0; i < lines.length; i++) {
            Chart.text(g, lines[i], x, band * (i + 1) / (lines.length + 1), 0, 0.5);
        }
    }

    /** Sets the largest size of {@code font} down to {@code minSize} at which every line fits; false if none does. */
    private static boolean fit(Graphics2D g, String[] lines, double room, Font font, float minSize) {
        for (float size = font.getSize2D(); size >= minSize; size -= 0.5f) {
            g.setFont(font.deriveFont(size));
            double widest = 0;
            for (String line : lines) {
                widest = Math.max(widest, g.getFontMetrics().stringWidth(line));
            }
            if (widest <= room) {
                return true;
            }
        }
        return false;
    }

    /** Writes a PNG through a temporary file, so a failed write never leaves half a file. */
    public static void writePng(BufferedImage img, Path out) throws IOException {
        AtomicFiles.writeFile(out, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static int scaled(int v, double scale) {
        return (int) Math.round(v * scale);
    }
}
