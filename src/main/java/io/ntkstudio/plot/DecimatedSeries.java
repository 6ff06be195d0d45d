package io.ntkstudio.plot;

/**
 * A growing (x, y) series held in at most {@code capacity} points: when full, every other point
 * is dropped and from then on only every second new point is kept, and so on (stride doubling).
 * A run of any length therefore uses constant memory, with points evenly spread over its whole
 * history.
 */
public final class DecimatedSeries {
    private final double[] xs;
    private final double[] ys;
    private int size;
    private long stride = 1;
    private long offered;

    public DecimatedSeries(int capacity) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 4");
        }
        xs = new double[capacity];
        ys = new double[capacity];
    }

    public void add(double x, double y) {
        if (offered++ % stride != 0) {
            return;
        }
        if (size == xs.length) {
            for (int i = 0; i < size / 2; i++) {
                xs[i] = xs[2 * i];
                ys[i] = ys[2 * i];
            }
            size /= 2;
            stride *= 2;
            if ((offered - 1) % stride != 0) {
                return;
            }
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return xs.length;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    public void clear() {
        size = 0;
        stride = 1;
        offered = 0;
    }
}
