package io.ntkstudio.figure;

import io.ntkstudio.data.Dataset;
import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.EnsembleView;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.linalg.ReadOnlyVector;
import io.ntkstudio.plotmath.ColorMap;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The learned function on class data: the test set's confusion matrices, true class down,
 * predicted class (the largest output) across, for the network, its kernel regime from Θ_0 and,
 * where it exists, from Θ_∞; for an ensemble, network 1, the mean of the K networks' outputs and
 * the NTK-GP's mean. A cell's shade is its share of the true class's points; its number is the
 * count. The title gives each accuracy.
 */
final class ConfusionChart {
    private ConfusionChart() {
    }

    /** Counts[true][predicted] of outputs {@code f} (C per point) on {@code test}. */
    static int[][] counts(Samples test, double[] f) {
        int c = test.classes();
        int[][] counts = new int[c][c];
        for (int i = 0; i < test.count(); i++) {
            counts[test.label(i)][Samples.predictedClass(f, i, c)]++;
        }
        return counts;
    }

    static void paint(Graphics2D g, double w, double h, TrainingSnapshot s) {
        Dataset data = s.context().data();
        Samples test = data.test();
        List<Shown> shown = shown(s);
        double top = 30;
        double label = 30;
        double gap = 16;
        // as many matrices as fit at a readable size, the network's first
        int k = shown.size();
        while (k > 1 && (w - gap * (k + 1) - label * k) / k < MIN_SIDE) {
            k--;
        }
        StringBuilder title = new StringBuilder("test accuracy:");
        for (int p = 0; p < shown.size(); p++) {
            title.append(p == 0 ? " " : ", ").append(shown.get(p).shortName()).append(' ')
                    .append(String.format(Locale.ROOT, "%.0f %%", 100 * test.accuracy(shown.get(p).outputs().toArray())));
        }
        ChartTheme theme = ChartTheme.of(g);
        g.setColor(theme.ink);
        // at large text the title shrinks (or is cut) to the view's width rather than running off it
        Chart.text(g, Chart.fitted(g, title.toString(), w - 8), w / 2, 6, 0.5, 0);
        int c = test.classes();
        double side = Math.max(20, Math.min((w - gap * (k + 1) - label * k) / k, h - top - label - 20));
        double cell = side / c;
        double x = (w - k * (side + label) - (k - 1) * gap) / 2 + label;
        for (int p = 0; p < k; p++) {
            int[][] counts = counts(test, shown.get(p).outputs().toArray());
            matrix(g, counts, data, x, top + 18, cell);
            g.setFont(Chart.LABEL_FONT);
            g.setColor(theme.ink);
            Chart.text(g, shown.get(p).name(), x + side / 2, top, 0.5, 0);
            Chart.text(g, "predicted", x + side / 2, top + 18 + side + 16, 0.5, 0);
            x += side + label + gap;
        }
    }

    /** One confusion matrix's source: its name over the matrix, in the title, and its test outputs. */
    private record Shown(String name, String shortName, ReadOnlyVector outputs) {
    }

    /** The network's, its kernel regimes'; for an ensemble network 1's, the members' mean and the NTK-GP's. */
    private static List<Shown> shown(TrainingSnapshot s) {
        List<Shown> shown = new ArrayList<>();
        EnsembleView e = s.ensemble();
        if (e == null) {
            shown.add(new Shown("network", "network", s.testOutputs()));
            shown.add(new Shown("kernel regime Θ_0", "Θ_0", s.regimeTest()));
            if (!s.limitRegimeTest().isEmpty()) {
                shown.add(new Shown("Θ_∞", "Θ_∞", s.limitRegimeTest()));
            }
            return shown;
        }
        shown.add(new Shown("network 1", "network 1", s.testOutputs()));
        shown.add(new Shown("mean of " + e.members().size() + " networks", "mean", e.mean()));
        if (e.hasGaussianProcess()) {
            shown.add(new Shown("NTK-GP mean", "NTK-GP", e.gpMean()));
        }
        return shown;
    }

    /** The smallest side of a matrix worth drawing: ten classes then get cells of 11 px. */
    private static final double MIN_SIDE = 110;

    private static void matrix(Graphics2D g, int[][] counts, Dataset data, double x0, double y0, double cell) {
        int c = counts.length;
        ChartTheme theme = ChartTheme.of(g);
        g.setFont(cell >= 22 ? Chart.TICK_FONT : Chart.TICK_FONT.deriveFont((float) Math.max(8, Math.min(11, cell - 1))));
        for (int t = 0; t < c; t++) {
            int total = 0;
            for (int q = 0; q < c; q++) {
                total += counts[t][q];
            }
            for (int q = 0; q < c; q++) {
                double share = total == 0 ? 0 : (double) counts[t][q] / total;
                Color fill = new Color(ColorMap.SEQUENTIAL.argb(share), true);
                g.setColor(fill);
                g.fill(new Rectangle2D.Double(x0 + q * cell, y0 + t * cell, cell, cell));
                if (counts[t][q] > 0 && cell >= 14) {
                    g.setColor(share > 0.6 ? Color.BLACK : Color.WHITE);
                    Chart.text(g, Integer.toString(counts[t][q]), x0 + (q + 0.5) * cell, y0 + (t + 0.5) * cell, 0.5, 0.5);
                }
            }
            g.setColor(theme.ink);
            Chart.text(g, data.className(t), x0 - 4, y0 + (t + 0.5) * cell, 1, 0.5);
            Chart.text(g, data.className(t), x0 + (t + 0.5) * cell, y0 + c * cell + 2, 0.5, 0);
        }
        g.setColor(theme.ink);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x0, y0, c * cell, c * cell));
    }
}
