package io.ntkstudio.figure;

/** The range of curves on a log axis: positive minimum, maximum, and the largest x. */
final class LogRange {
    /** How far above the measured curves a prediction may stretch a log axis: three decades. */
    static final double PREDICTION_HEADROOM = 1e3;
    /** How far above its start a blown-up loss may stretch its axis: six decades; beyond, it leaves through the top. */
    static final double BLOW_UP = 1e6;

    /**
     * The range of {@code measured}, widened by {@code predicted} only up to
     * {@link #PREDICTION_HEADROOM} above the measured maximum: a diverging kernel-regime prediction
     * leaves the chart through its top edge and the network's curves keep their scale.
     */
    static double[] withPredictions(Series[] measured, Series[] predicted) {
        double[] r = of(measured);
        double[] p = of(predicted);
        if (!(r[1] > 0)) {
            return p;
        }
        double cap = r[1] * PREDICTION_HEADROOM;
        if (p[0] < r[0]) {
            r[0] = p[0];
        }
        r[1] = Math.max(r[1], Math.min(p[1], cap));
        r[2] = Math.max(r[2], p[2]);
        return r;
    }

    /** Positive minimum, maximum and largest x over several series. */
    static double[] of(Series[] series) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double xmax = 0;
        for (Series d : series) {
            for (int i = 0; i < d.size(); i++) {
                double y = d.y()[i];
                if (y > 0 && Double.isFinite(y)) {
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
                xmax = Math.max(xmax, d.x()[i]);
            }
        }
        return new double[] {min, max, xmax};
    }

    private LogRange() {
    }
}
