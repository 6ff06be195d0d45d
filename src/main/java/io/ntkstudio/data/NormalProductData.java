package io.ntkstudio.data;

import java.nio.file.Path;
import java.util.Random;

/**
 * The task of Jacot, Gabriel &amp; Hongler 2018, Figure 1: inputs drawn from N(0, I₂), target
 * f*(x) = x₁x₂ (plus optional noise on the train targets). The paper does not give the number
 * of points; 20 train points is this program's choice. Its kernel slice is drawn on the unit
 * circle from x₀ = (1, 0), as in the figure ({@link CircleSlice#FIGURE_1}); train and test
 * inputs come from one seed through two streams.
 */
final class NormalProductData implements DataSource {
    @Override
    public String id() {
        return "normal-product";
    }

    @Override
    public DataSpec defaults() {
        return new DataSpec(id(), 20, 200, "", 0, 0, 0, null, null);
    }

    @Override
    public Dataset build(DataSpec s, Path baseDir) {
        return new Dataset("N(0, I) inputs, target x₁x₂, n=" + s.n() + (s.noise() > 0 ? ", noise " + DataSources.fmt(s.noise()) : "")
                + " (Jacot et al. 2018, Fig. 1)",
                sample(s.n(), s.noise(), new Random(s.seed())), sample(s.testN(), 0, new Random(s.seed() ^ 0x5DEECE66DL)),
                Geometry.PLANE, CircleSlice.FIGURE_1);
    }

    private static Samples sample(int count, double noise, Random r) {
        double[] x = new double[2 * count];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            x[2 * i] = r.nextGaussian();
            x[2 * i + 1] = r.nextGaussian();
            y[i] = x[2 * i] * x[2 * i + 1];
        }
        for (int i = 0; i < count && noise > 0; i++) {
            y[i] += noise * r.nextGaussian();
        }
        return new Samples(count, 2, x, y);
    }
}
