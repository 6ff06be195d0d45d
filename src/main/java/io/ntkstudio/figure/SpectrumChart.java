package io.ntkstudio.figure;

import io.ntkstudio.engine.RunContext;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.linalg.ReadOnlyVector;
import io.ntkstudio.plotmath.Scale;
import io.ntkstudio.network.TrainingRule;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The eigenspectrum view: eigenvalues of the train kernel in descending order for Θ_t, Θ_0 and
 * Θ_∞, and below, the top eigenvalues over training against the stable limit (mode i of the
 * linearised model is multiplied by 1 − ηλ_i/n per step; Lee et al. 2019).
 */
public final class SpectrumChart {
    private SpectrumChart() {
    }

    /** Eigenvalues in descending order (Θ_t, Θ_0, Θ_∞) and the top eigenvalues over training. */
    public static void paint(Graphics2D g, double w, double h, ChartInputs in) {
        PanelSplit split = PanelSplit.of(w, h, in);
        if (split.first()) {
            switch (in.view().spectrum()) {
                case EIGENVALUES -> eigenvalues(g, split, in);
                case ALIGNMENT -> alignment(g, split, in);
            }
        }
        if (split.both()) {
            topOverTraining(g, split, in);
        }
    }

    /** Eigenvalues in descending order: Θ_t, Θ_0, Θ_∞ and, with several networks, their mean kernel's. */
    private static void eigenvalues(Graphics2D g, PanelSplit split, ChartInputs in) {
        RunContext ctx = in.snapshot().context();
        TrainingSnapshot ks = in.kernelSnapshot();
        ReadOnlyVector now = ks != null && ks.hasKernel() ? ks.eigenvalues() : ctx.eigenvaluesInit();
        ReadOnlyVector init = ctx.eigenvaluesInit();
        // another of several networks, when one is chosen: its own Θ_t and Θ_0
        boolean several = ks != null && ks.hasKernel() && ks.ensemble() != null && !ks.ensemble().kernels().isEmpty();
        int k = several ? Math.min(in.network(), ks.ensemble().kernels().size() - 1) : 0;
        if (k > 0) {
            now = MemberSpectra.of(ks.ensemble().kernels().get(k));
            init = MemberSpectra.of(ks.ensemble().kernelsInit().get(k));
        }
        ReadOnlyVector limit = ctx.eigenvaluesLimit();
        // with several networks, the spectrum of their mean kernel too
        ReadOnlyVector mean = ks != null && ks.hasKernel() && ks.ensemble() != null && !ks.ensemble().meanKernelEigenvalues().isEmpty()
                ? ks.ensemble().meanKernelEigenvalues() : null;
        int networks = mean == null ? 0 : ks.ensemble().kernels().size();
        int n = init.size();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (ReadOnlyVector v : new ReadOnlyVector[] {now, init, limit, mean}) {
            for (int i = 0; v != null && i < v.size(); i++) {
                if (v.get(i) > 0) {
                    min = Math.min(min, v.get(i));
                    max = Math.max(max, v.get(i));
                }
            }
        }
        Chart c = Chart.draw(g, 0, 0, split.firstWidth(), split.firstHeight(), "eigenvalues, descending", "index i", "λ_i",
                new double[] {0.5, n + 0.5}, false, Scale.padded(min, max, true), true);
        if (limit != null) {
            c.line(g, index(n), limit.toArray(), Palette.GREEN, 1.6f, true);
        }
        c.line(g, index(n), init.toArray(), Palette.GREY, 1.6f, true);
        c.line(g, index(now.size()), now.toArray(), Palette.BLUE, 2.2f, false);
        if (now.size() <= 128) {
            c.dots(g, index(now.size()), now.toArray(), Palette.BLUE, 2.5);
        }
        if (mean != null) {
            c.line(g, index(mean.size()), mean.toArray(), Palette.PURPLE, 2f, false);
        }
        List<String> legendNames = new ArrayList<>(List.of(mean == null ? "Θ_t" : "Θ_t, network " + (k + 1),
                k > 0 ? "Θ_0, network " + (k + 1) : "Θ_0"));
        List<Color> legendColors = new ArrayList<>(List.of(Palette.BLUE, Palette.GREY));
        List<Boolean> legendDashed = new ArrayList<>(List.of(false, true));
        if (limit != null) {
            legendNames.add("Θ_∞");
            legendColors.add(Palette.GREEN);
            legendDashed.add(true);
        }
        if (mean != null) {
            legendNames.add("mean Θ_t of the " + networks);
            legendColors.add(Palette.PURPLE);
            legendDashed.add(false);
        }
        c.legend(g, legendNames, legendColors, legendDashed, false);
    }

