package io.ntkstudio.kernel;

/**
 * Gauss–Legendre nodes and weights on [−1, 1]: the roots of P_n by Newton's method from
 * Chebyshev guesses, weights 2 / ((1 − x²) P_n'(x)²) (Golub &amp; Welsch give the same rule).
 * Exact for polynomials of degree 2n − 1.
 */
final class GaussLegendre {
    private GaussLegendre() {
    }

    /** {nodes, weights}, nodes ascending. */
    static double[][] rule(int n) {
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int iter = 0; iter < 100; iter++) {
                double p0 = 1;
                double p1 = z;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (z * p1 - p0) / (z * z - 1);
                double step = p1 / dp;
                z -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            x[n - 1 - i] = z;
            w[n - 1 - i] = 2 / ((1 - z * z) * dp * dp);
        }
        return new double[][] {x, w};
    }
}
