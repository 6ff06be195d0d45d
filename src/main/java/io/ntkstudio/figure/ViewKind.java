package io.ntkstudio.figure;

import java.awt.Graphics2D;

/**
 * Everything that defines one view, in one place: its id (file names, CSV, tests), its title (and
 * a short one for a title bar too narrow for it), the
 * help text (what it shows, its formula, what to notice, the paper), whether it redraws only with
 * a new kernel, its painter and the CSV of the numbers behind it. The window, {@code render}, the
 * View menu, help and export all iterate over {@link Views#ALL}; adding a view is one painter and
 * one entry there (views with their own header controls add them in the ui's ViewControls).
 */
public record ViewKind(String id, String title, String shortTitle, String help, boolean needsKernel, Painter painter, Csv csv) {
    public ViewKind {
        // every view's legends are placed by the two-pass plan, so that none covers data
        Painter own = painter;
        painter = own instanceof Planned ? own : (Planned) (g, w, h, in) -> LegendPlan.paint(own, g, w, h, in);
    }

    /** A painter whose legends are planned (see {@link LegendPlan}). */
    private interface Planned extends Painter {
    }

    /** Paints the chart for {@code in} into a w × h area; returns layout information (e.g. heatmap cells) or null. */
    @FunctionalInterface
    public interface Painter {
        PaintedLayout paint(Graphics2D g, double w, double h, ChartInputs in);
    }

    /** The numbers behind the view as CSV text with a header row, every number round-trip exact. */
    @FunctionalInterface
    public interface Csv {
        String write(ChartInputs in);
    }
}
