package io.ntkstudio.kernel;

/**
 * The two Gaussian expectations the infinite-width recursion needs for one pair of inputs:
 * E[φ(u)φ(v)] and E[φ'(u)φ'(v)] for (u, v) ~ N(0, [[q1, c], [c, q2]]).
 */
interface GaussianMoments {
    /** Writes E[φφ] to out[0] and E[φ'φ'] to out[1]. */
    void compute(double q1, double c, double q2, double[] out);
}
