package io.ntkstudio.figure;

import io.ntkstudio.engine.WidthSweep.Point;
import io.ntkstudio.engine.WidthSweep;
import io.ntkstudio.network.Parameterization;
import io.ntkstudio.plotmath.Scale;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Kernel change after training against width on log–log axes, one colour per parameterization,
 * each with its fitted slope; for NTK parameterization also the distance to Θ_∞ at
 * initialisation, with reference lines width^(−1/2) (the fluctuation at init, and Lee et al.
 * 2019's bound on the change) and width^(−1) (the change for smooth activations, Dyer & Gur-Ari 2019).
 */
public final class SweepChart {
    private static final Color[] COLORS = {Palette.BLUE, Palette.RED, Palette.PURPLE};
    /** The layout size of the picture at scale 1. */
    public static final int WIDTH = 760;
    public static final int HEIGHT = 520;

    private SweepChart() {
    }

    public static BufferedImage render(List<WidthSweep.Point> points, int steps, double scale) {
        return render(points, steps, scale, ChartTheme.LIGHT);
    }

    public static BufferedImage render(List<WidthSweep.Point> points, int steps, double scale, ChartTheme theme) {
        return FigureSet.picture(WIDTH, HEIGHT, scale, theme, painter(points, steps), null);
    }

    /** Exactly {@code widthPx} × {@code heightPx} pixels (a 16:9 slide: 1920 × 1080), text and lines at {@code scale}. */
    public static BufferedImage render(List<WidthSweep.Point> points, int steps, int widthPx, int heightPx, double scale,
                                       ChartTheme theme) {
        return FigureSet.pictureOfSize(widthPx, heightPx, scale, theme, painter(points, steps), null);
    }

    private static ViewKind.Painter painter(List<WidthSweep.Point> points, int steps) {
        return (g, w, h, in) -> {
            paint(g, w, h, points, steps);
            return null;
        };
    }

    static void paint(Graphics2D g, double w, double h, List<WidthSweep.Point> points, int steps) {
        double xMin = points.stream().mapToDouble(WidthSweep.Point::width).min().orElse(1);
        double xMax = points.stream().mapToDouble(WidthSweep.Point::width).max().orElse(10);
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = 0;
        for (WidthSweep.Point p : points) {
            for (double v : new double[] {p.kernelChange(), p.distanceToLimitAtInit(), p.weightChange()}) {
                if (v > 0 && Double.isFinite(v)) {
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                }
            }
        }
        double[] swept = points.stream().mapToDouble(WidthSweep.Point::width).distinct().sorted().toArray();
        Chart c = Chart.draw(g, 0, 0, w, h, "kernel and weight movement against width (" + steps + " steps)", "width", "relative distance",
                new double[] {xMin / 1.4, xMax * 1.4}, true, Scale.padded(yMin, yMax, true), true, swept);
        List<String> names = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        List<Boolean> dashed = new ArrayList<>();
        List<Parameterization> ps = points.stream().map(WidthSweep.Point::parameterization).distinct().toList();
        for (int k = 0; k < ps.size(); k++) {
            Parameterization p = ps.get(k);
            Color col = COLORS[k % COLORS.length];
            series(g, c, points, p, col, false);
            names.add(String.format(Locale.ROOT, "‖Θ_T − Θ_0‖/‖Θ_0‖, %s: slope %.2f", p.id(), WidthSweep.slope(points, p)));
            colors.add(col);
            dashed.add(false);
            if (p == Parameterization.NTK) {
                series(g, c, points, p, Palette.PURPLE, Point::weightChange);
                names.add(String.format(Locale.ROOT, "‖θ_T − θ_0‖/‖θ_0‖, ntk: slope %.2f", WidthSweep.weightSlope(points, p)));
                colors.add(Palette.PURPLE);
                dashed.add(false);
                series(g, c, points, p, Palette.GREEN, true);
                names.add(String.format(Locale.ROOT, "‖Θ_0 − Θ_∞‖/‖Θ_∞‖, ntk: slope %.2f", WidthSweep.limitSlope(points, p)));
                colors.add(Palette.GREEN);
                dashed.add(false);
                // Two rates to read the curves against: the init fluctuation's CLT rate, which also
                // bounds the change in training (Lee et al. 2019), through the green curve's start;
                // and the O(1/n) change in training of smooth activations (Dyer & Gur-Ari 2019)
                // through the blue one's. ReLU's kink puts its training change between the two.
                double atInit = mean(points, p, xMin, true);
                c.line(g, new double[] {xMin, xMax}, new double[] {atInit, atInit * Math.sqrt(xMin / xMax)}, Palette.GREY, 1.6f, true);
                names.add("width^(−1/2): fluctuation at init (Lee et al. 2019)");
                colors.add(Palette.GREY);
                dashed.add(true);
                double trained = mean(points, p, xMin, false);
                c.line(g, new double[] {xMin, xMax}, new double[] {trained, trained * xMin / xMax}, Palette.BROWN, 1.4f, true);
                names.add("width^(−1): change in training, smooth φ (Dyer & Gur-Ari 2019)");
                colors.add(Palette.BROWN);
                dashed.add(true);
                // each reference line named at its end, so it reads without the legend
                endLabel(g, c, xMin, atInit, xMax, atInit * Math.sqrt(xMin / xMax), "width^(−1/2)", Palette.GREY);
                endLabel(g, c, xMin, trained, xMax, trained * xMin / xMax, "width^(−1)", Palette.BROWN);
            }
        }
        // The curves fall from the top left, so the bottom-left corner is the empty one.
        c.legend(g, names, colors, dashed, true);
    }

    /**
     * {@code label} at the visible end of the straight (log–log) line from (x0, y0) to (x1, y1), in
     * the line's colour: just below its end, or above where it leaves the plot at the bottom.
     */
    private static void endLabel(Graphics2D g, Chart c, double x0, double y0, double x1, double y1, String label, Color color) {
        double low = c.yScale().lo();
        double x = x1;
        double y = y1;
        boolean leaves = y1 < low && y0 > low;
        if (leaves) {
            double t = (Math.log(low) - Math.log(y0)) / (Math.log(y1) - Math.log(y0));
            x = Math.exp(Math.log(x0) + t * (Math.log(x1) - Math.log(x0)));
            y = low;
        }
        double px = c.xScale().toPixel(x);
        double py = c.yScale().toPixel(y);
        if (!Double.isFinite(px) || !Double.isFinite(py)) {
            return;
        }
        g.setFont(Chart.TICK_FONT);
        g.setColor(color);
        if (leaves) {
            Chart.text(g, label, px - 6, py - 4, 1, 1);
        } else {
            Chart.text(g, label, px, py + 5, 1, 0);
        }
    }

    private static void series(Graphics2D g, Chart c, List<WidthSweep.Point> points, Parameterization p, Color col, boolean limit) {
        series(g, c, points, p, col, limit ? Point::distanceToLimitAtInit : Point::kernelChange);
    }

    /** Each seed's value of {@code f} faint, and the mean over seeds joined, for {@code p}. */
    private static void series(Graphics2D g, Chart c, List<WidthSweep.Point> points, Parameterization p, Color col,
                               ToDoubleFunction<Point> f) {
        List<WidthSweep.Point> mine = points.stream().filter(q -> q.parameterization() == p).toList();
        double[] x = mine.stream().mapToDouble(WidthSweep.Point::width).toArray();
        double[] y = mine.stream().mapToDouble(f).toArray();
        c.dots(g, x, y, new Color(col.getRed(), col.getGreen(), col.getBlue(), 110), 2.5);
        double[] widths = mine.stream().mapToDouble(WidthSweep.Point::width).distinct().sorted().toArray();
        double[] means = new double[widths.length];
        for (int i = 0; i < widths.length; i++) {
            double wi = widths[i];
            means[i] = mine.stream().filter(q -> q.width() == wi).mapToDouble(f).average().orElse(Double.NaN);
        }
        c.line(g, widths, means, col, 2.2f, false);
        c.dots(g, widths, means, col, 4.5);
    }

    private static double mean(List<WidthSweep.Point> points, Parameterization p, double width, boolean limit) {
        return points.stream().filter(q -> q.parameterization() == p && q.width() == width)
                .mapToDouble(q -> limit ? q.distanceToLimitAtInit() : q.kernelChange()).average().orElse(Double.NaN);
    }
}
