package io.ntkstudio.figure;

import io.ntkstudio.engine.EnsembleSweep;
import io.ntkstudio.plotmath.Scale;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Many networks against the NTK Gaussian process as width grows (Lee et al. 2019): above, the
 * relative gap between the networks' mean and the GP mean on log–log axes, with the sampling error of K
 * exact GP draws (its RMS: a particular set lands above or below it); below, the ratio of their spread to the GP's,
 * which tends to 1.
 */
public final class EnsembleSweepChart {
    private EnsembleSweepChart() {
    }

    public static BufferedImage render(List<EnsembleSweep.Point> points, int steps, double scale, ChartTheme theme) {
        return FigureSet.picture(SweepChart.WIDTH, SweepChart.HEIGHT, scale, theme, painter(points, steps), null);
    }

    /** Exactly {@code widthPx} × {@code heightPx} pixels, text and lines at {@code scale}. */
    public static BufferedImage render(List<EnsembleSweep.Point> points, int steps, int widthPx, int heightPx, double scale,
                                       ChartTheme theme) {
        return FigureSet.pictureOfSize(widthPx, heightPx, scale, theme, painter(points, steps), null);
    }

    private static ViewKind.Painter painter(List<EnsembleSweep.Point> points, int steps) {
        return (g, w, h, in) -> {
            paint(g, w, h, points, steps);
            return null;
        };
    }

    static void paint(Graphics2D g, double w, double h, List<EnsembleSweep.Point> points, int steps) {
        int n = points.size();
        double[] width = new double[n];
        double[] gap = new double[n];
        double[] floor = new double[n];
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            EnsembleSweep.Point p = points.get(i);
            width[i] = p.width();
            gap[i] = p.meanGap();
            floor[i] = p.samplingFloor();
            ratio[i] = p.stdRatio();
        }
        double[] xr = {width[0] / 1.4, width[n - 1] * 1.4};
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : concat(gap, floor)) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double top = h * 0.56;
        int k = points.get(0).members();
        Chart c = Chart.draw(g, 0, 0, w, top, String.format(Locale.ROOT, "%d networks per width against the NTK Gaussian process, "
                + "%d steps", k, steps), "width", "‖mean − μ_t‖ / √Σ(μ_t² + σ_t²)", xr, true, Scale.padded(lo, hi, true), true, width);
        c.line(g, width, floor, Palette.GREY, 1.6f, true);
        c.line(g, width, gap, Palette.BLUE, 2.2f, false);
        c.dots(g, width, gap, Palette.BLUE, 3.5);
        c.legend(g, new String[] {"their mean against the GP mean", "sampling error of " + k + " exact GP draws (RMS)"},
                new Color[] {Palette.BLUE, Palette.GREY}, new boolean[] {false, true});
        double rlo = 1;
        double rhi = 1;
        for (double v : ratio) {
            if (Double.isFinite(v)) {
                rlo = Math.min(rlo, v);
                rhi = Math.max(rhi, v);
            }
        }
        Chart r = Chart.draw(g, 0, top, w, h - top, null, "width", "spread / GP spread", xr, true,
                Scale.padded(Math.min(0.5, rlo), Math.max(1.5, rhi), false), false, width);
        r.line(g, xr, new double[] {1, 1}, Palette.GREY, 1.4f, true);
        r.line(g, width, ratio, Palette.PURPLE, 2.2f, false);
        r.dots(g, width, ratio, Palette.PURPLE, 3.5);
        r.legend(g, new String[] {"their spread against the GP's (RMS σ)", "1: the GP's"},
                new Color[] {Palette.PURPLE, Palette.GREY}, new boolean[] {false, true});
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
