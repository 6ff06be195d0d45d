package io.ntkstudio.figure;

import io.ntkstudio.data.Geometry;
import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.FunctionGrid;
import io.ntkstudio.engine.RunContext;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.kernel.NtkGaussianProcess;
import io.ntkstudio.linalg.ReadOnlyVector;
import io.ntkstudio.plotmath.ColorMap;
import io.ntkstudio.plotmath.Numbers;
import io.ntkstudio.plotmath.Scale;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The learned-function view: a curve against the angle (circle) or x (1-D) with the target, the
 * training points and the kernel-regime predictions from Θ_0 and Θ_∞; a coloured map over the
 * plane for 2-D data; the test confusion matrices for class data ({@link ConfusionChart}); else
 * the network against the target.
 */
public final class FunctionChart {
    private FunctionChart() {
    }

    /** The learned function: a curve (circle, 1-D), a coloured map (2-D), else network against target. */
    public static void paint(Graphics2D g, double w, double h, ChartInputs in) {
        TrainingSnapshot s = in.snapshot();
        RunContext ctx = s.context();
        Geometry geometry = ctx.data().geometry();
        boolean circle = geometry == Geometry.CIRCLE;
        if (ctx.data().classes() > 0) {
            ConfusionChart.paint(g, w, h, s);
        } else if (geometry.curves()) {
            curve(g, w, h, s, circle, in.showNngp());
        } else if (ctx.grid() != null) {
            map(g, w, h, s, in.kernelSnapshot(), ctx.grid());
        } else {
            parity(g, w, h, s);
        }
    }

