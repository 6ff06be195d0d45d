package io.ntkstudio.figure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

/**
 * Colours of the charts: the default light theme, a high-contrast light theme for projectors
 * (black ink, darker grid, thicker lines) and a dark theme. It travels with the Graphics2D as a
 * rendering hint set by {@link Surface#begin}, so every painter sees the same theme.
 */
public enum ChartTheme {
    LIGHT("light", new Color(0xFAFAFA), Color.WHITE, new Color(0x222222), new Color(0xE6E6E6), new Color(255, 255, 255, 225),
            Color.GRAY, new Color(0x1F3B5C), 1.0f),
    HIGH_CONTRAST("high-contrast", Color.WHITE, Color.WHITE, Color.BLACK, new Color(0xBDBDBD), new Color(255, 255, 255, 240),
            new Color(0x333333), Color.BLACK, 1.5f),
    DARK("dark", new Color(0x1E1F22), new Color(0x26282C), new Color(0xE6E6E6), new Color(0x3A3D42), new Color(38, 40, 44, 230),
            new Color(0xA0A0A0), new Color(0xCFE0F5), 1.1f);

    /** The rendering-hint key under which the theme rides along with a Graphics2D. */
    public static final RenderingHints.Key KEY = new RenderingHints.Key(0x4E544B) {
        @Override
        public boolean isCompatibleValue(Object val) {
            return val instanceof ChartTheme;
        }
    };

    final String id;
    final Color background;
    final Color plot;
    final Color ink;
    final Color grid;
    final Color legend;
    final Color muted;
    final Color title;
    final float lineScale;

    /** Whether the background hides whatever was under it: a picture begun on it covers every pixel. */
    public boolean opaque() {
        return background.getAlpha() == 255;
    }

    ChartTheme(String id, Color background, Color plot, Color ink, Color grid, Color legend, Color muted, Color title,
               float lineScale) {
        this.id = id;
        this.background = background;
        this.plot = plot;
        this.ink = ink;
        this.grid = grid;
        this.legend = legend;
        this.muted = muted;
        this.title = title;
        this.lineScale = lineScale;
    }

    public String id() {
        return id;
    }

    /** The theme set on this graphics context, or LIGHT. */
    public static ChartTheme of(Graphics2D g) {
        Object t = g.getRenderingHint(KEY);
        return t instanceof ChartTheme theme ? theme : LIGHT;
    }

    public static ChartTheme parse(String name) {
        for (ChartTheme t : values()) {
            if (t.id.equalsIgnoreCase(name.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown theme '" + name + "'; allowed: light, high-contrast, dark");
    }

    @Override
    public String toString() {
        return id;
    }
}
