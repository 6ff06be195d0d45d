package io.ntkstudio.engine;

/**
 * The first {@link #size()} rows of a {@link StepLog}: immutable, as the log never writes those
 * rows again (and this class hands out values, not its arrays). Columns as in {@link StepLog}.
 */
public final class StepLogView {
    private final double[] steps;
    private final double[][] values;
    private final int size;

    StepLogView(double[] steps, double[][] values, int size) {
        this.steps = steps;
        this.values = values;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public int columns() {
        return values.length;
    }

    public double step(int row) {
        return steps[row];
    }

    /** True when {@code other} holds exactly these rows: the same log, not decimated since, at the same size. */
    public boolean sameRows(StepLogView other) {
        return other != null && other.size == size && other.steps == steps && other.values == values;
    }

    public double value(int column, int row) {
        return values[column][row];
    }
}