    private static void curve(Graphics2D g, double w, double h, TrainingSnapshot s, boolean circle, boolean showNngp) {
        Samples test = s.context().data().test();
        Samples train = s.context().data().train();
        int[] order = FunctionChart.axisOrder(test);
        int m = test.count();
        double[] x = new double[m];
        double[] target = new double[m];
        double[] net = new double[m];
        double[] regime = new double[m];
        double[] limit = new double[m];
        boolean hasLimit = !s.limitRegimeTest().isEmpty();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            x[k] = FunctionChart.axisKey(test, i);
            target[k] = test.target(i);
            net[k] = s.testOutputs().get(i);
            regime[k] = s.regimeTest().get(i);
            limit[k] = hasLimit ? s.limitRegimeTest().get(i) : Double.NaN;
            for (double v : new double[] {target[k], net[k]}) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        EnsembleCurves ensemble = s.ensemble() == null ? null : new EnsembleCurves(order, s.ensemble(), showNngp);
        if (ensemble != null) {
            double[] r = ensemble.range(lo, hi);
            lo = r[0];
            hi = r[1];
        }
        double[] tx = trainX(train);
        double[] ty = train.copyTargets();
        for (double v : ty) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        // A prediction widens the axis by at most the data's own span: a diverging linearised model
        // leaves the plot through its edge instead of flattening the network and target to a line.
        // A prediction that stays within the data's own span widens the axis to hold it; one that
        // leaves it (a diverging linearised model) widens nothing and leaves through the edge, and
        // the title says how far it went.
        double span = Math.max(hi - lo, 1e-9);
        double floor = lo - span;
        double ceiling = hi + span;
        double off = 0;
        for (double[] prediction : new double[][] {regime, limit}) {
            boolean within = true;
            for (double v : prediction) {
                if (!(v >= floor && v <= ceiling) && !Double.isNaN(v)) {
                    within = false;
                    off = Math.max(off, Math.abs(v));
                }
            }
            for (double v : prediction) {
                if (within && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double[] xr = circle ? new double[] {-Math.PI, Math.PI} : Scale.padded(Math.min(min(x), min(tx)), Math.max(max(x), max(tx)), false);
        String title = off > 0 ? "kernel regime off the chart: diverging, |f| up to " + Numbers.readable(off) : null;
        if (title == null && s.ensemble() != null && !s.ensemble().hasGaussianProcess()) {
            title = NtkGaussianProcess.absentBecause(s.context().spec().training().rule(), train.count());
        }
        Chart c = Chart.draw(g, 0, 0, w, h, title, circle ? "angle γ on the circle" : "x", "f(x)", xr, false,
                Scale.padded(lo, hi, false), false);
        c.line(g, x, target, Palette.LIGHT_GREY, 2f, false);
        if (hasLimit && ensemble == null) {
            c.line(g, x, limit, Palette.GREEN, 1.6f, true);
        }
        c.line(g, x, regime, Palette.ORANGE, 1.8f, true);
        if (ensemble != null) {
            ensemble.draw(g, c, x);
        } else {
            c.line(g, x, net, Palette.BLUE, 2.4f, false);
        }
        c.dots(g, tx, ty, ChartTheme.of(g).ink, 3.2);
        String points = ringBatch(g, c, s, tx, ty) ? "train points, last step's batch ringed" : "train points";
        if (ensemble != null) {
            List<String> names = new ArrayList<>(List.of("target", ensemble.count() + " networks",
                    "their mean ± 2σ"));
            List<Color> colors = new ArrayList<>(List.of(Palette.LIGHT_GREY, EnsembleCurves.MEMBER, Palette.BLUE));
            List<Boolean> dashes = new ArrayList<>(List.of(false, false, false));
            if (ensemble.hasGaussianProcess()) {
                names.add("NTK-GP mean ± 2σ (∞ width)");
                colors.add(Palette.PURPLE);
                dashes.add(true);
            }
            if (ensemble.hasNngp()) {
                names.add("NNGP posterior mean ± 2σ (Bayes)");
                colors.add(Palette.GREEN);
                dashes.add(true);
            }
            names.addAll(List.of("kernel regime (Θ_0), network 1", points));
            colors.addAll(List.of(Palette.ORANGE, ChartTheme.of(g).ink));
            dashes.addAll(List.of(true, false));
            c.legendEndingInPoints(g, names, colors, dashes);
        } else if (hasLimit) {
            c.legendEndingInPoints(g, List.of("target", "network", "kernel regime (Θ_0)", "kernel regime (Θ_∞)", points),
                    List.of(Palette.LIGHT_GREY, Palette.BLUE, Palette.ORANGE, Palette.GREEN, ChartTheme.of(g).ink), List.of(false, false, true, true, false));
        } else {
            c.legendEndingInPoints(g, List.of("target", "network", "kernel regime (Θ_0)", points),
                    List.of(Palette.LIGHT_GREY, Palette.BLUE, Palette.ORANGE, ChartTheme.of(g).ink), List.of(false, false, true, false));
        }
    }

    private static void map(Graphics2D g, double w, double h, TrainingSnapshot s, TrainingSnapshot ks, FunctionGrid grid) {
        Chart c = Chart.draw(g, 0, 0, w, h, null, "x₁", "x₂", new double[] {grid.xMin(), grid.xMax()}, false,
                new double[] {grid.yMin(), grid.yMax()}, false);
        ReadOnlyVector values = ks != null ? ks.gridOutputs() : ReadOnlyVector.empty();
        if (!values.isEmpty()) {
            int n = grid.size();
            double m = 0;
            for (int i = 0; i < values.size(); i++) {
                m = Math.max(m, Math.abs(values.get(i)));
            }
            BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
            for (int r = 0; r < n; r++) {
                for (int col = 0; col < n; col++) {
                    img.setRGB(col, n - 1 - r, ColorMap.DIVERGING.argb(ColorMap.DIVERGING.normalise(values.get(r * n + col), -m, m)));
                }
            }
            int x0 = (int) Math.round(c.xs.toPixel(grid.xMin()));
            int x1 = (int) Math.round(c.xs.toPixel(grid.xMax()));
            int y0 = (int) Math.round(c.ys.toPixel(grid.yMax()));
            int y1 = (int) Math.round(c.ys.toPixel(grid.yMin()));
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, x0, y0, x1 - x0, y1 - y0, null);
        }
        Samples train = s.context().data().train();
        for (int sign = -1; sign <= 1; sign += 2) {
            double[] px = new double[train.count()];
            double[] py = new double[train.count()];
            int k = 0;
            for (int i = 0; i < train.count(); i++) {
                if ((train.target(i) >= 0) == (sign > 0)) {
                    px[k] = train.input(i, 0);
                    py[k] = train.input(i, 1);
                    k++;
                }
            }
            c.dots(g, Arrays.copyOf(px, k), Arrays.copyOf(py, k), sign > 0 ? new Color(0xB2182B) : new Color(0x2166AC), 3.5);
        }
        double[] ax = new double[train.count()];
        double[] ay = new double[train.count()];
        for (int i = 0; i < train.count(); i++) {
            ax[i] = train.input(i, 0);
            ay[i] = train.input(i, 1);
        }
        boolean ringed = ringBatch(g, c, s, ax, ay);
        // a regression target (Jacot et al.'s x₁x₂) is coloured by its sign, not called a label
        boolean labels = train.labelled();
        List<String> names = new ArrayList<>(labels ? List.of("label +1", "label −1") : List.of("target ≥ 0", "target < 0"));
        List<Color> colors = new ArrayList<>(List.of(new Color(0xB2182B), new Color(0x2166AC)));
        if (ringed) {
            names.add("ringed: the last step's batch");
            colors.add(ChartTheme.of(g).ink);
        }
        c.legend(g, names, colors, names.stream().map(n -> false).toList(), false);
    }

    /**
     * Rings the train points (at {@code x}, {@code y}, in train order) that the last step's minibatch
     * used; false, drawing nothing, under full batch or before the first step.
     */
    private static boolean ringBatch(Graphics2D g, Chart c, TrainingSnapshot s, double[] x, double[] y) {
        if (s.context().spec().training().rule().fullBatch() || s.step() == 0) {
            return false;
        }
        int[] batch = s.clock().lastBatch();
        double[] bx = new double[batch.length];
        double[] by = new double[batch.length];
        for (int k = 0; k < batch.length; k++) {
            bx[k] = x[batch[k]];
            by[k] = y[batch[k]];
        }
        c.rings(g, bx, by, ChartTheme.of(g).ink, 6);
        return true;
    }

    private static void parity(Graphics2D g, double w, double h, TrainingSnapshot s) {
        Samples test = s.context().data().test();
        double[] t = new double[test.count()];
        double[] y = s.testOutputs().toArray();
        for (int i = 0; i < t.length; i++) {
            t[i] = test.target(i);
        }
        double[] r = Scale.padded(Math.min(min(t), min(y)), Math.max(max(t), max(y)), false);
        Chart c = Chart.draw(g, 0, 0, w, h, null, "target", "network", r, false, r, false);
        c.line(g, new double[] {r[0], r[1]}, new double[] {r[0], r[1]}, Palette.LIGHT_GREY, 1.5f, true);
        c.dots(g, t, y, Palette.BLUE, 3);
    }

    static double min(double[] a) {
        return Arrays.stream(a).min().orElse(0);
    }

    static double max(double[] a) {
        return Arrays.stream(a).max().orElse(1);
    }

    /** Where the train points sit along the function's axis (the angle on the circle, x in 1-D). */
    static double[] trainX(Samples train) {
        double[] x = new double[train.count()];
        for (int i = 0; i < x.length; i++) {
            x[i] = axisKey(train, i);
        }
        return x;
    }

    /**
     * Where input {@code i} sits along the function's axis: the angle γ in (−π, π] on the circle,
     * as Jacot et al. 2018 draw their Figure 2 (and the kernel slice is drawn), or x in 1-D.
     */
    static double axisKey(Samples s, int i) {
        return s.dim() == 1 ? s.input(i, 0) : Math.atan2(s.input(i, 1), s.input(i, 0));
    }

    /** The inputs in the order of {@link #axisKey}. */
    static int[] axisOrder(Samples s) {
        return IntStream.range(0, s.count()).boxed().sorted(Comparator.comparingDouble(i -> axisKey(s, i)))
                .mapToInt(Integer::intValue).toArray();
    }
}
