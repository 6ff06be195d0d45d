package io.ntkstudio.model;

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