    /**
     * The task–model alignment C(k) = Σ_{i≤k} (vᵢᵀ y)² / ‖y‖² against k for Θ_t, Θ_0 and Θ_∞
     * (Canatar, Bordelon &amp; Pehlevan 2021): how much of the target the top k modes hold. The modes
     * that hold it are learned first, at rate ηλ_i/n; a kernel that learns features moves the
     * target into its top modes, and its curve rises.
     */
    private static void alignment(Graphics2D g, PanelSplit split, ChartInputs in) {
        RunContext ctx = in.snapshot().context();
        TrainingSnapshot ks = in.kernelSnapshot();
        ReadOnlyVector init = ctx.alignments().init();
        ReadOnlyVector limit = ctx.alignments().limit();
        boolean measured = ks != null && ks.hasKernel();
        ReadOnlyVector now = measured ? ks.taskAlignment() : init;
        int n = init.size();
        Chart c = Chart.draw(g, 0, 0, split.firstWidth(), split.firstHeight(), "target in the top k modes, C(k)"
                        + (ks != null && ks.ensemble() != null ? ", network 1" : ""), "k", "C(k)",
                new double[] {1, Math.max(2, n)}, n > 20, new double[] {0, 1.02}, false);
        if (!limit.isEmpty()) {
            c.line(g, index(n), limit.toArray(), Palette.GREEN, 1.6f, true);
        }
        c.line(g, index(n), init.toArray(), Palette.GREY, 1.6f, true);
        if (!now.isEmpty()) {
            c.line(g, index(now.size()), now.toArray(), Palette.BLUE, 2.2f, false);
        }
        // the curves rise to 1 at the right: the lower right corner stays free
        String[] names = {now.isEmpty() ? "Θ_t: at most " + RunContext.TaskAlignments.MEASURED_POINTS + " points" : "Θ_t", "Θ_0", "Θ_∞"};
        int shown = limit.isEmpty() ? 2 : 3;
        c.legend(g, Arrays.copyOf(names, shown), Arrays.copyOf(new Color[] {Palette.BLUE, Palette.GREY, Palette.GREEN}, shown),
                Arrays.copyOf(new boolean[] {false, true, true}, shown), new boolean[shown], Chart.Corner.BOTTOM_RIGHT);
    }

    /** The top eigenvalues over training against the 2n/η line. */
    private static void topOverTraining(Graphics2D g, PanelSplit split, ChartInputs in) {
        double[] r = LogRange.of(in.topEigenvalues());
        // The edge of stability in the kernel's units (Cohen et al. 2021): above 2n/η the top mode of
        // the linearised model grows, so λ_max(t) against this line tells the large-rate story.
        // (with an output scale α the kernel is α²Θ and the parameters move at η/α²: the line is 2nα²/η;
        // momentum β and the logistic loss's flatter curvature move it by the rule's factor, 2(1 + β)h n/η)
        double alpha = in.snapshot().context().spec().network().outputScale();
        TrainingRule rule = in.snapshot().context().spec().training().rule();
        double edge = 2.0 * in.snapshot().context().data().train().count() * alpha * alpha / in.snapshot().learningRate()
                * ((1 + rule.momentum()) * rule.loss().curvatureHeadroom());
        boolean showEdge = Double.isFinite(edge) && edge > 0 && r[1] > 0 && edge <= 3 * r[1] && edge >= r[0] / 3;
        double lo = showEdge ? Math.min(r[0], edge) : r[0];
        double hi = showEdge ? Math.max(r[1], edge) : r[1];
        double xMax = Math.max(1, Math.max(r[2], in.snapshot().step()));
        // Against the same steps as the losses, though the kernel is computed less often.
        Chart t = Chart.draw(g, split.secondX(), split.secondY(), split.secondWidth(), split.secondHeight(), "top eigenvalues over training", "step", "λ",
                new double[] {0, xMax}, false, Scale.padded(lo, hi, true), true);
        if (showEdge) {
            t.line(g, new double[] {0, xMax}, new double[] {edge, edge}, Palette.GREY, 1.4f, true);
        }
        String[] names = new String[in.topEigenvalues().length];
        for (int i = 0; i < names.length; i++) {
            t.line(g, in.topEigenvalues()[i], Palette.TOP[i % Palette.TOP.length], 1.8f, false);
            names[i] = "λ_" + (i + 1);
        }
        if (in.replaying()) {
            t.cursor(g, in.cursorStep());
        }
        if (showEdge) {
            String[] withEdge = Arrays.copyOf(names, names.length + 1);
            withEdge[names.length] = rule.stableRateFormula().replace("/λ_max(K)", "/η") + " (stable below)";
            Color[] colors = Arrays.copyOf(Palette.TOP, withEdge.length);
            colors[names.length] = Palette.GREY;
            boolean[] dashed = new boolean[withEdge.length];
            dashed[names.length] = true;
            t.legend(g, withEdge, colors, dashed);
        } else {
            t.legend(g, names, Arrays.copyOf(Palette.TOP, names.length), new boolean[names.length]);
        }
    }

    private static double[] index(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }


}
