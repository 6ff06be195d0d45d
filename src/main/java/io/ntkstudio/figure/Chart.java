package io.ntkstudio.figure;

import io.ntkstudio.plotmath.ColumnDecimation;
import io.ntkstudio.plotmath.Scale;
import io.ntkstudio.plotmath.Ticks;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One chart's axes drawn with Java2D: frame, grid, ticks, labels, and data-to-pixel mapping. */
public final class Chart {
    public static final Color INK = new Color(0x222222);
    public static final Color GRID = new Color(0xE6E6E6);
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    final Scale xs;
    final Scale ys;
    final double left;
    final double top;
    final double right;
    final double bottom;
    private ChartTheme theme = ChartTheme.LIGHT;
    /** Where data has been drawn, on a grid of {@link #CELL}-pixel cells over the plot area: legends avoid it. */
    private final boolean[] ink;
    private final int inkCols;
    private final int inkRows;
    static final double CELL = 3;
    private int legendOverlap;
    private String title;
    /** This chart's number in a legend plan, or -1 without one. */
    private int planned = -1;
    /**
     * The plot height a band of legend columns above the plot must leave, when it takes more than
     * half: in a wide, low chart (compare mode's one row at 200 % text) half the height was too
     * little for seven entries, and the names landed on the curves instead.
     */
    private static final double MIN_PLOT_UNDER_BAND = 80;

    /** Room kept outside the plot for the legend: {x, y, columns}, with its {@link LegendPlan.Need}; else null. */
    private double[] kept;
    private LegendPlan.Need keptFor;
    /** A legend plan's first pass: note where data lies, draw nothing. */
    private boolean probing;
    /** The last legend box drawn: x, y, a column's width, a row's height (for tests); null before one. */
    private double[] legendBox;
    /** Where each drawn line ends (its last plotted vertex), for direct labels when no legend fits. */
    private final List<LineEnd> ends = new ArrayList<>();
    private int directLabelCount;

    private record LineEnd(Color color, boolean dashed, double x, double y) {
    }

    private Chart(Scale xs, Scale ys, double left, double top, double right, double bottom) {
        this.xs = xs;
        this.ys = ys;
        this.left = left;
        this.top = top;
        this.right = right;
        this.bottom = bottom;
        this.inkCols = Math.max(1, (int) Math.ceil((right - left) / CELL));
        this.inkRows = Math.max(1, (int) Math.ceil((bottom - top) / CELL));
        this.ink = new boolean[inkCols * inkRows];
    }

    /** Marks the plot cells within {@code r} pixels of (px, py) as holding data. */
    private void mark(double px, double py, double r) {
        claim(px - r, py - r, px + r, py + r);
    }

