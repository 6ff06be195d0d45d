package io.ntkstudio.data;

import java.util.Random;

/**
 * The 2-D classification sets of tensorflow/playground (dataset.ts), rescaled to [−1, 1]²,
 * with labels ±1 used as regression targets.
 */
final class Toy2d {
    private Toy2d() {
    }

    static Samples sample(String kind, int count, double noise, Random r) {
        double[] x = new double[2 * count];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            double a;
            double b;
            double label;
            switch (kind) {
                case "xor": {
                    a = 2 * r.nextDouble() - 1;
                    b = 2 * r.nextDouble() - 1;
                    double pad = 0.05;
                    a += a > 0 ? pad : -pad;
                    b += b > 0 ? pad : -pad;
                    label = a * b >= 0 ? 1 : -1;
                    break;
                }
                case "circles": {
                    boolean inner = i % 2 == 0;
                    double radius = inner ? 0.5 * r.nextDouble() : 0.7 + 0.3 * r.nextDouble();
                    double angle = 2 * Math.PI * r.nextDouble();
                    a = radius * Math.sin(angle);
                    b = radius * Math.cos(angle);
                    label = inner ? 1 : -1;
                    break;
                }
                case "spirals": {
                    boolean first = i % 2 == 0;
                    double t = (double) (i / 2) / Math.max(1, count / 2);
                    double radius = t;
                    double angle = 1.75 * t * 2 * Math.PI + (first ? 0 : Math.PI);
                    a = radius * Math.sin(angle);
                    b = radius * Math.cos(angle);
                    label = first ? 1 : -1;
                    break;
                }
                case "gaussians": {
                    boolean positive = i % 2 == 0;
                    double centre = positive ? 0.5 : -0.5;
                    a = centre + 0.2 * r.nextGaussian();
                    b = centre + 0.2 * r.nextGaussian();
                    label = positive ? 1 : -1;
                    break;
                }
                default:
                    throw new AssertionError(kind);
            }
            x[2 * i] = a + noise * r.nextGaussian();
            x[2 * i + 1] = b + noise * r.nextGaussian();
            y[i] = label;
        }
        return new Samples(count, 2, x, y);
    }
}
