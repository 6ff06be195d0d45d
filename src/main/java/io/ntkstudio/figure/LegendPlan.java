package io.ntkstudio.figure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * Legends that never cover data, for any painter, in two passes. The first paints without
 * pixels (on a 1 × 1 image with the same transform and hints) and notes every chart whose legend
 * found no free place in its plot; the second paints for real, and those charts give their legend
 * room outside the plot (a column on the right, or a band of columns above it), so the data is
 * drawn around it. A painting whose legends all fit is painted once more exactly as before.
 * Charts are told apart by the order in which the painter draws them, which is the same in both
 * passes because painters are functions of their inputs.
 */
final class LegendPlan {
    /** The rendering-hint key under which the plan rides along with a Graphics2D. */
    static final RenderingHints.Key KEY = new RenderingHints.Key(0x4C504C) {
        @Override
        public boolean isCompatibleValue(Object val) {
            return val instanceof LegendPlan;
        }
    };

    /** The legend a chart needs room for: one column's width, a row's height, the entries, the font size. */
    record Need(double width, double rowHeight, int entries, float fontSize) {
    }

    /** No plan: what a painting leaves behind, so that the next one on the same graphics plans afresh. */
    private static final LegendPlan NONE = new LegendPlan(false, Map.of());

    private final boolean probe;
    private final Map<Integer, Need> needs;
    private int charts;

    private LegendPlan(boolean probe, Map<Integer, Need> needs) {
        this.probe = probe;
        this.needs = needs;
    }

    static LegendPlan of(Graphics2D g) {
        return g.getRenderingHint(KEY) instanceof LegendPlan plan && plan != NONE ? plan : null;
    }

    /** The next chart's number in this painting. */
    int nextChart() {
        return charts++;
    }

    boolean probing() {
        return probe;
    }

    /**
     * Whether {@code g} is the first pass's: painters and charts then skip what only shows (pixels,
     * text) and keep what places legends (where data lies, how wide the legend is).
     */
    static boolean probing(Graphics2D g) {
        LegendPlan plan = of(g);
        return plan != null && plan.probe;
    }

    /** In the first pass: chart {@code chart}'s legend covered data and needs this room. */
    void needs(int chart, Need need) {
        needs.put(chart, need);
    }

    /** In the second pass: the room chart {@code chart} must keep for its legend, or null. */
    Need reservation(int chart) {
        return probe ? null : needs.get(chart);
    }

    /** Paints with {@code painter} so that no legend covers data (see the class comment). */
    static PaintedLayout paint(ViewKind.Painter painter, Graphics2D g, double w, double h, ChartInputs in) {
        if (of(g) != null) {
            return painter.paint(g, w, h, in);
        }
        LegendPlan first = new LegendPlan(true, new HashMap<>());
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D probe = scratch.createGraphics();
        try {
            RenderingHints hints = (RenderingHints) g.getRenderingHints().clone();
            hints.remove(LegendAudit.KEY);
            probe.setRenderingHints(hints);
            probe.setTransform(g.getTransform());
            probe.setFont(g.getFont());
            probe.setRenderingHint(KEY, first);
            painter.paint(probe, w, h, in);
        } finally {
            probe.dispose();
        }
        g.setRenderingHint(KEY, new LegendPlan(false, first.needs));
        try {
            return painter.paint(g, w, h, in);
        } finally {
            g.setRenderingHint(KEY, NONE);
        }
    }
}
