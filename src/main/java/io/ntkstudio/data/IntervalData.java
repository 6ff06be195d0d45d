package io.ntkstudio.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * 1-D regression on [−1, 1]: n evenly spaced train points with Gaussian noise of std
 * {@code noise} on the targets, testN noise-free test points. Targets: sine (sin kπx), step
 * (sign x), polynomial (4x³ − 3x).
 */
final class IntervalData implements DataSource {
    @Override
    public String id() {
        return "interval";
    }

    @Override
    public List<String> targets() {
        return List.of("sine", "step", "polynomial");
    }

    @Override
    public DataSpec defaults() {
        return new DataSpec(id(), 40, 200, "sine", 1, 0, 0, null, null);
    }

    @Override
    public Dataset build(DataSpec s, Path baseDir) {
        return new Dataset("interval [-1, 1] n=" + s.n() + ", target " + s.target()
                + (s.noise() > 0 ? ", noise " + DataSources.fmt(s.noise()) : ""),
                points(s, s.n(), true), points(s, s.testN(), false), Geometry.LINE);
    }

    private static Samples points(DataSpec s, int count, boolean noisy) {
        double[] x = new double[count];
        double[] y = new double[count];
        Random noise = new Random(s.seed());
        for (int i = 0; i < count; i++) {
            x[i] = count == 1 ? 0.0 : -1.0 + 2.0 * i / (count - 1);
            y[i] = target(s.target(), s.frequency(), x[i]) + (noisy ? s.noise() * noise.nextGaussian() : 0.0);
        }
        return new Samples(count, 1, x, y);
    }

    /** The target at x. */
    static double target(String target, double k, double x) {
        switch (target) {
            case "sine": return Math.sin(k * Math.PI * x);
            case "step": return x >= 0 ? 1.0 : -1.0;
            case "polynomial": return 4 * x * x * x - 3 * x;
            default: throw new AssertionError(target);
        }
    }
}
