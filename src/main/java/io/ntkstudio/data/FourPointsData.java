package io.ntkstudio.data;

import java.nio.file.Path;

/**
 * The task of Jacot, Gabriel &amp; Hongler 2018, Figure 2: least squares on 4 points of the unit
 * circle, x = (cos γ, sin γ). The paper does not give the points; γ = −2.2, −1, 1, 2.2 with
 * targets −0.4, −0.2, 0.3, 0.3 is a published reproduction's choice. The test points are testN
 * angles evenly spread over the circle; the task has no target there, so their "target" (used
 * for the test loss only) is the periodic piecewise-linear line through the four points.
 */
final class FourPointsData implements DataSource {
    static final double[] ANGLES = {-2.2, -1, 1, 2.2};
    static final double[] TARGETS = {-0.4, -0.2, 0.3, 0.3};

    @Override
    public String id() {
        return "four-points";
    }

    @Override
    public boolean choosesPointCount() {
        return false;
    }

    @Override
    public DataSpec defaults() {
        return new DataSpec(id(), ANGLES.length, 128, "", 0, 0, 0, null, null);
    }

    @Override
    public Dataset build(DataSpec s, Path baseDir) {
        int n = ANGLES.length;
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = Math.cos(ANGLES[i]);
            x[2 * i + 1] = Math.sin(ANGLES[i]);
        }
        int m = s.testN();
        double[] xt = new double[2 * m];
        double[] yt = new double[m];
        for (int i = 0; i < m; i++) {
            double g = -Math.PI + 2 * Math.PI * (i + 0.5) / m;
            xt[2 * i] = Math.cos(g);
            xt[2 * i + 1] = Math.sin(g);
            yt[i] = throughThePoints(g);
        }
        return new Dataset("4 points on the circle (Jacot et al. 2018, Fig. 2)", new Samples(n, 2, x, TARGETS.clone()),
                new Samples(m, 2, xt, yt), Geometry.CIRCLE);
    }

    /** The periodic piecewise-linear function of γ through the four points. */
    static double throughThePoints(double g) {
        int n = ANGLES.length;
        for (int k = 0; k < n; k++) {
            double a = ANGLES[k];
            double b = k + 1 < n ? ANGLES[k + 1] : ANGLES[0] + 2 * Math.PI;
            double t = g < a ? g + 2 * Math.PI : g;
            if (t >= a && t <= b) {
                double next = TARGETS[(k + 1) % n];
                return TARGETS[k] + (next - TARGETS[k]) * (t - a) / (b - a);
            }
        }
        throw new AssertionError(g);
    }
}
