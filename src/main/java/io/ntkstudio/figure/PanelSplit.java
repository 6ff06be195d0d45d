package io.ntkstudio.figure;

/**
 * Where a two-panel chart (losses and kernel metrics, spectrum and top eigenvalues, modes now and
 * over training) puts its panels in a w × h view: stacked when the view is tall, side by side when
 * it is wide but short (a maximised view on a 1280 × 720 projector at 200 % text), else the first
 * panel alone, unless the second must show (a lesson names it): then the second alone, at the
 * view's full size (two panels in a cell of the grid leave neither room for its legend).
 */
public record PanelSplit(double w, double h, Layout layout) {
    /** A view at least this tall (chart units) stacks both panels. */
    public static final double TALL = 360;
    /** A view at least this wide and {@link #SHORT} tall puts them side by side. */
    static final double WIDE = 640;
    static final double SHORT = 200;

    /** How the panels share the view. */
    public enum Layout { FIRST_ONLY, SECOND_ONLY, STACKED, SIDE_BY_SIDE }

    public static PanelSplit of(double w, double h, boolean secondMustShow) {
        Layout layout;
        if (h >= TALL) {
            layout = Layout.STACKED;
        } else if (w >= WIDE && h >= SHORT) {
            layout = Layout.SIDE_BY_SIDE;
        } else if (secondMustShow) {
            layout = Layout.SECOND_ONLY;
        } else {
            layout = Layout.FIRST_ONLY;
        }
        return new PanelSplit(w, h, layout);
    }

    /** The split for a chart of these inputs: the second panel must show when the view's settings say so. */
    public static PanelSplit of(double w, double h, ChartInputs in) {
        return of(w, h, in.view().bothPanels());
    }

    /** Whether the first panel is drawn. */
    public boolean first() {
        return layout != Layout.SECOND_ONLY;
    }

    /** Whether the second panel is drawn. */
    public boolean both() {
        return layout != Layout.FIRST_ONLY;
    }

    /** The share of the height the first panel takes when stacked. */
    private double stackedTop() {
        return h * 0.55;
    }

    public double firstWidth() {
        return layout == Layout.SIDE_BY_SIDE ? w / 2 : w;
    }

    public double firstHeight() {
        return layout == Layout.STACKED ? stackedTop() : h;
    }

    public double secondX() {
        return layout == Layout.SIDE_BY_SIDE ? w / 2 : 0;
    }

    public double secondY() {
        return layout == Layout.STACKED ? stackedTop() : 0;
    }


    public double secondWidth() {
        return w - secondX();
    }

    public double secondHeight() {
        return h - secondY();
    }
}
