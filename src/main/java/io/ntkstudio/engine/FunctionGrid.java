package io.ntkstudio.engine;

/**
 * A size × size grid over [xMin, xMax] × [yMin, yMax] on which a 2-D function is evaluated,
 * row-major with y increasing by row.
 */
public record FunctionGrid(int size, double xMin, double xMax, double yMin, double yMax) {
    /** The side of the grid a training run evaluates the network on, with every kernel snapshot. */
    public static final int LIVE_SIZE = 32;

    public double x(int col) {
        return xMin + (xMax - xMin) * col / (size - 1);
    }

    public double y(int row) {
        return yMin + (yMax - yMin) * row / (size - 1);
    }

    /** The grid points as a (size²) × 2 row-major input matrix. */
    public double[] points() {
        double[] p = new double[2 * size * size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                int k = r * size + c;
                p[2 * k] = x(c);
                p[2 * k + 1] = y(r);
            }
        }
        return p;
    }
}
