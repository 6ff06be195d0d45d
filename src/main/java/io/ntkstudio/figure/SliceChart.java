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

/**
 * The kernel-slice view: Θ_0(x₀, ·), Θ_t(x₀, ·) and Θ_∞(x₀, ·) over the train inputs, the picture
 * of Jacot, Gabriel &amp; Hongler 2018, Figure 1.
 */
public final class SliceChart {
    private SliceChart() {
    }

    /**
     * Θ_0(x₀, ·), Θ_t(x₀, ·) and Θ_∞(x₀, ·) over the train points, x₀ at the inputs' anchor position
     * in input order. On the circle the angle is measured from x₀, in (−π, π], so the peak at x₀
     * sits whole in the middle, as in Jacot et al. 2018, Figure 1.
     */
    public static void paint(Graphics2D g, double w, double h, ChartInputs in) {
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
                c.line(g, x, limit, Palette.GREEN, 2.4f, true);
                c.legend(g, new String[] {drawn + " networks, Θ_t", drawn + " networks, Θ_0", "Θ_∞"},
                        new Color[] {after, before, Palette.GREEN}, new boolean[] {false, false, true});
            } else {
                c.legend(g, new String[] {drawn + " networks, Θ_t", drawn + " networks, Θ_0"},
                        new Color[] {after, before}, new boolean[] {false, false});
            }
            return;
        }
        if (ctx.hasLimit()) {
            c.line(g, x, limit, Palette.GREEN, 2f, true);
        }
        c.line(g, x, init, Palette.GREY, 2f, true);
        c.line(g, x, current, Palette.BLUE, 2.2f, false);
        if (ctx.hasLimit()) {
            c.legend(g, new String[] {"Θ_t", "Θ_0", "Θ_∞"}, new Color[] {Palette.BLUE, Palette.GREY, Palette.GREEN}, new boolean[] {false, true, true});
        } else {
            c.legend(g, new String[] {"Θ_t", "Θ_0"}, new Color[] {Palette.BLUE, Palette.GREY}, new boolean[] {false, true});
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
}
