package io.ntkstudio.figure;

/** An immutable copy of an (x, y) series, safe to hand to another thread. */
public record Series(double[] x, double[] y) {
    public static final Series EMPTY = new Series(new double[0], new double[0]);

    public int size() {
        return x.length;
    }
}
