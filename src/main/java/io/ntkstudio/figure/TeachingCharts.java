package io.ntkstudio.figure;

import io.ntkstudio.data.Geometry;
import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.EnsembleView;
import io.ntkstudio.engine.RunContext;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.plotmath.Scale;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Charts for teaching: the kernel slice Θ(x₀, x) against the input (Jacot et al. 2018, Figure 1)
 * and the residual's energy along each eigenvector of Θ_0 against the kernel-regime prediction
 * (vᵢᵀr₀)² (1 − ηλᵢ/n)^{2t}, which shows spectral bias: large-λ (low-frequency) modes go first.
 */
public final class TeachingCharts {
    /** How many eigen-directions the mode chart shows at most. */
    public static final int MODES = 40;

    private TeachingCharts() {
    }

    /**
     * Θ_0(x₀, ·), Θ_t(x₀, ·) and Θ_∞(x₀, ·) over the train points, x₀ at the inputs' anchor position
     * in input order. On the circle the angle is measured from x₀, in (−π, π], so the peak at x₀
     * sits whole in the middle, as in Jacot et al. 2018, Figure 1.
     */
    public static void slice(Graphics2D g, double w, double h, ChartInputs in) {
        RunContext ctx = in.snapshot().context();
        Samples train = ctx.data().train();
        int[] order = HeatmapChart.order(train);
        int n = order.length;
        int x0 = order[Math.floorMod(in.sliceAnchor(), n)];
        boolean circle = ctx.data().geometry() == Geometry.CIRCLE;
        if (circle) {
            double g0 = HeatmapChart.sortKey(train, x0);
            order = Arrays.stream(order).boxed()
                    .sorted(Comparator.comparingDouble(j -> centred(HeatmapChart.sortKey(train, j) - g0)))
                    .mapToInt(Integer::intValue).toArray();
        }
        TrainingSnapshot ks = in.kernelSnapshot();
        ReadOnlyMatrix now = ks != null && ks.hasKernel() ? ks.kernel() : ctx.kernelInit();
        double[] x = new double[n];
        double[] init = new double[n];
        double[] current = new double[n];
        double[] limit = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean ordered = train.dim() <= 2;
        for (int k = 0; k < n; k++) {
            int j = order[k];
            x[k] = circle ? centred(HeatmapChart.sortKey(train, j) - HeatmapChart.sortKey(train, x0))
                    : ordered ? HeatmapChart.sortKey(train, j) : k;
            init[k] = ctx.kernelInit().get(x0, j);
            current[k] = now.get(x0, j);
            limit[k] = ctx.hasLimit() ? ctx.kernelLimit().get(x0, j) : Double.NaN;
            for (double v : new double[] {init[k], current[k], limit[k]}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        EnsembleView ens = ks != null ? ks.ensemble() : null;
        int drawn = ens == null ? 0 : Math.min(16, ens.kernels().size());
        double[][] memberNow = new double[drawn][n];
        double[][] memberInit = new double[drawn][n];
        for (int j = 0; j < drawn; j++) {
            for (int k = 0; k < n; k++) {
                memberNow[j][k] = ens.kernels().get(j).get(x0, order[k]);
                memberInit[j][k] = ens.kernelsInit().get(j).get(x0, order[k]);
                for (double v : new double[] {memberNow[j][k], memberInit[j][k]}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        String xLabel = circle ? "angle γ − γ₀ from x₀" : train.dim() == 1 ? "x" : ordered ? "angle of x" : "train point";
        double[] xr = circle ? new double[] {-Math.PI, Math.PI} : Scale.padded(x[0], x[n - 1], false);
        Chart c = Chart.draw(g, 0, 0, w, h, "kernel slice Θ(x₀, x), x₀ = train point " + x0, xLabel, "Θ(x₀, x)",
                xr, false, Scale.padded(lo, hi, false), false);
        if (drawn > 0) {
            // Jacot et al. 2018, Figure 1: every random network's kernel at t = 0 and now, over Θ_∞
            Color before = new Color(120, 120, 120, 90);
            Color after = new Color(31, 119, 180, 110);
            for (int j = 0; j < drawn; j++) {
                c.line(g, x, memberInit[j], before, 1.1f, false);
            }
            for (int j = 0; j < drawn; j++) {
                c.line(g, x, memberNow[j], after, 1.3f, false);
            }
            if (ctx.hasLimit()) {
                c.line(g, x, limit, Charts.GREEN, 2.4f, true);
                c.legend(g, new String[] {drawn + " networks, Θ_t", drawn + " networks, Θ_0", "Θ_∞"},
                        new Color[] {after, before, Charts.GREEN}, new boolean[] {false, false, true});
            } else {
                c.legend(g, new String[] {drawn + " networks, Θ_t", drawn + " networks, Θ_0"},
                        new Color[] {after, before}, new boolean[] {false, false});
            }
            return;
        }
        if (ctx.hasLimit()) {
            c.line(g, x, limit, Charts.GREEN, 2f, true);
        }
        c.line(g, x, init, Charts.GREY, 2f, true);
        c.line(g, x, current, Charts.BLUE, 2.2f, false);
        if (ctx.hasLimit()) {
            c.legend(g, new String[] {"Θ_t", "Θ_0", "Θ_∞"}, new Color[] {Charts.BLUE, Charts.GREY, Charts.GREEN}, new boolean[] {false, true, true});
        } else {
            c.legend(g, new String[] {"Θ_t", "Θ_0"}, new Color[] {Charts.BLUE, Charts.GREY}, new boolean[] {false, true});
        }
    }

    /**
     * The residual's energy along eigenvectors of Θ_0: above, the few holding most energy at
     * initialisation followed over training (network solid, kernel regime dashed); below, when
     * there is room, every direction at the current step (network dots, kernel regime dashed).
     */
    public static void modes(Graphics2D g, double w, double h, ChartInputs in) {
        ModeTrajectories tr = in.modeTrajectories();
        boolean both = h >= Charts.TWO_PANELS;
        double top = both ? h * 0.55 : h;
        double[] r = Charts.rangeWithPredictions(tr.network(), tr.regime());
        // Six decades: enough to see each decay, while the finite-width floor stays out of the way;
        // but never above where a curve starts (a diverging run grows by many more).
        double start = Double.POSITIVE_INFINITY;
        for (Series curve : tr.network()) {
            if (curve.size() > 0 && curve.y()[0] > 0) {
                start = Math.min(start, curve.y()[0]);
            }
        }
        double lo = Math.max(r[0], Math.min(r[1] * 1e-6, start * 0.1));
        Chart c = Chart.draw(g, 0, 0, w, top, "residual along eigenvectors of Θ_0", "step",
                "(v_iᵀ r)²", new double[] {0, Math.max(1, r[2])}, false, Scale.padded(lo, r[1], true), true);
        String[] names = new String[tr.size() + 1];
        Color[] colors = new Color[names.length];
        boolean[] dashed = new boolean[names.length];
        for (int k = 0; k < tr.size(); k++) {
            colors[k] = Charts.TOP[k % Charts.TOP.length];
            c.line(g, tr.regime()[k], colors[k], 1.5f, true);
            c.line(g, tr.network()[k], colors[k], 2.2f, false);
            names[k] = String.format(Locale.ROOT, "i = %d, λ = %.3g", tr.modes()[k] + 1, tr.eigenvalues()[k]);
        }
        if (in.replaying()) {
            c.cursor(g, in.cursorStep());
        }
        names[tr.size()] = "kernel regime";
        colors[tr.size()] = Charts.GREY;
        dashed[tr.size()] = true;
        // Decays leave the lower right empty; the slow modes run along the top.
        c.legend(g, names, colors, dashed, new boolean[names.length], Chart.Corner.BOTTOM_RIGHT);
        if (both) {
            modesNow(g, top, w, h - top, in);
        }
    }

    /** An angle difference wrapped into (−π, π]. */
    static double centred(double d) {
        double a = d % (2 * Math.PI);
        if (a <= -Math.PI) {
            a += 2 * Math.PI;
        } else if (a > Math.PI) {
            a -= 2 * Math.PI;
        }
        return a;
    }

    /** Every eigen-direction at the current step: network (dots) against kernel regime (dashed). */
    private static void modesNow(Graphics2D g, double y, double w, double h, ChartInputs in) {
        TrainingSnapshot s = in.snapshot();
        int m = Math.min(MODES, s.modeEnergies().size());
        double[] idx = new double[m];
        double[] actual = new double[m];
        double[] predicted = new double[m];
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 0; i < m; i++) {
            idx[i] = i + 1;
            actual[i] = s.modeEnergies().get(i);
            predicted[i] = s.regimeModeEnergies().get(i);
            if (actual[i] > 0) {
                lo = Math.min(lo, actual[i]);
                hi = Math.max(hi, actual[i]);
            }
        }
        double measuredHi = hi;
        for (double v : predicted) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, Math.min(v, measuredHi * Charts.PREDICTION_HEADROOM));
            }
        }
        lo = Math.max(lo, hi * 1e-12);
        Chart c = Chart.draw(g, 0, y, w, h, "every direction at step " + s.step(),
                "eigen-direction i (λ_i descending)", "(v_iᵀ r)²", new double[] {0.5, m + 0.5}, false,
                Scale.padded(lo, hi, true), true);
        c.line(g, idx, predicted, Charts.ORANGE, 2f, true);
        c.dots(g, idx, actual, Charts.BLUE, 3.5);
        c.legend(g, new String[] {"network", "kernel regime"}, new Color[] {Charts.BLUE, Charts.ORANGE},
                new boolean[] {false, true}, new boolean[] {true, false}, Chart.Corner.TOP_RIGHT);
    }
}
