package io.ntkstudio.figure;

/**
 * Where a heatmap drew its cells, for reading values under the pointer: cell (i, j) of the
 * displayed order covers [x0 + j·cell, x0 + (j+1)·cell) × [y0 + i·cell, …); {@code order[i]} is
 * the train index shown in row i and {@code values} the n × n values shown. Empty when nothing
 * was drawn.
 */
public record HeatmapLayout(double x0, double y0, double cell, int n, int[] order, double[] values) implements PaintedLayout {
    public static final HeatmapLayout EMPTY = new HeatmapLayout(0, 0, 0, 0, new int[0], new double[0]);

    /** {i, j} of the displayed cell under (x, y), or null. */
    @Override
    public HeatmapLayout scaled(double zoom) {
        return new HeatmapLayout(x0 * zoom, y0 * zoom, cell * zoom, n, order, values);
    }

    public int[] cellAt(double x, double y) {
        if (n == 0 || cell <= 0) {
            return null;
        }
        int j = (int) Math.floor((x - x0) / cell);
        int i = (int) Math.floor((y - y0) / cell);
        return i < 0 || j < 0 || i >= n || j >= n ? null : new int[] {i, j};
    }
}
