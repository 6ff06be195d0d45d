package io.ntkstudio.engine;

/** The least-squares slope of y against x, skipping pairs that are not finite (NaN below two pairs). */
public final class LogSlope {
    private LogSlope() {
    }

    public static double fit(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                mx += x[i];
                my += y[i];
                k++;
            }
        }
        if (k < 2) {
            return Double.NaN;
        }
        mx /= k;
        my /= k;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
            }
        }
        return sxy / sxx;
    }
}
