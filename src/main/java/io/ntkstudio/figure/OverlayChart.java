package io.ntkstudio.figure;

import io.ntkstudio.data.Geometry;
import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.plotmath.Numbers;
import io.ntkstudio.plotmath.Scale;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compare mode's overlay: runs A and B (same data, same seed) in one chart each for the kernel
 * slice, the learned function and the losses, A in blue and B in orange, as Jacot et al. 2018's
 * Figure 1 overlays widths in one plot. The inputs are A's, with B's as their companion.
 */
public final class OverlayChart {
    static final Color A = Palette.BLUE;
    static final Color B = Palette.ORANGE;
    private static final Color A_FAINT = new Color(31, 119, 180, 120);
    private static final Color B_FAINT = new Color(255, 127, 14, 120);
    /** One of several networks now: lighter than a single run's line, darker than the kernels at t = 0. */
    private static final Color A_MEMBER = new Color(31, 119, 180, 170);
    private static final Color B_MEMBER = new Color(255, 127, 14, 170);

    private OverlayChart() {
    }

    /** "A: width 32" and "B: width 2048": each run named by what sets it apart (all of it if nothing does). */
    static String[] names(ExperimentSpec a, ExperimentSpec b) {
        List<String[]> differ = new ArrayList<>();
        var na = a.network();
        var nb = b.network();
        if (na.width() != nb.width()) {
            differ.add(new String[] {"width " + na.width(), "width " + nb.width()});
        }
        if (na.architecture() != nb.architecture()) {
            differ.add(new String[] {na.architecture().id(), nb.architecture().id()});
        }
        if (na.architecture() == nb.architecture() && na.readout() != nb.readout()) {
            differ.add(new String[] {na.readout().id(), nb.readout().id()});
        }
        if (na.depth() != nb.depth()) {
            differ.add(new String[] {"depth " + na.depth(), "depth " + nb.depth()});
        }
        if (na.activation() != nb.activation()) {
            differ.add(new String[] {na.activation().id(), nb.activation().id()});
        }
        if (na.parameterization() != nb.parameterization()) {
            differ.add(new String[] {na.parameterization().id(), nb.parameterization().id()});
        }
        if (na.outputScale() != nb.outputScale()) {
            differ.add(new String[] {"α = " + Numbers.readable(na.outputScale()), "α = " + Numbers.readable(nb.outputScale())});
        }
        if (a.training().learningRate() != b.training().learningRate()) {
            differ.add(new String[] {String.format(Locale.ROOT, "η = %.3g", a.training().learningRate()),
                String.format(Locale.ROOT, "η = %.3g", b.training().learningRate())});
        }
        if (!a.training().rule().equals(b.training().rule())) {
            String ra = a.training().rule().label();
            String rb = b.training().rule().label();
            differ.add(new String[] {ra.isEmpty() ? "GD" : ra, rb.isEmpty() ? "GD" : rb});
        }
        StringBuilder sa = new StringBuilder("A");
        StringBuilder sb = new StringBuilder("B");
        for (int i = 0; i < differ.size(); i++) {
            sa.append(i == 0 ? ": " : ", ").append(differ.get(i)[0]);
            sb.append(i == 0 ? ": " : ", ").append(differ.get(i)[1]);
        }
        return new String[] {sa.toString(), sb.toString()};
    }

    private static String[] names(ChartInputs a, ChartInputs b) {
        return names(a.snapshot().context().spec(), b.snapshot().context().spec());
    }

