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

    /** A {@link FunctionGrid#LIVE_SIZE}² grid over the data's bounding box with a margin. */
    public static FunctionGrid around(double[] a, double[] b) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (double[] pts : new double[][] {a, b}) {
            for (int i = 0; i < pts.length; i += 2) {
                x0 = Math.min(x0, pts[i]);
                x1 = Math.max(x1, pts[i]);
                y0 = Math.min(y0, pts[i + 1]);
                y1 = Math.max(y1, pts[i + 1]);
            }
        }
        double mx = 0.1 * Math.max(x1 - x0, 1e-3);
        double my = 0.1 * Math.max(y1 - y0, 1e-3);
        return new FunctionGrid(FunctionGrid.LIVE_SIZE, x0 - mx, x1 + mx, y0 - my, y1 + my);
    }
}
