package io.ntkstudio.figure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;

/** What every chart does first: antialiasing, the theme, a cleared background; and the message where a chart cannot be drawn. */
public final class Surface {
    private Surface() {
    }

    /** Sets up antialiasing and clears the background, in the light theme. */
    public static void begin(Graphics2D g, double w, double h) {
        begin(g, w, h, ChartTheme.LIGHT);
    }

    /** Sets up antialiasing and the theme, and clears the background. */
    public static void begin(Graphics2D g, double w, double h, ChartTheme theme) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(ChartTheme.KEY, theme);
        g.setColor(theme.background);
        g.fillRect(0, 0, (int) Math.ceil(w), (int) Math.ceil(h));
    }

    /** A centred message in the theme's muted colour, where a chart cannot be drawn (yet). */
    public static void message(Graphics2D g, double w, double h, String text) {
        g.setColor(ChartTheme.of(g).muted);
        g.setFont(Chart.LABEL_FONT);
        Chart.text(g, text, w / 2, h / 2, 0.5, 0.5);
    }
}
