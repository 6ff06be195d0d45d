package io.ntkstudio.figure;

import io.ntkstudio.engine.ScaleSweep;
import io.ntkstudio.plotmath.Scale;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Kernel change after training against the output scale α on log–log axes, each seed a faint dot,
 * the mean over seeds a line with its fitted slope, and the α^(−1) reference of Chizat, Oyallon &amp;
 * Bach 2019 through the mean at the largest α.
 */
public final class ScaleSweepChart {
    private ScaleSweepChart() {
    }

    public static BufferedImage render(List<ScaleSweep.Point> points, int width, int steps, double scale, ChartTheme theme) {
        return FigureSet.picture(SweepChart.WIDTH, SweepChart.HEIGHT, scale, theme, painter(points, width, steps), null);
    }

    /** Exactly {@code widthPx} × {@code heightPx} pixels, text and lines at {@code scale}. */
    public static BufferedImage render(List<ScaleSweep.Point> points, int width, int steps, int widthPx, int heightPx,
                                       double scale, ChartTheme theme) {
        return FigureSet.pictureOfSize(widthPx, heightPx, scale, theme, painter(points, width, steps), null);
    }

    private static ViewKind.Painter painter(List<ScaleSweep.Point> points, int width, int steps) {
        return (g, w, h, in) -> {
            paint(g, w, h, points, width, steps);
            return null;
        };
    }

    static void paint(Graphics2D g, double w, double h, List<ScaleSweep.Point> points, int width, int steps) {
        double[] alphas = points.stream().mapToDouble(ScaleSweep.Point::outputScale).distinct().sorted().toArray();
        double[] means = new double[alphas.length];
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = 0;
        for (ScaleSweep.Point p : points) {
            if (p.kernelChange() > 0) {
                yMin = Math.min(yMin, p.kernelChange());
                yMax = Math.max(yMax, p.kernelChange());
            }
        }
        for (int i = 0; i < alphas.length; i++) {
            means[i] = ScaleSweep.mean(points, alphas[i]);
        }
        // through the largest α, where the lazy regime holds best (a small α is not lazy at all)
        double last = means[means.length - 1];
        double ref = last * alphas[alphas.length - 1] / alphas[0];
        yMax = Math.max(yMax, Math.min(ref, 10 * yMax));
        Chart c = Chart.draw(g, 0, 0, w, h, String.format(Locale.ROOT, "lazy by scaling: width %d, %d steps", width, steps),
                "output scale α", "‖Θ_T − Θ_0‖ / ‖Θ_0‖", new double[] {alphas[0] / 1.4, alphas[alphas.length - 1] * 1.4}, true,
                Scale.padded(yMin, yMax, true), true);
        double[] x = points.stream().mapToDouble(ScaleSweep.Point::outputScale).toArray();
        double[] y = points.stream().mapToDouble(ScaleSweep.Point::kernelChange).toArray();
        c.dots(g, x, y, new Color(Palette.BLUE.getRed(), Palette.BLUE.getGreen(), Palette.BLUE.getBlue(), 110), 2.5);
        c.line(g, new double[] {alphas[0], alphas[alphas.length - 1]}, new double[] {ref, last}, Palette.GREY, 1.6f, true);
        c.line(g, alphas, means, Palette.BLUE, 2.2f, false);
        c.dots(g, alphas, means, Palette.BLUE, 4.5);
        c.legend(g, new String[] {String.format(Locale.ROOT, "mean over seeds: slope %.2f", ScaleSweep.slope(points)),
                "α^(−1) (Chizat, Oyallon & Bach 2019)"}, new Color[] {Palette.BLUE, Palette.GREY}, new boolean[] {false, true}, true);
    }
}
