package io.ntkstudio.figure;

import io.ntkstudio.plotmath.Scale;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel-slice view: Θ_0(x₀, ·), Θ_t(x₀, ·) and Θ_∞(x₀, ·), the picture of Jacot, Gabriel
 * &amp; Hongler 2018, Figure 1; for class data, the kernel PCA ({@link KernelPcaChart}).
 */
public final class SliceChart {
    private SliceChart() {
    }

    /**
     * Θ_0(x₀, ·), Θ_t(x₀, ·) and Θ_∞(x₀, ·) ({@link KernelSlice}): over the train points, x₀ at the
     * inputs' anchor position in input order, or over the unit circle from x₀ = (1, 0) for data
     * with a circle slice; an ensemble's networks each at t = 0 and now, over Θ_∞.
     */
    public static void paint(Graphics2D g, double w, double h, ChartInputs in) {
        if (in.snapshot().context().data().classes() > 0) {
            // for class data a row of the kernel says less than its principal components do
            KernelPcaChart.paint(g, w, h, in);
            return;
        }
        KernelSlice s = KernelSlice.of(in);
        double[] range = s.valueRange();
        Chart c = Chart.draw(g, 0, 0, w, h, "kernel slice Θ(x₀, x), " + s.anchor(), s.xLabel(), "Θ(x₀, x)",
                s.xRange(), false, Scale.padded(range[0], range[1], false), false);
        double[] x = s.x();
        int drawn = s.drawn();
        boolean withInit = in.sliceWithInit();
        if (drawn > 0) {
            // Jacot et al. 2018, Figure 1: every random network's kernel at t = 0 and now, over Θ_∞
            Color before = new Color(120, 120, 120, 90);
            Color after = new Color(31, 119, 180, 110);
            for (int j = 0; j < drawn && withInit; j++) {
                c.line(g, x, s.membersInit()[j], before, 1.1f, false);
            }
            for (int j = 0; j < drawn; j++) {
                c.line(g, x, s.membersNow()[j], after, 1.3f, false);
            }
            if (s.hasLimit()) {
                c.line(g, x, s.limit(), Palette.GREEN, 2.4f, true);
            }
            legend(g, c, s.hasLimit(), withInit, drawn + " networks, Θ_t", after, false, drawn + " networks, Θ_0", before, false);
            return;
        }
        if (s.hasLimit()) {
            c.line(g, x, s.limit(), Palette.GREEN, 2f, true);
        }
        if (withInit) {
            c.line(g, x, s.init(), Palette.GREY, 2f, true);
        }
        c.line(g, x, s.now(), Palette.BLUE, 2.2f, false);
        legend(g, c, s.hasLimit(), withInit, "Θ_t", Palette.BLUE, false, "Θ_0", Palette.GREY, true);
    }

    /** Θ_t's entry, Θ_0's where the kernels at t = 0 are shown, Θ_∞'s where there is a limit. */
    private static void legend(Graphics2D g, Chart c, boolean limit, boolean withInit, String now, Color nowColor, boolean nowDashed,
                               String init, Color initColor, boolean initDashed) {
        List<String> names = new ArrayList<>(List.of(now));
        List<Color> colors = new ArrayList<>(List.of(nowColor));
        List<Boolean> dashed = new ArrayList<>(List.of(nowDashed));
        if (withInit) {
            names.add(init);
            colors.add(initColor);
            dashed.add(initDashed);
        }
        if (limit) {
            names.add("Θ_∞");
            colors.add(Palette.GREEN);
            dashed.add(true);
        }
        c.legend(g, names, colors, dashed, false);
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
