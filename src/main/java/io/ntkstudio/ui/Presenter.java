package io.ntkstudio.ui;

/**
 * Presenter mode (F5): large text, the configuration panel and the status bar hidden, the lesson's
 * note as a caption above the views (N toggles it), and one view a page (Page Up / Page Down), so
 * wide that a two-panel view shows its second panel (the top eigenvalues against 2n/η, the kernel
 * metrics) beside the first. Leaving it (F5 or Esc) puts the text size and panels back as they were.
 */
final class Presenter {
    /** The text size of presenter mode (or the window's, if larger): read from the back of a room. */
    static final double TEXT = 1.5;
    private final StudioWindow window;
    private boolean on;
    private double textBefore;
    private boolean panelBefore;

    Presenter(StudioWindow window) {
        this.window = window;
    }

    boolean on() {
        return on;
    }

    void toggle() {
        on = !on;
        if (on) {
            textBefore = window.model.textScaleProperty().get();
            panelBefore = window.sidePanelShown();
            window.model.textScaleProperty().set(Math.max(TEXT, textBefore));
            window.showSidePanel(false);
            window.showStatusBar(false);
            window.lessons.showNote(true);
        } else {
            window.model.textScaleProperty().set(textBefore);
            window.showSidePanel(panelBefore);
            window.showStatusBar(true);
        }
        window.lessonBar.pseudoClassStateChanged(LessonBar.CAPTION, on);
        restage();
    }

    /** Applies presenter mode to the dashboard and compare mode (again after a lesson set the views). */
    void restage() {
        window.dashboard.presenting(on);
        if (window.compares.window() != null) {
            window.compares.window().presenting(on);
        }
    }
}
