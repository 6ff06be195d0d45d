package io.ntkstudio.figure;

import io.ntkstudio.plot.DecimatedSeries;

/** An immutable copy of an (x, y) series, safe to hand to another thread. */
public record Series(double[] x, double[] y) {
    public static final Series EMPTY = new Series(new double[0], new double[0]);

    public static Series copyOf(DecimatedSeries s) {
        double[] x = new double[s.size()];
        double[] y = new double[s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.x(i);
            y[i] = s.y(i);
        }
        return new Series(x, y);
    }

    public int size() {
        return x.length;
    }
}
