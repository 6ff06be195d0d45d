package io.ntkstudio.figure;

import io.ntkstudio.data.Dataset;
import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.RunContext;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.plotmath.Scale;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kernel view for class data: the train points on the top two kernel principal components
 * ({@link KernelPca}) of Θ_0 (or Θ_∞) beside Θ_t, coloured by class (Canatar, Bordelon &amp;
 * Pehlevan 2021, Fig. 1). Lazy training leaves the right picture as the left; feature learning
 * pulls the classes apart along the components.
 */
final class KernelPcaChart {
    /** Ten distinguishable colours, one per class (matplotlib's tab10, as the other charts' palette). */
    static final Color[] CLASS_COLORS = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
            new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22),
            new Color(0x17BECF)};

    private KernelPcaChart() {
    }

    static Color classColor(int c) {
        return CLASS_COLORS[c % CLASS_COLORS.length];
    }

    static void paint(Graphics2D g, double w, double h, ChartInputs in) {
        TrainingSnapshot s = in.snapshot();
        RunContext ctx = s.context();
        TrainingSnapshot ks = in.kernelSnapshot();
        ReadOnlyMatrix now = ks != null && ks.hasKernel() ? ks.kernel() : ctx.kernelInit();
        boolean useLimit = !in.sliceWithInit() && ctx.hasLimit();
        ReadOnlyMatrix reference = useLimit ? ctx.kernelLimit() : ctx.kernelInit();
        KernelPca ref = KernelPca.of(reference);
        KernelPca cur = KernelPca.of(now).alignedTo(ref);
        double half = w / 2;
        panel(g, 0, half, h, ref, ctx.data(), useLimit ? "Θ_∞" : "Θ_0");
        panel(g, half, w - half, h, cur, ctx.data(), "Θ_t, step " + (ks == null ? 0 : ks.step()));
    }

    private static void panel(Graphics2D g, double x, double w, double h, KernelPca pca, Dataset data, String which) {
        Samples train = data.train();
        double[] xr = Scale.padded(min(pca.first()), max(pca.first()), false);
        double[] yr = Scale.padded(min(pca.second()), max(pca.second()), false);
        String title = String.format(Locale.ROOT, "kernel PCA of %s (%.0f %%, %.0f %% of its variance)", which,
                100 * pca.variance()[0], 100 * pca.variance()[1]);
        Chart c = Chart.draw(g, x, 0, w, h, title, "component 1", "component 2", xr, false, yr, false);
        int classes = train.classes();
        double[][] centres = new double[classes][2];
        int[] counts = new int[classes];
        for (int k = 0; k < classes; k++) {
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (int i = 0; i < train.count(); i++) {
                if (train.label(i) == k) {
                    px.add(pca.first()[i]);
                    py.add(pca.second()[i]);
                    centres[k][0] += pca.first()[i];
                    centres[k][1] += pca.second()[i];
                    counts[k]++;
                }
            }
            c.dots(g, px.stream().mapToDouble(Double::doubleValue).toArray(), py.stream().mapToDouble(Double::doubleValue).toArray(),
                    classColor(k), 2.6);
        }
        // each class named at its centre, in its colour on a halo: no legend box to cover the points
        g.setFont(Chart.TITLE_FONT.deriveFont(13f));
        for (int k = 0; k < classes; k++) {
            if (counts[k] == 0) {
                continue;
            }
            double px = c.xScale().toPixel(centres[k][0] / counts[k]);
            double py = c.yScale().toPixel(centres[k][1] / counts[k]);
            g.setColor(ChartTheme.of(g).plot);
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    Chart.text(g, data.className(k), px + dx, py + dy, 0.5, 0.5);
                }
            }
            g.setColor(classColor(k).darker());
            Chart.text(g, data.className(k), px, py, 0.5, 0.5);
        }
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}