    /**
     * Marks a drawn segment, sampled every pixel, after clipping it to the plot area (Liang–Barsky):
     * a curve that leaves the chart (a diverging prediction at 1e57) costs no more than one across it.
     */
    private void markSegment(double x0, double y0, double x1, double y1, double r) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t0 = 0;
        double t1 = 1;
        // the four edges without arrays: this runs for every segment of every curve, every frame
        for (int k = 0; k < 4; k++) {
            double p = k == 0 ? -dx : k == 1 ? dx : k == 2 ? -dy : dy;
            double q = k == 0 ? x0 - (left - r) : k == 1 ? (right + r) - x0 : k == 2 ? y0 - (top - r) : (bottom + r) - y0;
            if (p == 0) {
                if (q < 0) {
                    return;
                }
            } else {
                double t = q / p;
                if (p < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (!(t0 <= t1)) {
            return;
        }
        double cx0 = x0 + t0 * dx;
        double cy0 = y0 + t0 * dy;
        x1 = x0 + t1 * dx;
        y1 = y0 + t1 * dy;
        x0 = cx0;
        y0 = cy0;
        double len = Math.hypot(x1 - x0, y1 - y0);
        int n = Math.max(1, (int) Math.ceil(len));
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            mark(x0 + t * (x1 - x0), y0 + t * (y1 - y0), r);
        }
    }

    /** How many data cells lie under the box (x, y, w, h). */
    private int inkUnder(double x, double y, double w, double h) {
        int count = 0;
        int c0 = Math.max(0, (int) Math.floor((x - left) / CELL));
        int c1 = Math.min(inkCols - 1, (int) Math.floor((x + w - left) / CELL));
        int r0 = Math.max(0, (int) Math.floor((y - top) / CELL));
        int r1 = Math.min(inkRows - 1, (int) Math.floor((y + h - top) / CELL));
        for (int row = r0; row <= r1; row++) {
            for (int col = c0; col <= c1; col++) {
                if (ink[row * inkCols + col]) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The data cells the last legend covers (0: none), for tests. */
    public int legendOverlap() {
        return legendOverlap;
    }

    public Scale xScale() {
        return xs;
    }

    public Scale yScale() {
        return ys;
    }

    /** Draws the axes in the box (x, y, w, h) and returns the chart for plotting into it. */
    public static Chart draw(Graphics2D g, double x, double y, double w, double h, String title, String xLabel,
                             String yLabel, double[] xRange, boolean xLog, double[] yRange, boolean yLog) {
        return draw(g, x, y, w, h, title, xLabel, yLabel, xRange, xLog, yRange, yLog, null);
    }

    /** As above, with the x ticks at {@code xTicks} (e.g. the widths a sweep trained) instead of round numbers. */
    public static Chart draw(Graphics2D g, double x, double y, double w, double h, String title, String xLabel,
                             String yLabel, double[] xRange, boolean xLog, double[] yRange, boolean yLog, double[] xTicks) {
        double left = x + 64;
        double right = x + w - 14;
        double top = y + (title == null ? 10 : 26);
        double bottom = y + h - 40;
        LegendPlan plan = LegendPlan.of(g);
        int planned = plan == null ? -1 : plan.nextChart();
        LegendPlan.Need room = plan == null ? null : plan.reservation(planned);
        double[] kept = null;
        if (room != null) {
            // the legend covered data wherever it went: keep room for it beside the plot, or above it
            double plotW = right - left;
            double plotH = bottom - top;
            int cols = Math.max(1, Math.min(room.entries(), (int) (plotW / room.width())));
            double band = Math.ceil((double) room.entries() / cols) * room.rowHeight() + 6;
            if (room.width() + 8 <= 0.4 * plotW && room.rowHeight() * room.entries() + 6 <= plotH) {
                right -= room.width() + 8;
                kept = new double[] {right + 8, top, 1};
            } else if (band + 4 <= Math.max(0.5 * plotH, plotH - MIN_PLOT_UNDER_BAND)) {
                kept = new double[] {left, top, cols};
                top += band + 4;
            }
        }
        Chart c = new Chart(new Scale(xRange[0], xRange[1], left, right, xLog),
                new Scale(yRange[0], yRange[1], bottom, top, yLog), left, top, right, bottom);
        c.planned = planned;
        c.kept = kept;
        c.keptFor = kept == null ? null : room;
        ChartTheme theme = ChartTheme.of(g);
        c.theme = theme;
        c.title = title;
        c.probing = plan != null && plan.probing();
        if (c.probing) {
            return c;
        }
        g.setColor(theme.plot);
        g.fill(new Rectangle2D.Double(left, top, right - left, bottom - top));
        List<Double> xt = xTicks != null ? Arrays.stream(xTicks).boxed().toList()
                : xLog ? Ticks.log(xRange[0], xRange[1], 6) : Ticks.linear(xRange[0], xRange[1], Math.max(2, (int) ((right - left) / 80)));
        List<Double> yt = yLog ? Ticks.log(yRange[0], yRange[1], 6) : Ticks.linear(yRange[0], yRange[1], Math.max(2, (int) ((bottom - top) / 40)));
        g.setStroke(new BasicStroke(1f));
        g.setFont(TICK_FONT);
        List<String> xLabels = Ticks.labels(xt, xLog && xTicks == null);
        for (int i = 0; i < xt.size(); i++) {
            double px = Math.round(c.xs.toPixel(xt.get(i))) + 0.5;
            g.setColor(theme.grid);
            g.draw(new Line2D.Double(px, top, px, bottom));
            g.setColor(theme.ink);
            g.draw(new Line2D.Double(px, bottom, px, bottom + 4));
            text(g, xLabels.get(i), px, bottom + 6, 0.5, 0);
        }
        List<String> yLabels = Ticks.labels(yt, yLog);
        for (int i = 0; i < yt.size(); i++) {
            double py = Math.round(c.ys.toPixel(yt.get(i))) + 0.5;
            g.setColor(theme.grid);
            g.draw(new Line2D.Double(left, py, right, py));
            g.setColor(theme.ink);
            g.draw(new Line2D.Double(left - 4, py, left, py));
            text(g, yLabels.get(i), left - 6, py, 1, 0.5);
        }
        g.setColor(theme.ink);
        g.draw(new Rectangle2D.Double(Math.round(left) + 0.5, Math.round(top) + 0.5, Math.round(right - left), Math.round(bottom - top)));
        g.setFont(LABEL_FONT);
        text(g, xLabel, (left + right) / 2, y + h - 4, 0.5, 1);
        if (title != null) {
            g.setColor(theme.ink);
            String shown = fitted(g, title, w - 8);
            text(g, shown, Math.max(x + 4 + MathText.width(g, shown) / 2, Math.min((left + right) / 2,
                    x + w - 4 - MathText.width(g, shown) / 2)), y + 6, 0.5, 0);
        }
        AffineTransform saved = g.getTransform();
        g.translate(x + 12, (top + bottom) / 2);
        g.rotate(-Math.PI / 2);
        g.setFont(LABEL_FONT);
        text(g, yLabel, 0, 0, 0.5, 0.5);
        g.setTransform(saved);
        return c;
    }

    /**
     * Sets the title font for {@code s} in {@code room} pixels: full size, or smaller down to 9 pt,
     * or cut with "…" as a last resort; returns the text to draw. A title never runs off its chart.
     */
    static String fitted(Graphics2D g, String s, double room) {
        for (float size = TITLE_FONT.getSize2D(); size >= 9f; size -= 0.5f) {
            g.setFont(TITLE_FONT.deriveFont(size));
            if (MathText.width(g, s) <= room) {
                return s;
            }
        }
        String cut = s;
        while (cut.length() > 1 && MathText.width(g, cut + "…") > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** Draws text anchored at (x, y): ax, ay in [0, 1] pick the anchor within its box. */
    public static void text(Graphics2D g, String s, double x, double y, double ax, double ay) {
        if (LegendPlan.probing(g)) {
            return;
        }
        FontMetrics fm = g.getFontMetrics();
        double w = MathText.width(g, s);
        double h = fm.getAscent() + fm.getDescent();
        MathText.draw(g, s, (float) (x - ax * w), (float) (y - ay * h + fm.getAscent()));
    }

    /**
     * Names each line at its right end, in its colour on the legend's background, for a chart too
     * small for a legend (a panel of the default grid). Labels sit left of the end, above or below
     * the line, whichever covers less data, and are pushed apart so that none overlaps another;
     * when they would still cover data, they go together where they cover least. A name whose
     * line was not drawn (nothing plottable) is left out.
     */
    private void directLabels(Graphics2D g, String[] names, Color[] colors, boolean[] dashed) {
        Font font = TICK_FONT.deriveFont(9f);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        double rowH = fm.getAscent() + fm.getDescent() + 1;
        List<double[]> boxes = new ArrayList<>();
        List<Integer> which = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            LineEnd end = null;
            for (LineEnd e : ends) {
                if (e.color().equals(colors[i]) && e.dashed() == dashed[i]) {
                    end = e;
                }
            }
            if (end == null) {
                continue;
            }
            double tw = MathText.width(g, names[i]) + 6;
            double bx = Math.max(left + 2, Math.min(end.x(), right - 2) - tw);
            double above = Math.max(top + 1, end.y() - rowH - 2);
            double below = Math.min(bottom - rowH - 1, end.y() + 2);
            double by = inkUnder(bx, above, tw, rowH) <= inkUnder(bx, below, tw, rowH) ? above : below;
            boxes.add(new double[] {bx, by, tw, rowH});
            which.add(i);
        }
        // push overlapping labels apart, top to bottom, then back inside the plot
        Integer[] order = new Integer[boxes.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (p, q) -> Double.compare(boxes.get(p)[1], boxes.get(q)[1]));
        for (int k = 1; k < order.length; k++) {
            double[] prev = boxes.get(order[k - 1]);
            double[] cur = boxes.get(order[k]);
            cur[1] = Math.max(cur[1], prev[1] + rowH);
        }
        double overflow = order.length == 0 ? 0 : boxes.get(order[order.length - 1])[1] + rowH - (bottom - 1);
        for (int k = 0; k < order.length && overflow > 0; k++) {
            boxes.get(order[k])[1] = Math.max(top + 1 + k * rowH, boxes.get(order[k])[1] - overflow);
        }
        int atEnds = 0;
        double blockW = 0;
        for (double[] b : boxes) {
            atEnds += inkUnder(b[0], b[1], b[2], b[3]);
            blockW = Math.max(blockW, b[2]);
        }
        // lines that end together stack their names over the data: then the names go, as one
        // block in the order given, wherever in the plot they cover least
        double blockH = boxes.size() * rowH;
        if (atEnds > 0 && blockH < bottom - top - 2) {
            double[][] spots = {{right - blockW - 2, top + 2}, {left + 2, top + 2}, {right - blockW - 2, bottom - blockH - 2},
                    {left + 2, bottom - blockH - 2}, {(left + right - blockW) / 2, top + 2}, {(left + right - blockW) / 2, bottom - blockH - 2},
                    {left + 2, (top + bottom - blockH) / 2}, {right - blockW - 2, (top + bottom - blockH) / 2}};
            double[] best = null;
            int least = atEnds;
            for (double[] spot : spots) {
                int under = inkUnder(spot[0], spot[1], blockW, blockH);
                if (under < least) {
                    least = under;
                    best = spot;
                }
            }
            if (best != null) {
                for (int k = 0; k < boxes.size(); k++) {
                    double[] b = boxes.get(k);
                    b[0] = best[0] + blockW - b[2];
                    b[1] = best[1] + k * rowH;
                }
            }
        }
        int covered = 0;
        for (int k = 0; k < boxes.size(); k++) {
            double[] b = boxes.get(k);
            covered += inkUnder(b[0], b[1], b[2], b[3]);
            if (probing) {
                continue;
            }
            g.setColor(theme.legend);
            g.fill(new Rectangle2D.Double(b[0], b[1], b[2], b[3]));
            g.setColor(colors[which.get(k)]);
            text(g, names[which.get(k)], b[0] + 3, b[1] + b[3] / 2, 0, 0.5);
        }
        legendOverlap = covered;
        directLabelCount = boxes.size();
        LegendAudit.report(g, title, covered, "direct labels");
        LegendAudit.reportUnnamed(g, title, names.length - boxes.size(), names.length);
    }

    /** How many lines the last legend named directly at their ends (0: a legend box, or nothing). */
    double[] legendBox() {
        return legendBox;
    }

    public int directLabels() {
        return directLabelCount;
    }

    private static double legendWidth(Graphics2D g, Font font, String[] names) {
        Font saved = g.getFont();
        g.setFont(font);
        double w = 0;
        for (String n : names) {
            w = Math.max(w, MathText.width(g, n));
        }
        g.setFont(saved);
        return w + 42;
    }

    private boolean plottable(double xv, double yv) {
        return Double.isFinite(xv) && Double.isFinite(yv) && (!xs.log() || xv > 0) && (!ys.log() || yv > 0);
    }

    public void line(Graphics2D g, Series s, Color c, float width, boolean dashed) {
        line(g, s.x(), s.y(), c, width, dashed);
    }

    public void line(Graphics2D g, double[] x, double[] y, Color c, float width, boolean dashed) {
        Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(left, top, right - left, bottom - top));
        g.setColor(c);
        width *= theme.lineScale;
        g.setStroke(dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        LineScratch scratch = LineScratch.forPoints(x.length);
        Path2D.Double path = scratch.path;
        double[] px = scratch.px;
        double[] py = scratch.py;
        int run = 0;
        for (int i = 0; i <= x.length; i++) {
            if (i < x.length && plottable(x[i], y[i])) {
                px[run] = xs.toPixel(x[i]);
                py[run] = ys.toPixel(y[i]);
                run++;
                continue;
            }
            // a run of plottable points ends here (or the data does)
            if (run == 1) {
                if (!probing) {
                    isolated(g, px[0], py[0], width);
                }
                mark(px[0], py[0], Math.max(2, 1.3 * width));
            } else if (run > 1) {
                int kept = ColumnDecimation.m4(px, py, run, px, py);
                ends.add(new LineEnd(c, dashed, px[kept - 1], py[kept - 1]));
                path.moveTo(px[0], py[0]);
                for (int k = 1; k < kept; k++) {
                    markSegment(px[k - 1], py[k - 1], px[k], py[k], width / 2);
                    path.lineTo(px[k], py[k]);
                }
            }
            run = 0;
        }
        if (!probing) {
            g.draw(path);
        }
        g.setClip(clip);
    }

    /**
     * Claims the box [x0, x1] × [y0, y1] (pixels) of the plot for a note written on it, so that a
     * legend placed afterwards keeps off it as it keeps off the data.
     */
    public void claim(double x0, double y0, double x1, double y1) {
        int c0 = (int) Math.floor((x0 - left) / CELL);
        int c1 = (int) Math.floor((x1 - left) / CELL);
        int r0 = (int) Math.floor((y0 - top) / CELL);
        int r1 = (int) Math.floor((y1 - top) / CELL);
        for (int row = Math.max(0, r0); row <= Math.min(inkRows - 1, r1); row++) {
            for (int col = Math.max(0, c0); col <= Math.min(inkCols - 1, c1); col++) {
                ink[row * inkCols + col] = true;
            }
        }
    }

    /**
     * The replay cursor: a vertical line across the plot at step {@code x}, labelled with the step
     * at its top. Drawn after the curves and before the legend, which then avoids it.
     */
    public void cursor(Graphics2D g, double x) {
        double px = xs.toPixel(x);
        if (!Double.isFinite(px) || px < left - 0.5 || px > right + 0.5) {
            return;
        }
        g.setColor(theme.ink);
        g.setStroke(new BasicStroke(1.3f * theme.lineScale));
        if (!probing) {
            g.draw(new Line2D.Double(px, top, px, bottom));
        }
        markSegment(px, top, px, bottom, 1);
        String label = String.format(Locale.ROOT, "step %,d", Math.round(x));
        g.setFont(TICK_FONT);
        double textWidth = g.getFontMetrics().stringWidth(label);
        boolean rightOfLine = px + 4 + textWidth <= right;
        double tx = rightOfLine ? px + 4 : px - 4;
        Chart.text(g, label, tx, top + 3, rightOfLine ? 0 : 1, 0);
        mark(rightOfLine ? px + 4 + textWidth / 2 : px - 4 - textWidth / 2, top + 8, Math.max(6, textWidth / 2));
    }

    /** A filled band between {@code low} and {@code high} over {@code x} (points that are not plottable are skipped). */
    public void band(Graphics2D g, double[] x, double[] low, double[] high, Color fill) {
        if (probing) {
            return;
        }
        Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(left, top, right - left, bottom - top));
        Path2D.Double path = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < x.length; i++) {
            if (plottable(x[i], high[i])) {
                if (started) {
                    path.lineTo(xs.toPixel(x[i]), ys.toPixel(high[i]));
                } else {
                    path.moveTo(xs.toPixel(x[i]), ys.toPixel(high[i]));
                    started = true;
                }
            }
        }
        for (int i = x.length - 1; i >= 0; i--) {
            if (started && plottable(x[i], low[i])) {
                path.lineTo(xs.toPixel(x[i]), ys.toPixel(low[i]));
            }
        }
        if (started) {
            path.closePath();
            g.setColor(fill);
            g.fill(path);
        }
        g.setClip(clip);
    }

    /** A point with no neighbour to join (e.g. a curve's only value so far) shows as a dot. */
    private static void isolated(Graphics2D g, double px, double py, float width) {
        double r = Math.max(2, 1.3 * width);
        g.fill(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
    }

    public void dots(Graphics2D g, double[] x, double[] y, Color fill, double radius) {
        Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(left, top, right - left, bottom - top));
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < x.length; i++) {
            if (plottable(x[i], y[i])) {
                Ellipse2D.Double e = new Ellipse2D.Double(xs.toPixel(x[i]) - radius, ys.toPixel(y[i]) - radius, 2 * radius, 2 * radius);
                mark(xs.toPixel(x[i]), ys.toPixel(y[i]), radius);
                if (probing) {
                    continue;
                }
                g.setColor(fill);
                g.fill(e);
                g.setColor(theme.plot);
                g.draw(e);
            }
        }
        g.setClip(clip);
    }

    /** A ring of {@code radius} around each point: the points of a minibatch, over their dots. */
    public void rings(Graphics2D g, double[] x, double[] y, Color stroke, double radius) {
        Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(left, top, right - left, bottom - top));
        g.setStroke(new BasicStroke(1.6f));
        for (int i = 0; i < x.length; i++) {
            if (plottable(x[i], y[i])) {
                mark(xs.toPixel(x[i]), ys.toPixel(y[i]), radius);
                if (!probing) {
                    g.setColor(stroke);
                    g.draw(new Ellipse2D.Double(xs.toPixel(x[i]) - radius, ys.toPixel(y[i]) - radius, 2 * radius, 2 * radius));
                }
            }
        }
        g.setClip(clip);
    }

    /** A legend box in the top-right corner of the plot area. */
    public void legend(Graphics2D g, String[] names, Color[] colors, boolean[] dashed) {
        legend(g, names, colors, dashed, false);
    }

    /** As {@link #legend(Graphics2D, String[], Color[], boolean[], boolean)}, from lists built up entry by entry. */
    public void legend(Graphics2D g, List<String> names, List<Color> colors, List<Boolean> dashed, boolean bottomLeft) {
        legend(g, names.toArray(new String[0]), colors.toArray(new Color[0]), flags(dashed), bottomLeft);
    }

    /** As {@link #legend(Graphics2D, List, List, List, boolean)}, top right, its last entry (the train points) a dot like the points. */
    public void legendEndingInPoints(Graphics2D g, List<String> names, List<Color> colors, List<Boolean> dashed) {
        boolean[] dot = new boolean[names.size()];
        dot[dot.length - 1] = true;
        legend(g, names.toArray(new String[0]), colors.toArray(new Color[0]), flags(dashed), dot, Corner.TOP_RIGHT);
    }

    private static boolean[] flags(List<Boolean> b) {
        boolean[] f = new boolean[b.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = b.get(i);
        }
        return f;
    }

    /** A legend box in the top-right corner of the plot area, or the bottom-left one. */
    public void legend(Graphics2D g, String[] names, Color[] colors, boolean[] dashed, boolean bottomLeft) {
        legend(g, names, colors, dashed, new boolean[names.length], bottomLeft ? Corner.BOTTOM_LEFT : Corner.TOP_RIGHT);
    }

    /** Where a legend sits in the plot area. */
    public enum Corner { TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT }

    /** A legend in that corner; entries with {@code dot} set show a dot (for {@link #dots}) instead of a line. */
    public void legend(Graphics2D g, String[] names, Color[] colors, boolean[] dashed, boolean[] dot, Corner corner) {
        if (kept != null) {
            Font font = TICK_FONT.deriveFont(keptFor.fontSize());
            int cols = (int) kept[2];
            double rowH = keptFor.rowHeight();
            double h = Math.ceil((double) names.length / cols) * rowH + 6;
            legendOverlap = inkUnder(kept[0], kept[1], cols * keptFor.width(), h);
            LegendAudit.report(g, title, legendOverlap, "legend beside the plot");
            box(g, names, colors, dashed, dot, kept[0], kept[1], keptFor.width(), rowH, cols, font);
            return;
        }
        // A legend may cover at most half the plot: shrink it, and leave it out if it still would.
        Font font = TICK_FONT;
        double rowH = 16;
        double w = legendWidth(g, font, names);
        double h = rowH * names.length + 6;
        if (w > 0.5 * (right - left) || h > 0.5 * (bottom - top)) {
            font = TICK_FONT.deriveFont(9f);
            rowH = 12;
            w = legendWidth(g, font, names);
            h = rowH * names.length + 6;
            if (w > 0.6 * (right - left) || h > 0.6 * (bottom - top)) {
                // too big for the plot: the plan keeps room for the box beside or above it; only a
                // chart too small for that too names its lines where they end
                need(g, w, rowH, names.length, font);
                if (!probing) {
                    directLabels(g, names, colors, dashed);
                }
                return;
            }
        }
        g.setFont(font);
        // The preferred corner first, then the other places, the first that covers no data wins;
        // failing that, the one covering least (legendOverlap() reports it).
        double[][] spots = {
                {corner == Corner.BOTTOM_LEFT ? left + 6 : right - w - 6, corner == Corner.TOP_RIGHT ? top + 6 : bottom - h - 6},
                {right - w - 6, top + 6}, {left + 6, top + 6}, {right - w - 6, bottom - h - 6}, {left + 6, bottom - h - 6},
                {(left + right - w) / 2, top + 6}, {(left + right - w) / 2, bottom - h - 6},
                {left + 6, (top + bottom - h) / 2}, {right - w - 6, (top + bottom - h) / 2}};
        double x = spots[0][0];
        double y = spots[0][1];
        int best = Integer.MAX_VALUE;
        for (double[] spot : spots) {
            int under = inkUnder(spot[0], spot[1], w, h);
            if (under < best) {
                best = under;
                x = spot[0];
                y = spot[1];
            }
            if (under == 0) {
                break;
            }
        }
        legendOverlap = best;
        LegendAudit.report(g, title, best, "legend");
        if (best > 0) {
            need(g, w, rowH, names.length, font);
        }
        box(g, names, colors, dashed, dot, x, y, w, rowH, 1, font);
    }

    /** In a plan's first pass: this chart's legend covered data, and needs a box this size. */
    private void need(Graphics2D g, double w, double rowH, int entries, Font font) {
        LegendPlan plan = LegendPlan.of(g);
        if (plan != null && plan.probing() && planned >= 0) {
            plan.needs(planned, new LegendPlan.Need(w, rowH, entries, font.getSize2D()));
        }
    }

    /** A legend box at (x, y): entries in {@code cols} columns of width {@code colW}, filled row by row. */
    private void box(Graphics2D g, String[] names, Color[] colors, boolean[] dashed, boolean[] dot, double x, double y,
                     double colW, double rowH, int cols, Font font) {
        if (probing) {
            return;
        }
        int rows = (int) Math.ceil((double) names.length / cols);
        double w = colW * cols;
        double h = rows * rowH + 6;
        legendBox = new double[] {x, y, colW, rowH};
        g.setFont(font);
        g.setColor(theme.legend);
        g.fill(new Rectangle2D.Double(x, y, w, h));
        g.setColor(theme.grid);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x, y, w, h));
        for (int i = 0; i < names.length; i++) {
            double ex = x + colW * (i % cols);
            double cy = y + 3 + rowH * (i / cols + 0.5);
            // a faint colour (one of many networks, a band) is drawn legibly in the key, lighter than the bold ones
            Color c = colors[i].getAlpha() < 150 ? new Color(colors[i].getRed(), colors[i].getGreen(), colors[i].getBlue(), 150)
                    : colors[i];
            float width = colors[i].getAlpha() < 150 ? 3f : 2f;
            g.setColor(c);
            g.setStroke(dashed[i] ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 3f}, 0f)
                    : new BasicStroke(width));
            if (dot[i]) {
                g.fill(new Ellipse2D.Double(ex + 14.5, cy - 3.5, 7, 7));
            } else {
                g.draw(new Line2D.Double(ex + 6, cy, ex + 30, cy));
            }
            g.setColor(theme.ink);
            text(g, names[i], ex + 36, cy, 0, 0.5);
        }
    }
}
