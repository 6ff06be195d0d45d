package io.ntkstudio.linalg;

/** An immutable row-major matrix of doubles: copied in, read by index or copied out. */
public final class ReadOnlyMatrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private ReadOnlyMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    public static ReadOnlyMatrix copyOf(int rows, int cols, double[] data) {
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("expected " + rows + " × " + cols + " values, got " + data.length);
        }
        return new ReadOnlyMatrix(rows, cols, data.clone());
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int i, int j) {
        return data[i * cols + j];
    }

    public double[] toArray() {
        return data.clone();
    }
}
