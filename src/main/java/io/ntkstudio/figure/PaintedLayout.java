package io.ntkstudio.figure;

/**
 * What a painter reports about where it drew, for the window to answer hovering (e.g. the
 * heatmap's cells); most painters report nothing (null).
 */
public interface PaintedLayout {
    /** The same layout in a picture {@code zoom} times larger (the window paints at its pixel scale). */
    PaintedLayout scaled(double zoom);
}