    /** Θ(x₀, ·) of both runs, at t = 0 (dashed, faint) and now (solid), over Θ_∞. */
    public static PaintedLayout slice(Graphics2D g, double w, double h, ChartInputs a) {
        ChartInputs b = a.companion();
        if (b == null) {
            return waiting(g, w, h);
        }
        KernelSlice sa = KernelSlice.of(a);
        KernelSlice sb = KernelSlice.of(b);
        // with several networks, every one of both runs, as Jacot et al.'s Figure 1 draws ten per width
        double[][] nowA = sa.drawn() > 0 ? sa.membersNow() : new double[][] {sa.now()};
        double[][] initA = sa.drawn() > 0 ? sa.membersInit() : new double[][] {sa.init()};
        double[][] nowB = sb.drawn() > 0 ? sb.membersNow() : new double[][] {sb.now()};
        double[][] initB = sb.drawn() > 0 ? sb.membersInit() : new double[][] {sb.init()};
        double[] limit = sa.hasLimit() ? sa.limit() : sb.limit();
        // runs at different output scales α have kernels α²Θ, thousands of times apart: each is drawn
        // divided by its own α², so that both show on one axis (and share Θ_∞/α²)
        double alphaA = a.snapshot().context().spec().network().outputScale();
        double alphaB = b.snapshot().context().spec().network().outputScale();
        boolean scaled = alphaA != alphaB;
        if (scaled) {
            nowA = divided(nowA, alphaA * alphaA);
            initA = divided(initA, alphaA * alphaA);
            nowB = divided(nowB, alphaB * alphaB);
            initB = divided(initB, alphaB * alphaB);
            double alphaLimit = sa.hasLimit() ? alphaA : alphaB;
            limit = limit == null ? null : divided(new double[][] {limit}, alphaLimit * alphaLimit)[0];
        }
        double[] range = KernelSlice.finiteRange(nowA, initA, nowB, initB, new double[][] {limit});
        double[] xa = sa.x();
        double[] xb = sb.x();
        String theta = scaled ? "Θ(x₀, x)/α²" : "Θ(x₀, x)";
        Chart c = Chart.draw(g, 0, 0, w, h, "kernel slice " + theta + ", A and B, " + sa.anchor(), sa.xLabel(), theta,
                sa.xRange(), false, Scale.padded(range[0], range[1], false), false);
        String[] names = names(a, b);
        boolean hasLimit = sa.hasLimit() || sb.hasLimit();
        if (hasLimit) {
            c.line(g, sa.hasLimit() ? xa : xb, limit, Palette.GREEN, 2f, true);
        }
        boolean withInit = a.sliceWithInit();
        boolean several = nowA.length > 1 || nowB.length > 1;
        float thin = several ? 1.1f : 1.6f;
        float bold = several ? 1.3f : 2.2f;
        for (int k = 0; k < initA.length && withInit; k++) {
            c.line(g, xa, initA[k], A_FAINT, thin, true);
        }
        for (int k = 0; k < initB.length && withInit; k++) {
            c.line(g, xb, initB[k], B_FAINT, thin, true);
        }
        // the legend names each set by the colour it is drawn in: labels written at the lines' ends find them by it
        Color nowColorA = several ? A_MEMBER : A;
        Color nowColorB = several ? B_MEMBER : B;
        for (double[] r : nowA) {
            c.line(g, xa, r, nowColorA, bold, false);
        }
        for (double[] r : nowB) {
            c.line(g, xb, r, nowColorB, bold, false);
        }
        String per = scaled ? "/α²" : "";
        String countA = nowA.length > 1 ? " (" + nowA.length + " networks)" : "";
        String countB = nowB.length > 1 ? " (" + nowB.length + " networks)" : "";
        List<String> legend = new ArrayList<>(List.of(names[0] + ", Θ_t" + per + countA));
        List<Color> colors = new ArrayList<>(List.of(nowColorA));
        List<Boolean> dashed = new ArrayList<>(List.of(false));
        if (withInit) {
            legend.add(names[0] + ", Θ_0" + per);
            colors.add(A_FAINT);
            dashed.add(true);
        }
        legend.add(names[1] + ", Θ_t" + per + countB);
        colors.add(nowColorB);
        dashed.add(false);
        if (withInit) {
            legend.add(names[1] + ", Θ_0" + per);
            colors.add(B_FAINT);
            dashed.add(true);
        }
        if (hasLimit) {
            legend.add("Θ_∞" + per);
            colors.add(Palette.GREEN);
            dashed.add(true);
        }
        c.legend(g, legend, colors, dashed, false);
        return null;
    }

