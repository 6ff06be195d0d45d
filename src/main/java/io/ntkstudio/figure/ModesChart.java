package io.ntkstudio.figure;

import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.plotmath.Scale;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Locale;

/**
 * The residual-mode view: the residual's energy along each eigenvector of Θ_0 against the
 * kernel-regime prediction (vᵢᵀr₀)² (1 − ηλᵢ/n)^{2t}, which shows spectral bias: large-λ
 * (low-frequency) modes go first (Jacot et al. 2018; Rahaman et al. 2019).
 */
public final class ModesChart {
    /** How many eigen-directions the mode chart shows at most. */
    public static final int MODES = 40;

    private ModesChart() {
    }

    /**
     * The residual's energy along eigenvectors of Θ_0: above, the few holding most energy at
     * initialisation followed over training (network solid, kernel regime dashed); below, when
     * there is room, every direction at the current step (network dots, kernel regime dashed).
     */
    public static void paint(Graphics2D g, double w, double h, ChartInputs in) {
        ModeTrajectories tr = in.modeTrajectories();
        PanelSplit split = PanelSplit.of(w, h, in);
        if (!split.first()) {
            modesNow(g, split.secondX(), split.secondY(), split.secondWidth(), split.secondHeight(), in);
            return;
        }
        double[] r = LogRange.withPredictions(tr.network(), tr.regime());
        // Six decades: enough to see each decay, while the finite-width floor stays out of the way;
        // but never above where a curve starts (a diverging run grows by many more).
        double start = Double.POSITIVE_INFINITY;
        for (Series curve : tr.network()) {
            if (curve.size() > 0 && curve.y()[0] > 0) {
                start = Math.min(start, curve.y()[0]);
            }
        }
        double lo = Math.max(r[0], Math.min(r[1] * 1e-6, start * 0.1));
        // a blow-up leaves through the top, six decades above the largest start
        double highest = 0;
        for (Series curve : tr.network()) {
            if (curve.size() > 0 && Double.isFinite(curve.y()[0])) {
                highest = Math.max(highest, curve.y()[0]);
            }
        }
        if (highest > 0 && r[1] > LogRange.BLOW_UP * highest) {
            r[1] = LogRange.BLOW_UP * highest;
            lo = Math.max(r[0], Math.min(r[1] * 1e-6, start * 0.1));
        }
        Chart c = Chart.draw(g, 0, 0, split.firstWidth(), split.firstHeight(), "residual along eigenvectors of Θ_0", "step",
                "(v_iᵀ r)²", new double[] {0, Math.max(1, r[2])}, false, Scale.padded(lo, r[1], true), true);
        String[] names = new String[tr.size() + 1];
        Color[] colors = new Color[names.length];
        boolean[] dashed = new boolean[names.length];
        for (int k = 0; k < tr.size(); k++) {
            colors[k] = Palette.TOP[k % Palette.TOP.length];
            c.line(g, tr.regime()[k], colors[k], 1.5f, true);
            c.line(g, tr.network()[k], colors[k], 2.2f, false);
            names[k] = String.format(Locale.ROOT, "i = %d, λ = %.3g", tr.modes()[k] + 1, tr.eigenvalues()[k]);
        }
        if (in.replaying()) {
            c.cursor(g, in.cursorStep());
        }
        names[tr.size()] = "kernel regime";
        colors[tr.size()] = Palette.GREY;
        dashed[tr.size()] = true;
        // Decays leave the lower right empty; the slow modes run along the top.
        c.legend(g, names, colors, dashed, new boolean[names.length], Chart.Corner.BOTTOM_RIGHT);
        if (split.both()) {
            modesNow(g, split.secondX(), split.secondY(), split.secondWidth(), split.secondHeight(), in);
        }
    }

    /** Every eigen-direction at the current step: network (dots) against kernel regime (dashed). */
    private static void modesNow(Graphics2D g, double x, double y, double w, double h, ChartInputs in) {
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
                hi = Math.max(hi, Math.min(v, measuredHi * LogRange.PREDICTION_HEADROOM));
            }
        }
        lo = Math.max(lo, hi * 1e-12);
        Chart c = Chart.draw(g, x, y, w, h, "every direction at step " + s.step(),
                "eigen-direction i (λ_i descending)", "(v_iᵀ r)²", new double[] {0.5, m + 0.5}, false,
                Scale.padded(lo, hi, true), true);
        c.line(g, idx, predicted, Palette.ORANGE, 2f, true);
        c.dots(g, idx, actual, Palette.BLUE, 3.5);
        c.legend(g, new String[] {"network", "kernel regime"}, new Color[] {Palette.BLUE, Palette.ORANGE},
                new boolean[] {false, true}, new boolean[] {true, false}, Chart.Corner.TOP_RIGHT);
    }
}
