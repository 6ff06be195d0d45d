package io.ntkstudio.linalg;

/** An immutable vector of doubles: copied in, read by index or copied out. */
public final class ReadOnlyVector {
    private static final ReadOnlyVector EMPTY = new ReadOnlyVector(new double[0]);
    private final double[] values;

    private ReadOnlyVector(double[] values) {
        this.values = values;
    }

    public static ReadOnlyVector copyOf(double[] values) {
        return values == null ? EMPTY : new ReadOnlyVector(values.clone());
    }

    /**
     * Takes {@code fresh} without copying it: for a result the caller has just allocated and keeps
     * no reference to (a long run builds hundreds of thousands of snapshots, and copying each
     * fresh vector once more was a good part of what it allocated).
     */
    public static ReadOnlyVector adopt(double[] fresh) {
        return fresh == null ? EMPTY : new ReadOnlyVector(fresh);
    }

    public static ReadOnlyVector empty() {
        return EMPTY;
    }

    public int size() {
        return values.length;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    public double get(int i) {
        return values[i];
    }

    public double[] toArray() {
        return values.clone();
    }
}