    /** Each row of {@code rows} divided by {@code by}, in new arrays. */
    private static double[][] divided(double[][] rows, double by) {
        double[][] out = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            out[k] = rows[k].clone();
            for (int i = 0; i < out[k].length; i++) {
                out[k][i] /= by;
            }
        }
        return out;
    }

    /** Both runs' learned functions over the same test inputs, with the target and the train points. */
    public static PaintedLayout function(Graphics2D g, double w, double h, ChartInputs a) {
        ChartInputs b = a.companion();
        if (b == null) {
            return waiting(g, w, h);
        }
        TrainingSnapshot sa = a.snapshot();
        TrainingSnapshot sb = b.snapshot();
        Geometry geometry = sa.context().data().geometry();
        if (!geometry.curves()) {
            Surface.message(g, w, h, "2-D data: see A and B side by side");
            return null;
        }
        boolean circle = geometry == Geometry.CIRCLE;
        Samples test = sa.context().data().test();
        Samples train = sa.context().data().train();
        int[] order = FunctionChart.axisOrder(test);
        int m = order.length;
        double[] x = new double[m];
        double[][] rows = new double[3][m];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            x[k] = FunctionChart.axisKey(test, i);
            rows[0][k] = test.target(i);
            rows[1][k] = sa.testOutputs().get(i);
            rows[2][k] = sb.testOutputs().get(i);
            for (double[] row : rows) {
                if (Double.isFinite(row[k])) {
                    lo = Math.min(lo, row[k]);
                    hi = Math.max(hi, row[k]);
                }
            }
        }
        double[] tx = FunctionChart.trainX(train);
        double[] ty = train.copyTargets();
        for (double v : ty) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        // with several networks, every one of both runs, their means ± 2σ and the Gaussian process
        EnsembleCurves ea = sa.ensemble() == null ? null : new EnsembleCurves(order, sa.ensemble(), false);
        EnsembleCurves eb = sb.ensemble() == null ? null : new EnsembleCurves(order, sb.ensemble(), false);
        for (EnsembleCurves e : new EnsembleCurves[] {ea, eb}) {
            if (e != null) {
                double[] r = e.range(lo, hi);
                lo = r[0];
                hi = r[1];
            }
        }
        double[] xr = circle ? new double[] {-Math.PI, Math.PI} : Scale.padded(Math.min(x[0], FunctionChart.min(tx)), Math.max(x[m - 1], FunctionChart.max(tx)), false);
        Chart c = Chart.draw(g, 0, 0, w, h, "learned function, A and B", circle ? "angle γ on the circle" : "x", "f(x)",
                xr, false, Scale.padded(lo, hi, false), false);
        c.line(g, x, rows[0], Palette.LIGHT_GREY, 2f, false);
        EnsembleCurves[] sides = {ea, eb};
        Color[] lines = {A, B};
        Color[] gps = gpColours(ea, eb);
        for (int side = 0; side < 2; side++) {
            if (sides[side] == null) {
                c.line(g, x, rows[1 + side], lines[side], 2.2f, side == 1);
            } else {
                sides[side].drawAs(g, c, x, lines[side], gps[side]);
            }
        }
        c.dots(g, tx, ty, ChartTheme.of(g).ink, 3.2);
        Legend key = functionLegend(names(a, b), ea, eb, ChartTheme.of(g).ink);
        c.legendEndingInPoints(g, key.names(), key.colors(), key.dashed());
        return null;
    }

    /** A legend's entries, their colours and whether each is dashed. */
    record Legend(List<String> names, List<Color> colors, List<Boolean> dashed) {
        void add(String name, Color color, boolean dash) {
            names.add(name);
            colors.add(color);
            dashed.add(dash);
        }
    }

    /** The function overlay's legend for these runs, as it is drawn (for tests: what it names). */
    static List<String> functionLegend(ChartInputs a, ChartInputs b) {
        int[] order = FunctionChart.axisOrder(a.snapshot().context().data().test());
        EnsembleCurves ea = a.snapshot().ensemble() == null ? null : new EnsembleCurves(order, a.snapshot().ensemble(), false);
        EnsembleCurves eb = b.snapshot().ensemble() == null ? null : new EnsembleCurves(order, b.snapshot().ensemble(), false);
        return functionLegend(names(a, b), ea, eb, Color.BLACK).names();
    }

    /**
     * Target; per run its line, or its networks and their mean ± 2σ and its Gaussian process (one
     * for both when they share it, as runs differing only in width do); the train points last.
     */
    private static Legend functionLegend(String[] names, EnsembleCurves ea, EnsembleCurves eb, Color ink) {
        Legend key = new Legend(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        key.add("target", Palette.LIGHT_GREY, false);
        Color[] gps = gpColours(ea, eb);
        boolean oneGp = gps[1] == null;
        EnsembleCurves[] sides = {ea, eb};
        Color[] lines = {A, B};
        for (int side = 0; side < 2; side++) {
            EnsembleCurves e = sides[side];
            if (e == null) {
                key.add(names[side], lines[side], side == 1);
                continue;
            }
            key.add(names[side] + ", " + e.count() + " networks", EnsembleCurves.member(lines[side]), false);
            key.add(names[side] + ", their mean ± 2σ", lines[side], false);
            if (e.hasGaussianProcess() && gps[side] != null) {
                key.add((oneGp ? "" : names[side] + ", ") + "NTK-GP mean ± 2σ (∞ width)", gps[side], true);
            }
        }
        key.add("train points", ink, false);
        return key;
    }

    /** The colour each run's Gaussian process is drawn in: one (A's, purple) when both runs share it, else B's in brown. */
    private static Color[] gpColours(EnsembleCurves ea, EnsembleCurves eb) {
        boolean oneGp = ea != null && eb != null && ea.sameGaussianProcess(eb);
        return new Color[] {Palette.PURPLE, oneGp ? null : Palette.BROWN};
    }

    /** Both runs' train and test losses against step (log scale). */
    public static PaintedLayout losses(Graphics2D g, double w, double h, ChartInputs a) {
        ChartInputs b = a.companion();
        if (b == null) {
            return waiting(g, w, h);
        }
        Series[] curves = {a.trainLoss(), a.testLoss(), b.trainLoss(), b.testLoss()};
        double[] r = LogRange.of(curves);
        Chart c = Chart.draw(g, 0, 0, w, h, "loss  L = 1/(2n) Σ (f − y)², A and B", "step", "loss",
                new double[] {0, Math.max(1, r[2])}, false, Scale.padded(r[0], r[1], true), true);
        c.line(g, curves[1], A_FAINT, 1.8f, true);
        c.line(g, curves[3], B_FAINT, 1.8f, true);
        c.line(g, curves[0], A, 2.2f, false);
        c.line(g, curves[2], B, 2.2f, false);
        if (a.replaying()) {
            c.cursor(g, a.cursorStep());
        }
        String[] names = names(a, b);
        c.legend(g, new String[] {names[0] + ", train", names[0] + ", test", names[1] + ", train", names[1] + ", test"},
                new Color[] {A, A_FAINT, B, B_FAINT}, new boolean[] {false, true, false, true});
        return null;
    }

    /** Before run B's first snapshot. */
    private static PaintedLayout waiting(Graphics2D g, double w, double h) {
        Surface.message(g, w, h, "waiting for run B…");
        return null;
    }
}
