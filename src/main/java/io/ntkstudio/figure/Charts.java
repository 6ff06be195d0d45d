package io.ntkstudio.figure;

import io.ntkstudio.data.Geometry;
import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.FunctionGrid;
import io.ntkstudio.engine.RunContext;
import io.ntkstudio.engine.StepLog;
import io.ntkstudio.engine.StepLogView;
import io.ntkstudio.engine.TrainingSnapshot;
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
import java.util.List;

/**
 * The spectrum, loss and function charts, painted with Java2D from {@link ChartInputs}: the same
 * inputs paint the same pixels, on any thread, with no display.
 */
public final class Charts {
    public static final Color BLUE = new Color(0x1F77B4);
    public static final Color ORANGE = new Color(0xFF7F0E);
    public static final Color GREEN = new Color(0x2CA02C);
    public static final Color RED = new Color(0xD62728);
    public static final Color PURPLE = new Color(0x9467BD);
    public static final Color BROWN = new Color(0x8C564B);
    public static final Color GREY = new Color(0x7F7F7F);
    public static final Color LIGHT_GREY = new Color(0x9A9A9A);
    public static final Color[] TOP = {BLUE, ORANGE, GREEN, RED, PURPLE};

    /** Below this height (in chart units) a two-panel chart shows its main panel only. */
    public static final double TWO_PANELS = 330;

    private Charts() {
    }

    /** Sets up antialiasing and clears the background, in the light theme. */
    public static void begin(Graphics2D g, double w, double h) {
        begin(g, w, h, ChartTheme.LIGHT);
    }

