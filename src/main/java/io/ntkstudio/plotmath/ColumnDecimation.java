package io.ntkstudio.plotmath;

/**
 * Reduces a polyline in pixel coordinates to at most four vertices per pixel column: in each run
 * of consecutive vertices that fall in the same column, the first, the highest, the lowest and
 * the last, in their original order. Drawn as a line, the reduced polyline covers the same pixels
 * (the M4 aggregation of Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation",
 * PVLDB 7(10), 2014): within a column a line only spans the vertical range between its extremes,
 * and the segments into and out of the column start at its first and last vertices. A chart's
 * curves hold up to thousands of logged steps over a few hundred pixels, so rasterising them
 * costs a few times less.
 */
public final class ColumnDecimation {
    private ColumnDecimation() {
    }

    /**
     * Writes the kept vertices of {@code (px[i], py[i])}, {@code i < n}, into {@code outX, outY}
     * (each at least {@code n} long) and returns how many there are. The outputs may be the inputs
     * themselves: the j-th vertex kept is written at an index no larger than its own and than any
     * still to be read, so a chart decimates in place without two more arrays per curve.
     */
    public static int m4(double[] px, double[] py, int n, double[] outX, double[] outY) {
        int kept = 0;
        int i = 0;
        while (i < n) {
            double column = Math.floor(px[i]);
            int first = i;
            int low = i;
            int high = i;
            int j = i + 1;
            while (j < n && Math.floor(px[j]) == column) {
                if (py[j] < py[low]) {
                    low = j;
                }
                if (py[j] > py[high]) {
                    high = j;
                }
                j++;
            }
            int last = j - 1;
            int a = Math.min(low, high);
            int b = Math.max(low, high);
            // first, a, b, last are in order; each is written unless it repeats the one before
            // (no array of the four: this runs for every column of every curve, every frame)
            kept = keep(px, py, first, outX, outY, kept);
            if (a != first) {
                kept = keep(px, py, a, outX, outY, kept);
            }
            if (b != a) {
                kept = keep(px, py, b, outX, outY, kept);
            }
            if (last != b) {
                kept = keep(px, py, last, outX, outY, kept);
            }
            i = j;
        }
        return kept;
    }

    /** Writes vertex {@code k} at {@code kept}; returns the count after it. */
    private static int keep(double[] px, double[] py, int k, double[] outX, double[] outY, int kept) {
        outX[kept] = px[k];
        outY[kept] = py[k];
        return kept + 1;
    }
}
