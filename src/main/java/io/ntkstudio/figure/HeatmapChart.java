package io.ntkstudio.figure;

import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.RunContext;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.plotmath.ColorMap;
import io.ntkstudio.plotmath.Ticks;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * The train kernel as a heatmap, points ordered by their input (angle on the circle, x in 1-D)
 * or, for class data, by class with the class bands marked and named along both axes, with a
 * colour bar labelled in values. With C outputs it is the output-averaged (1/C) Σ_c Θ_cc.
 */
public final class HeatmapChart {
    /** Difference maps are coloured from −10 % to +10 % of the largest entry of the kernel they are measured from. */
    public static final double DIFFERENCE_SCALE = 0.1;

    private HeatmapChart() {
    }

    public static HeatmapLayout paint(Graphics2D g, double w, double h, ChartInputs in) {
        if (LegendPlan.probing(g)) {
            // a legend plan's first pass: the heatmap has no legend to place
            return HeatmapLayout.EMPTY;
        }
        TrainingSnapshot s = in.snapshot();
        RunContext ctx = s.context();
        HeatmapMode mode = in.heatmapMode();
        if (mode.needsLimit() && !ctx.hasLimit()) {
            Surface.message(g, w, h, "Θ_∞ is defined for the NTK parameterization only");
            return HeatmapLayout.EMPTY;
        }
        TrainingSnapshot ks = in.kernelSnapshot();
        boolean networks = ks != null && ks.hasKernel() && ks.ensemble() != null && !ks.ensemble().kernels().isEmpty();
        if (mode.needsNetworks() && !networks) {
            Surface.message(g, w, h, "the networks' mean kernel needs several networks (Networks in the panel)");
            return HeatmapLayout.EMPTY;
        }
        // another of several networks, when one is chosen: its own Θ_t and Θ_0
        int k = networks ? Math.min(in.network(), ks.ensemble().kernels().size() - 1) : 0;
        ReadOnlyMatrix init = k > 0 ? ks.ensemble().kernelsInit().get(k) : ctx.kernelInit();
        ReadOnlyMatrix now = k > 0 ? ks.ensemble().kernels().get(k) : ks != null && ks.hasKernel() ? ks.kernel() : ctx.kernelInit();
        ReadOnlyMatrix main = switch (mode) {
            case INIT -> init;
            case LIMIT -> ctx.kernelLimit();
            case NETWORKS_MEAN -> ks.ensemble().meanKernel();
            case CURRENT, CHANGE, FROM_LIMIT -> now;
        };
        ReadOnlyMatrix base = switch (mode) {
            case CHANGE -> init;
            case FROM_LIMIT -> ctx.kernelLimit();
            case CURRENT, INIT, LIMIT, NETWORKS_MEAN -> null;
        };
        int n = main.rows();
        boolean byClass = ctx.data().classes() > 0 && !in.heatmapInputOrder();
        int[] order = byClass ? order(ctx.data().train()) : inputOrder(ctx.data().train());
        double[] values = new double[n * n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = main.get(order[i], order[j]) - (base == null ? 0 : base.get(order[i], order[j]));
                values[i * n + j] = v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        ColorMap map = mode.difference() ? ColorMap.DIVERGING : ColorMap.SEQUENTIAL;
        // A difference is coloured on a scale fixed relative to the kernel it is measured from, not
        // stretched to its own largest value: a wide network's small change then looks small
        // (white), and two runs side by side read on the same footing.
        String scaleNote = null;
        if (mode.difference()) {
            double ref = 0;
            for (int i = 0; i < n * n; i++) {
                ref = Math.max(ref, Math.abs(base.get(i / n, i % n)));
            }
            double biggest = Math.max(Math.abs(lo), Math.abs(hi));
            String of = mode == HeatmapMode.CHANGE ? "Θ_0" : "Θ_∞";
            if (in.heatmapOwnRange()) {
                // auto: the map's own largest difference, said as such so that a small change is not mistaken for a big one
                double own = biggest > 0 ? biggest : ref * DIFFERENCE_SCALE;
                lo = -own;
                hi = own;
                scaleNote = String.format(Locale.ROOT, "auto: ± its own max |Δ| = %.2g %% of max|%s|", 100 * biggest / ref, of);
            } else {
                double limit = DIFFERENCE_SCALE * ref;
                lo = -limit;
                hi = limit;
                scaleNote = String.format(Locale.ROOT, "±%.0f %% of max|%s|", 100 * DIFFERENCE_SCALE, of)
                        + (biggest > limit ? String.format(Locale.ROOT, "; saturated, max |Δ| = %.0f %%", 100 * biggest / ref)
                        : String.format(Locale.ROOT, "; max |Δ| = %.2g %%", 100 * biggest / ref));
            }
        }
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
        // straight into the image's ARGB ints: setRGB allocated an array per cell, every frame
        int[] cells = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int c = 0; c < n * n; c++) {
            cells[c] = map.argb(map.normalise(values[c], lo, hi));
        }
        double bar = 84;
        double titleH = 24;
        // the class names along the bottom take a row of their own, above the scale's note
        double bands = byClass ? 14 : 0;
        double below = (scaleNote == null ? 20 : 38) + bands;
        double cell = Math.max(1, Math.min(w - bar - 24 - (byClass ? 12 : 0), h - below - titleH)) / n;
        double side = cell * n;
        double x0 = (byClass ? 24 : 12) + Math.max(0, (w - bar - 24 - side) / 2);
        double y0 = titleH + (h - titleH - side - (below - 20)) / 2;
        g.setColor(ChartTheme.of(g).ink);
        String title = mode + (k > 0 && mode != HeatmapMode.NETWORKS_MEAN && mode != HeatmapMode.LIMIT ? " of network " + (k + 1) : "")
                + (ctx.data().train().outputs() > 1 ? " averaged over outputs" : "")
                + (byClass ? ", points ordered by class" : ctx.data().classes() > 0 ? ", points in data order" : ", points ordered by input");
        Chart.text(g, Chart.fitted(g, title, w - 8), w / 2, 6, 0.5, 0);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(img, (int) Math.round(x0), (int) Math.round(y0), (int) Math.round(side), (int) Math.round(side), null);
        g.setColor(ChartTheme.of(g).ink);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x0, y0, side, side));
        if (byClass) {
            classBands(g, ctx.data().train(), ctx.data()::className, order, x0, y0, cell);
        }
        colourBar(g, map, lo, hi, x0 + side + 14, y0, side);
        if (scaleNote != null) {
            g.setFont(Chart.TICK_FONT);
            g.setColor(ChartTheme.of(g).ink);
            Chart.text(g, "colour scale " + scaleNote, x0 + side / 2, y0 + side + 4 + bands, 0.5, 0);
        }
        return new HeatmapLayout(x0, y0, cell, n, order, values);
    }

    private static void colourBar(Graphics2D g, ColorMap map, double lo, double hi, double x, double y, double height) {
        double top = map == ColorMap.DIVERGING ? Math.max(Math.abs(lo), Math.abs(hi)) : hi;
        double bottom = map == ColorMap.DIVERGING ? -top : lo;
        BufferedImage strip = new BufferedImage(1, 256, BufferedImage.TYPE_INT_ARGB);
        for (int k = 0; k < 256; k++) {
            strip.setRGB(0, k, map.argb(1 - k / 255.0));
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(strip, (int) Math.round(x), (int) Math.round(y), 14, (int) Math.round(height), null);
        g.setColor(ChartTheme.of(g).ink);
        g.draw(new Rectangle2D.Double(x, y, 14, height));
        g.setFont(Chart.TICK_FONT);
        if (!(top > bottom)) {
            Chart.text(g, Ticks.label(top), x + 19, y + height / 2, 0, 0.5);
            return;
        }
        for (double t : Ticks.linear(bottom, top, Math.max(2, (int) (height / 45)))) {
            double py = y + height * (top - t) / (top - bottom);
            g.draw(new Line2D.Double(x + 14, py, x + 17, py));
            Chart.text(g, Ticks.label(t), x + 20, py, 0, 0.5);
        }
    }

    /** Lines between the classes' bands, and each class's name beside its band on the left and below. */
    private static void classBands(Graphics2D g, Samples train, java.util.function.IntFunction<String> name, int[] order, double x0,
                                   double y0, double cell) {
        int n = order.length;
        double side = n * cell;
        g.setFont(Chart.TICK_FONT);
        java.awt.FontMetrics fm = g.getFontMetrics();
        // a name is left out where it would overlap the one before it (a small map at large text)
        double leftEnd = Double.NEGATIVE_INFINITY;
        double bottomEnd = Double.NEGATIVE_INFINITY;
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i < n && train.label(order[i]) == train.label(order[start])) {
                continue;
            }
            double mid = (start + i) / 2.0 * cell;
            String label = name.apply(train.label(order[start]));
            double half = MathText.width(g, label) / 2;
            g.setColor(ChartTheme.of(g).ink);
            if (mid - fm.getAscent() / 2.0 >= leftEnd) {
                Chart.text(g, label, x0 - 4, y0 + mid, 1, 0.5);
                leftEnd = mid + fm.getAscent() / 2.0;
            }
            if (mid - half >= bottomEnd) {
                Chart.text(g, label, x0 + mid, y0 + side + 2, 0.5, 0);
                bottomEnd = mid + half + 2;
            }
            if (i < n) {
                g.setColor(new java.awt.Color(255, 255, 255, 170));
                g.draw(new Line2D.Double(x0 + i * cell, y0, x0 + i * cell, y0 + side));
                g.draw(new Line2D.Double(x0, y0 + i * cell, x0 + side, y0 + i * cell));
            }
            start = i;
        }
    }

    /** Train indices sorted by input (angle for 2-D inputs, value for 1-D), or as given otherwise: classes ignored. */
    static int[] inputOrder(Samples train) {
        if (train.classes() > 0) {
            int[] idx = new int[train.count()];
            Arrays.setAll(idx, i -> i);
            return idx;
        }
        return order(train);
    }

    /** Train indices sorted by class for class data, by input (angle for 2-D inputs, value for 1-D), or as given otherwise. */
    public static int[] order(Samples train) {
        Integer[] idx = new Integer[train.count()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        if (train.classes() > 0) {
            Arrays.sort(idx, Comparator.comparingInt(train::label));
        } else if (train.dim() <= 2) {
            Arrays.sort(idx, Comparator.comparingDouble(i -> sortKey(train, i)));
        }
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** The angle in [0, 2π) of a 2-D input, or the value of a 1-D one. */
    public static double sortKey(Samples s, int i) {
        if (s.dim() == 1) {
            return s.input(i, 0);
        }
        double a = Math.atan2(s.input(i, 1), s.input(i, 0));
        return a < 0 ? a + 2 * Math.PI : a;
    }

}