    /** Sets up antialiasing and the theme, and clears the background. */
    public static void begin(Graphics2D g, double w, double h, ChartTheme theme) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(ChartTheme.KEY, theme);
        g.setColor(theme.background);
        g.fillRect(0, 0, (int) Math.ceil(w), (int) Math.ceil(h));
    }

    /** A centred message in the theme's muted colour, where a chart cannot be drawn (yet). */
    public static void message(Graphics2D g, double w, double h, String text) {
        g.setColor(ChartTheme.of(g).muted);
        g.setFont(Chart.LABEL_FONT);
        Chart.text(g, text, w / 2, h / 2, 0.5, 0.5);
    }

    /** Eigenvalues in descending order (Θ_t, Θ_0, Θ_∞) and the top eigenvalues over training. */
    public static void spectrum(Graphics2D g, double w, double h, ChartInputs in) {
        RunContext ctx = in.snapshot().context();
        TrainingSnapshot ks = in.kernelSnapshot();
        ReadOnlyVector now = ks != null && ks.hasKernel() ? ks.eigenvalues() : ctx.eigenvaluesInit();
        ReadOnlyVector init = ctx.eigenvaluesInit();
        ReadOnlyVector limit = ctx.eigenvaluesLimit();
        int n = init.size();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (ReadOnlyVector v : new ReadOnlyVector[] {now, init, limit}) {
            for (int i = 0; v != null && i < v.size(); i++) {
                if (v.get(i) > 0) {
                    min = Math.min(min, v.get(i));
                    max = Math.max(max, v.get(i));
                }
            }
        }
        boolean both = h >= TWO_PANELS;
        double top = both ? h * 0.55 : h;
        Chart c = Chart.draw(g, 0, 0, w, top, "eigenvalues, descending", "index i", "λ_i",
                new double[] {0.5, n + 0.5}, false, Scale.padded(min, max, true), true);
        if (limit != null) {
            c.line(g, index(n), limit.toArray(), GREEN, 1.6f, true);
        }
        c.line(g, index(n), init.toArray(), GREY, 1.6f, true);
        c.line(g, index(now.size()), now.toArray(), BLUE, 2.2f, false);
        if (now.size() <= 128) {
            c.dots(g, index(now.size()), now.toArray(), BLUE, 2.5);
        }
        if (limit != null) {
            c.legend(g, new String[] {"Θ_t", "Θ_0", "Θ_∞"}, new Color[] {BLUE, GREY, GREEN}, new boolean[] {false, true, true});
        } else {
            c.legend(g, new String[] {"Θ_t", "Θ_0"}, new Color[] {BLUE, GREY}, new boolean[] {false, true});
        }
        if (!both) {
            return;
        }
        double[] r = range(in.topEigenvalues());
        // The edge of stability in the kernel's units (Cohen et al. 2021): above 2n/η the top mode of
        // the linearised model grows, so λ_max(t) against this line tells the large-rate story.
        // (with an output scale α the kernel is α²Θ and the parameters move at η/α²: the line is 2nα²/η)
        double alpha = in.snapshot().context().spec().network().outputScale();
        double edge = 2.0 * in.snapshot().context().data().train().count() * alpha * alpha / in.snapshot().learningRate();
        boolean showEdge = Double.isFinite(edge) && edge > 0 && r[1] > 0 && edge <= 3 * r[1] && edge >= r[0] / 3;
        double lo = showEdge ? Math.min(r[0], edge) : r[0];
        double hi = showEdge ? Math.max(r[1], edge) : r[1];
        double xMax = Math.max(1, Math.max(r[2], in.snapshot().step()));
        // Against the same steps as the losses, though the kernel is computed less often.
        Chart t = Chart.draw(g, 0, top, w, h - top, "top eigenvalues over training", "step", "λ",
                new double[] {0, xMax}, false, Scale.padded(lo, hi, true), true);
        if (showEdge) {
            t.line(g, new double[] {0, xMax}, new double[] {edge, edge}, GREY, 1.4f, true);
        }
        String[] names = new String[in.topEigenvalues().length];
        for (int i = 0; i < names.length; i++) {
            t.line(g, in.topEigenvalues()[i], TOP[i % TOP.length], 1.8f, false);
            names[i] = "λ_" + (i + 1);
        }
        if (in.replaying()) {
            t.cursor(g, in.cursorStep());
        }
        if (showEdge) {
            String[] withEdge = Arrays.copyOf(names, names.length + 1);
            withEdge[names.length] = "2n/η (stable below)";
            Color[] colors = Arrays.copyOf(TOP, withEdge.length);
            colors[names.length] = GREY;
            boolean[] dashed = new boolean[withEdge.length];
            dashed[names.length] = true;
            t.legend(g, withEdge, colors, dashed);
        } else {
            t.legend(g, names, Arrays.copyOf(TOP, names.length), new boolean[names.length]);
        }
    }

    /** Train and test loss with their kernel-regime predictions, and the kernel metrics. */
    public static void loss(Graphics2D g, double w, double h, ChartInputs in) {
        // an ensemble's other networks: their train losses, faint, behind network 1's
        List<Series> members = new ArrayList<>();
        if (in.snapshot().ensemble() != null) {
            for (StepLogView log : in.snapshot().ensemble().memberSteps()) {
                members.add(RunHistory.column(log, StepLog.TRAIN_LOSS));
            }
        }
        Series[] measured = new Series[2 + members.size()];
        measured[0] = in.trainLoss();
        measured[1] = in.testLoss();
        for (int k = 0; k < members.size(); k++) {
            measured[2 + k] = members.get(k);
        }
        double[] r = rangeWithPredictions(measured, new Series[] {in.regimeTrainLoss(), in.regimeTestLoss()});
        boolean both = h >= TWO_PANELS;
        double top = both ? h * 0.55 : h;
        Chart c = Chart.draw(g, 0, 0, w, top, "loss  L = 1/(2n) Σ (f − y)²", "step", "loss",
                new double[] {0, Math.max(1, r[2])}, false, Scale.padded(r[0], r[1], true), true);
        for (Series member : members) {
            c.line(g, member, EnsembleCurves.MEMBER, 1f, false);
        }
        c.line(g, in.regimeTrainLoss(), BLUE, 1.5f, true);
        c.line(g, in.regimeTestLoss(), ORANGE, 1.5f, true);
        c.line(g, in.trainLoss(), BLUE, 2.2f, false);
        c.line(g, in.testLoss(), ORANGE, 2.2f, false);
        if (in.testLoss().size() <= 30) {
            // the test loss is measured at kernel intervals only: mark the real samples
            c.dots(g, in.testLoss().x(), in.testLoss().y(), ORANGE, 2.5);
        }
        if (in.replaying()) {
            c.cursor(g, in.cursorStep());
        }
        if (members.isEmpty()) {
            c.legend(g, new String[] {"train", "test", "train, kernel regime", "test, kernel regime"},
                    new Color[] {BLUE, ORANGE, BLUE, ORANGE}, new boolean[] {false, false, true, true});
        } else {
            c.legend(g, new String[] {"train, network 1", "test, network 1", "train, networks 2–" + (members.size() + 1),
                    "train, kernel regime", "test, kernel regime"},
                    new Color[] {BLUE, ORANGE, EnsembleCurves.MEMBER, BLUE, ORANGE}, new boolean[] {false, false, false, true, true});
        }
        if (!both) {
            return;
        }
        Series[] metrics = {in.kernelChange(), in.distanceToLimit(), in.alignment(), in.weightChange()};
        double[] mr = range(metrics);
        Chart m = Chart.draw(g, 0, top, w, h - top, "kernel metrics", "step", "value",
                new double[] {0, Math.max(1, Math.max(mr[2], in.snapshot().step()))}, false, Scale.padded(mr[0], mr[1], true), true);
        Color[] colors = {RED, GREEN, PURPLE, BROWN};
        for (int i = 0; i < metrics.length; i++) {
            m.line(g, metrics[i], colors[i], 2f, false);
        }
        if (in.replaying()) {
            m.cursor(g, in.cursorStep());
        }
        m.legend(g, new String[] {"‖Θ_t − Θ_0‖ / ‖Θ_0‖", "‖Θ_t − Θ_∞‖ / ‖Θ_∞‖", "alignment yᵀΘy / (‖Θ‖ ‖y‖²)", "‖θ_t − θ_0‖ / ‖θ_0‖"},
                colors, new boolean[4]);
    }

    /** The learned function: a curve (circle, 1-D), a coloured map (2-D), else network against target. */
    public static void function(Graphics2D g, double w, double h, ChartInputs in) {
        TrainingSnapshot s = in.snapshot();
        RunContext ctx = s.context();
        Geometry geometry = ctx.data().geometry();
        boolean circle = geometry == Geometry.CIRCLE;
        if (circle || geometry == Geometry.LINE) {
            curve(g, w, h, s, circle);
        } else if (ctx.grid() != null) {
            map(g, w, h, s, in.kernelSnapshot(), ctx.grid());
        } else {
            parity(g, w, h, s);
        }
    }

    private static void curve(Graphics2D g, double w, double h, TrainingSnapshot s, boolean circle) {
        Samples test = s.context().data().test();
        Samples train = s.context().data().train();
        int[] order = HeatmapChart.order(test);
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
            x[k] = HeatmapChart.sortKey(test, i);
            target[k] = test.target(i);
            net[k] = s.testOutputs().get(i);
            regime[k] = s.regimeTest().get(i);
            limit[k] = hasLimit ? s.limitRegimeTest().get(i) : Double.NaN;
            for (double v : new double[] {target[k], net[k]}) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        EnsembleCurves ensemble = s.ensemble() == null ? null : new EnsembleCurves(order, s.ensemble());
        if (ensemble != null) {
            double[] r = ensemble.range(lo, hi);
            lo = r[0];
            hi = r[1];
        }
        double[] tx = new double[train.count()];
        double[] ty = new double[train.count()];
        for (int i = 0; i < tx.length; i++) {
            tx[i] = HeatmapChart.sortKey(train, i);
            ty[i] = train.target(i);
            lo = Math.min(lo, ty[i]);
            hi = Math.max(hi, ty[i]);
        }
        // A prediction widens the axis by at most the data's own span: a diverging linearised model
        // leaves the plot through its edge instead of flattening the network and target to a line.
        double span = Math.max(hi - lo, 1e-9);
        double floor = lo - span;
        double ceiling = hi + span;
        for (double[] prediction : new double[][] {regime, limit}) {
            for (double v : prediction) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, Math.max(v, floor));
                    hi = Math.max(hi, Math.min(v, ceiling));
                }
            }
        }
        double[] xr = circle ? new double[] {0, 2 * Math.PI} : Scale.padded(Math.min(min(x), min(tx)), Math.max(max(x), max(tx)), false);
        Chart c = Chart.draw(g, 0, 0, w, h, null, circle ? "angle γ on the circle" : "x", "f(x)", xr, false,
                Scale.padded(lo, hi, false), false);
        c.line(g, x, target, LIGHT_GREY, 2f, false);
        if (hasLimit && ensemble == null) {
            c.line(g, x, limit, GREEN, 1.6f, true);
        }
        c.line(g, x, regime, ORANGE, 1.8f, true);
        if (ensemble != null) {
            ensemble.draw(g, c, x);
        } else {
            c.line(g, x, net, BLUE, 2.4f, false);
        }
        c.dots(g, tx, ty, ChartTheme.of(g).ink, 3.2);
        double off = 0;
        for (double[] prediction : new double[][] {regime, limit}) {
            for (double v : prediction) {
                if (!(v >= floor && v <= ceiling) && !Double.isNaN(v)) {
                    off = Math.max(off, Math.abs(v));
                }
            }
        }
        if (off > 0) {
            // say where the dashed curves went rather than let them vanish unexplained
            g.setFont(Chart.TICK_FONT);
            g.setColor(ORANGE);
            Chart.text(g, "kernel regime off the chart: diverging, |f| up to " + Numbers.readable(off),
                    Math.min(c.xScale().p0(), c.xScale().p1()) + 8, Math.max(c.yScale().p0(), c.yScale().p1()) - 6, 0, 1);
        }
        if (ensemble != null) {
            List<String> names = new ArrayList<>(List.of("target", ensemble.count() + " networks",
                    "their mean ± 2σ"));
            List<Color> colors = new ArrayList<>(List.of(LIGHT_GREY, EnsembleCurves.MEMBER, BLUE));
            List<Boolean> dashes = new ArrayList<>(List.of(false, false, false));
            if (ensemble.hasGaussianProcess()) {
                names.add("NTK-GP mean ± 2σ (∞ width)");
                colors.add(PURPLE);
                dashes.add(true);
            }
            if (ensemble.hasNngp()) {
                names.add("NNGP posterior mean (Bayes)");
                colors.add(GREEN);
                dashes.add(true);
            }
            names.addAll(List.of("kernel regime (Θ_0), network 1", "train points"));
            colors.addAll(List.of(ORANGE, ChartTheme.of(g).ink));
            dashes.addAll(List.of(true, false));
            boolean[] dashed = new boolean[dashes.size()];
            for (int i = 0; i < dashed.length; i++) {
                dashed[i] = dashes.get(i);
            }
            c.legend(g, names.toArray(new String[0]), colors.toArray(new Color[0]), dashed);
        } else if (hasLimit) {
            c.legend(g, new String[] {"target", "network", "kernel regime (Θ_0)", "kernel regime (Θ_∞)", "train points"},
                    new Color[] {LIGHT_GREY, BLUE, ORANGE, GREEN, ChartTheme.of(g).ink}, new boolean[] {false, false, true, true, false});
        } else {
            c.legend(g, new String[] {"target", "network", "kernel regime (Θ_0)", "train points"},
                    new Color[] {LIGHT_GREY, BLUE, ORANGE, ChartTheme.of(g).ink}, new boolean[] {false, false, true, false});
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
        c.legend(g, new String[] {"label +1", "label −1"}, new Color[] {new Color(0xB2182B), new Color(0x2166AC)}, new boolean[2]);
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
        c.line(g, new double[] {r[0], r[1]}, new double[] {r[0], r[1]}, LIGHT_GREY, 1.5f, true);
        c.dots(g, t, y, BLUE, 3);
    }

    /** Positive minimum, maximum and largest x over several series. */
    /** How far above the measured curves a prediction may stretch a log axis: three decades. */
    static final double PREDICTION_HEADROOM = 1e3;

    /**
     * The range of {@code measured}, widened by {@code predicted} only up to
     * {@link #PREDICTION_HEADROOM} above the measured maximum: a diverging kernel-regime prediction
     * leaves the chart through its top edge and the network's curves keep their scale.
     */
    static double[] rangeWithPredictions(Series[] measured, Series[] predicted) {
        double[] r = range(measured);
        double[] p = range(predicted);
        if (!(r[1] > 0)) {
            return p;
        }
        double cap = r[1] * PREDICTION_HEADROOM;
        if (p[0] < r[0]) {
            r[0] = p[0];
        }
        r[1] = Math.max(r[1], Math.min(p[1], cap));
        r[2] = Math.max(r[2], p[2]);
        return r;
    }

    static double[] range(Series[] series) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double xmax = 0;
        for (Series d : series) {
            for (int i = 0; i < d.size(); i++) {
                double y = d.y()[i];
                if (y > 0 && Double.isFinite(y)) {
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
                xmax = Math.max(xmax, d.x()[i]);
            }
        }
        return new double[] {min, max, xmax};
    }

    private static double[] index(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElse(0);
    }

    private static double max(double[] a) {
        return Arrays.stream(a).max().orElse(1);
    }
}
