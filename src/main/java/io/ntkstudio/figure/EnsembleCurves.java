package io.ntkstudio.figure;

import io.ntkstudio.engine.EnsembleView;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Arrays;
import java.util.List;

/**
 * The learned function of an ensemble run: the members as thin lines (at most {@link #DRAWN}),
 * their mean with a ±2σ band, and the NTK Gaussian process mean with its ±2σ band outlined and
 * dashed (Lee et al. 2019, Sec. 2.3): many random networks against the infinite-width prediction;
 * for contrast, when asked, the NNGP posterior K(x, X) K⁻¹ y ± 2√(K(x, x) − K(x, X) K⁻¹ K(X, x))
 * (Bayesian inference with the NNGP kernel alone, Lee et al. 2018), thin and dashed in green.
 * Arrays are in the chart's order of the test inputs.
 */
final class EnsembleCurves {
    static final int DRAWN = 16;
    static final Color MEMBER = new Color(31, 119, 180, 70);
    static final Color BAND = new Color(31, 119, 180, 45);
    /** The mean train loss of the ensemble, drawn bold over the members' faint ones. */
    static final Color MEAN_LOSS = new Color(0x0B2F55);
    private final double[][] members;
    private final double[] mean;
    private final double[] low;
    private final double[] high;
    private final double[] gpMean;
    private final double[] gpLow;
    private final double[] gpHigh;
    private final double[] nngpMean;
    private final double[] nngpLow;
    private final double[] nngpHigh;
    private final int count;

    EnsembleCurves(int[] order, EnsembleView e, boolean showNngp) {
        int m = order.length;
        count = e.members().size();
        members = new double[Math.min(DRAWN, count)][m];
        mean = new double[m];
        low = new double[m];
        high = new double[m];
        boolean gp = e.hasGaussianProcess();
        gpMean = new double[gp ? m : 0];
        gpLow = new double[gpMean.length];
        gpHigh = new double[gpMean.length];
        nngpMean = new double[showNngp && !e.nngpMean().isEmpty() ? m : 0];
        nngpLow = new double[nngpMean.length];
        nngpHigh = new double[nngpMean.length];
        for (int k = 0; k < m; k++) {
            int i = order[k];
            for (int j = 0; j < members.length; j++) {
                members[j][k] = e.members().get(j).get(i);
            }
            mean[k] = e.mean().get(i);
            double sd = e.std().get(i);
            low[k] = mean[k] - 2 * sd;
            high[k] = mean[k] + 2 * sd;
            if (gp) {
                gpMean[k] = e.gpMean().get(i);
                gpLow[k] = gpMean[k] - 2 * e.gpStd().get(i);
                gpHigh[k] = gpMean[k] + 2 * e.gpStd().get(i);
            }
            if (nngpMean.length > 0) {
                nngpMean[k] = e.nngpMean().get(i);
                nngpLow[k] = nngpMean[k] - 2 * e.nngpStd().get(i);
                nngpHigh[k] = nngpMean[k] + 2 * e.nngpStd().get(i);
            }
        }
    }

    /**
     * The mean over the networks of their train losses, (1/K) Σ_k L_k(t), at the steps every
     * network has logged (the networks train in lockstep, so their logs share their steps).
     */
    static Series meanLoss(Series own, List<Series> others) {
        int n = own.size();
        for (Series o : others) {
            n = Math.min(n, o.size());
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double sum = own.y()[i];
            boolean aligned = true;
            for (Series o : others) {
                aligned &= o.x()[i] == own.x()[i];
                sum += o.y()[i];
            }
            if (aligned) {
                x[k] = own.x()[i];
                y[k++] = sum / (others.size() + 1);
            }
        }
        return new Series(Arrays.copyOf(x, k), Arrays.copyOf(y, k));
    }

    boolean hasGaussianProcess() {
        return gpMean.length > 0;
    }

    boolean hasNngp() {
        return nngpMean.length > 0;
    }

    int count() {
        return count;
    }

    /** {lo, hi} widened to hold every curve and band drawn. */
    double[] range(double lo, double hi) {
        for (double[] a : new double[][] {low, high, gpLow, gpHigh, nngpLow, nngpHigh}) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    void draw(Graphics2D g, Chart c, double[] x) {
        draw(g, c, x, Palette.BLUE, Palette.PURPLE);
        if (hasNngp()) {
            c.line(g, x, nngpLow, Palette.GREEN, 1f, true);
            c.line(g, x, nngpHigh, Palette.GREEN, 1f, true);
            c.line(g, x, nngpMean, Palette.GREEN, 1.4f, true);
        }
        c.line(g, x, mean, Palette.BLUE, 2.6f, false);
    }

    /** The faint colour of one of several networks drawn in {@code line}. */
    static Color member(Color line) {
        return new Color(line.getRed(), line.getGreen(), line.getBlue(), MEMBER.getAlpha());
    }

    /**
     * The members thin and their ±2σ band in {@code line}'s colour, the Gaussian process dashed in
     * {@code gp} (null: not drawn), and their mean bold: one run of compare mode's overlay.
     */
    void drawAs(Graphics2D g, Chart c, double[] x, Color line, Color gp) {
        draw(g, c, x, line, gp);
        c.line(g, x, mean, line, 2.6f, false);
    }

    /** Whether {@code other}'s Gaussian process is this one's (the same limit: runs that differ only in width). */
    boolean sameGaussianProcess(EnsembleCurves other) {
        return hasGaussianProcess() && other.hasGaussianProcess() && Arrays.equals(gpMean, other.gpMean)
                && Arrays.equals(gpLow, other.gpLow);
    }

    private void draw(Graphics2D g, Chart c, double[] x, Color line, Color gp) {
        c.band(g, x, low, high, new Color(line.getRed(), line.getGreen(), line.getBlue(), BAND.getAlpha()));
        for (double[] member : members) {
            c.line(g, x, member, member(line), 1f, false);
        }
        if (hasGaussianProcess() && gp != null) {
            c.line(g, x, gpLow, gp, 1.3f, true);
            c.line(g, x, gpHigh, gp, 1.3f, true);
            c.line(g, x, gpMean, gp, 2f, true);
        }
    }
}
