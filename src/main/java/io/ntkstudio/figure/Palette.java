package io.ntkstudio.figure;

import java.awt.Color;

/** The colours every chart draws its series in (matplotlib's tab10, which prints and projects well). */
public final class Palette {
    public static final Color BLUE = new Color(0x1F77B4);
    public static final Color ORANGE = new Color(0xFF7F0E);
    public static final Color GREEN = new Color(0x2CA02C);
    public static final Color RED = new Color(0xD62728);
    public static final Color PURPLE = new Color(0x9467BD);
    public static final Color BROWN = new Color(0x8C564B);
    public static final Color GREY = new Color(0x7F7F7F);
    public static final Color LIGHT_GREY = new Color(0x9A9A9A);
    public static final Color[] TOP = {BLUE, ORANGE, GREEN, RED, PURPLE};

    private Palette() {
    }
}
