package io.ntkstudio.figure;

import java.awt.geom.Path2D;

/**
 * The buffers a chart draws a curve with, kept per painting thread and grown as needed: the
 * curve's vertices in pixels and its path. Made anew for every curve, they were a third of the
 * window's garbage while training (a modes chart draws a dozen curves of every logged step, several
 * times a second), and the collections of that garbage paused the frames.
 */
final class LineScratch {
    private static final ThreadLocal<LineScratch> MINE = ThreadLocal.withInitial(LineScratch::new);
    double[] px = new double[256];
    double[] py = new double[256];
    final Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, 1024);

    private LineScratch() {
    }

    /** This thread's buffers, with room for {@code n} vertices and an empty path. */
    static LineScratch forPoints(int n) {
        LineScratch s = MINE.get();
        if (s.px.length < n) {
            int size = Math.max(n, 2 * s.px.length);
            s.px = new double[size];
            s.py = new double[size];
        }
        s.path.reset();
        return s;
    }
}
