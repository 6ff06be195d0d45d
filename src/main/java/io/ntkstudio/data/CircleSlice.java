package io.ntkstudio.data;

/**
 * Where a data set asks its kernel slice to be drawn when that is not over its own train points:
 * Θ(x₀, x(γ)) from the anchor x₀ = (1, 0) to x(γ) = (cos γ, sin γ) for {@code count} angles γ
 * evenly over [−π, π], both ends included: the picture of Jacot, Gabriel &amp; Hongler 2018,
 * Figure 1, whose networks are trained on points that are not on the circle.
 */
public record CircleSlice(int count) {
    /** The angles of Jacot et al.'s Figure 1 at a resolution a line drawn through them hides. */
    public static final CircleSlice FIGURE_1 = new CircleSlice(121);

    public CircleSlice {
        if (count < 2) {
            throw new IllegalArgumentException("a circle slice needs at least 2 angles, got " + count);
        }
    }

    /** x₀ = (1, 0), the anchor at γ = 0. */
    public double[] anchor() {
        return new double[] {1, 0};
    }

    /** γ_k = −π + 2πk/(count − 1), k = 0 … count − 1. */
    public double[] angles() {
        double[] g = new double[count];
        for (int k = 0; k < count; k++) {
            g[k] = k == count - 1 ? Math.PI : -Math.PI + 2 * Math.PI * k / (count - 1);
        }
        return g;
    }

    /** The points (cos γ_k, sin γ_k), count × 2, row-major. */
    public double[] points() {
        double[] g = angles();
        double[] x = new double[2 * count];
        for (int k = 0; k < count; k++) {
            x[2 * k] = Math.cos(g[k]);
            x[2 * k + 1] = Math.sin(g[k]);
        }
        return x;
    }
}
