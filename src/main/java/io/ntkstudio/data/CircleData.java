package io.ntkstudio.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * n points evenly on the unit circle at angles γ_i = 2πi/n, the setting of Jacot et al. 2018's
 * figures; test points at testN angles offset by half a step. Targets of γ: sin (sin kγ), cos
 * (cos kγ), mix (sin γ + ½ sin kγ), square (sign sin kγ), k = frequency; noise only on train.
 */
final class CircleData implements DataSource {
    @Override
    public String id() {
        return "circle";
    }

    @Override
    public List<String> targets() {
        return List.of("sin", "cos", "mix", "square");
    }

    @Override
    public DataSpec defaults() {
        return new DataSpec(id(), 40, 128, "sin", 3, 0, 0, null, null);
    }

    @Override
    public Dataset build(DataSpec s, Path baseDir) {
        return new Dataset("circle n=" + s.n() + ", target " + s.target() + " k=" + DataSources.fmt(s.frequency()),
                points(s, s.n(), 0.0, true), points(s, s.testN(), 0.5, false), Geometry.CIRCLE);
    }

    private static Samples points(DataSpec s, int count, double offset, boolean noisy) {
        double[] x = new double[2 * count];
        double[] y = new double[count];
        Random noise = new Random(s.seed());
        for (int i = 0; i < count; i++) {
            double g = 2 * Math.PI * (i + offset) / count;
            x[2 * i] = Math.cos(g);
            x[2 * i + 1] = Math.sin(g);
            y[i] = target(s.target(), s.frequency(), g) + (noisy ? s.noise() * noise.nextGaussian() : 0.0);
        }
        return new Samples(count, 2, x, y);
    }

    static double target(String target, double k, double g) {
        switch (target) {
            case "sin": return Math.sin(k * g);
            case "cos": return Math.cos(k * g);
            case "mix": return Math.sin(g) + 0.5 * Math.sin(k * g);
            case "square": return Math.sin(k * g) >= 0 ? 1.0 : -1.0;
            default: throw new AssertionError(target);
        }
    }
}
