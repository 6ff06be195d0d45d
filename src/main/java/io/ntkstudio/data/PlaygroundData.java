package io.ntkstudio.data;

import java.nio.file.Path;
import java.util.Random;

/**
 * The 2-D classification sets of tensorflow/playground (dataset.ts), rescaled to [−1, 1]², with
 * labels ±1 used as regression targets, drawn at random from {@code seed}; noise jitters the inputs.
 */
final class PlaygroundData implements DataSource {
    /** Point i of count: writes (a, b) into {@code xy} and returns the label. */
    private interface PointRule {
        double point(int i, int count, Random r, double[] xy);
    }

    static final PlaygroundData XOR = new PlaygroundData("xor", PlaygroundData::xor);
    static final PlaygroundData CIRCLES = new PlaygroundData("circles", PlaygroundData::circles);
    static final PlaygroundData SPIRALS = new PlaygroundData("spirals", PlaygroundData::spirals);
    static final PlaygroundData GAUSSIANS = new PlaygroundData("gaussians", PlaygroundData::gaussians);

    private final String id;
    private final PointRule rule;

    private PlaygroundData(String id, PointRule rule) {
        this.id = id;
        this.rule = rule;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public DataSpec defaults() {
        return new DataSpec(id, 200, 200, "", 0, 0, 0, null, null);
    }

    @Override
    public Dataset build(DataSpec s, Path baseDir) {
        return new Dataset(id + " n=" + s.n() + (s.noise() > 0 ? ", noise " + DataSources.fmt(s.noise()) : ""),
                sample(s.n(), s.noise(), new Random(s.seed())),
                sample(s.testN(), s.noise(), new Random(s.seed() ^ 0x5DEECE66DL)), Geometry.PLANE);
    }

    Samples sample(int count, double noise, Random r) {
        double[] x = new double[2 * count];
        double[] y = new double[count];
        double[] xy = new double[2];
        for (int i = 0; i < count; i++) {
            y[i] = rule.point(i, count, r, xy);
            x[2 * i] = xy[0] + noise * r.nextGaussian();
            x[2 * i + 1] = xy[1] + noise * r.nextGaussian();
        }
        return new Samples(count, 2, x, y);
    }

    private static double xor(int i, int count, Random r, double[] xy) {
        double a = 2 * r.nextDouble() - 1;
        double b = 2 * r.nextDouble() - 1;
        double pad = 0.05;
        xy[0] = a + (a > 0 ? pad : -pad);
        xy[1] = b + (b > 0 ? pad : -pad);
        return xy[0] * xy[1] >= 0 ? 1 : -1;
    }

    private static double circles(int i, int count, Random r, double[] xy) {
        boolean inner = i % 2 == 0;
        double radius = inner ? 0.5 * r.nextDouble() : 0.7 + 0.3 * r.nextDouble();
        double angle = 2 * Math.PI * r.nextDouble();
        xy[0] = radius * Math.sin(angle);
        xy[1] = radius * Math.cos(angle);
        return inner ? 1 : -1;
    }

    private static double spirals(int i, int count, Random r, double[] xy) {
        boolean first = i % 2 == 0;
        double t = (double) (i / 2) / Math.max(1, count / 2);
        double angle = 1.75 * t * 2 * Math.PI + (first ? 0 : Math.PI);
        xy[0] = t * Math.sin(angle);
        xy[1] = t * Math.cos(angle);
        return first ? 1 : -1;
    }

    private static double gaussians(int i, int count, Random r, double[] xy) {
        boolean positive = i % 2 == 0;
        double centre = positive ? 0.5 : -0.5;
        xy[0] = centre + 0.2 * r.nextGaussian();
        xy[1] = centre + 0.2 * r.nextGaussian();
        return positive ? 1 : -1;
    }
}
