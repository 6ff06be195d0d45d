package io.ntkstudio.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Window sizes that fit the screen a window opens on: the size it would like, or the screen's
 * visible area when that is smaller (a 1280 × 720 projector), placed wholly inside it, so that
 * the menu bar and Play are never off-screen.
 */
final class WindowFit {
    /** The studio's own wish, and compare mode's. */
    static final double MAIN_WIDTH = 1360;
    static final double MAIN_HEIGHT = 860;
    static final double COMPARE_WIDTH = 1300;
    static final double COMPARE_HEIGHT = 860;

    private WindowFit() {
    }

    /** The visible bounds of the screen {@code near} is on (the primary screen without one). */
    static Rectangle2D screenOf(Window near) {
        if (near != null && near.getWidth() > 0) {
            var screens = Screen.getScreensForRectangle(near.getX(), near.getY(), near.getWidth(), near.getHeight());
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }

    /** {@code wanted} or less, so that the window fits {@code screen}. */
    static double[] size(double wantedWidth, double wantedHeight, Rectangle2D screen) {
        return new double[] {Math.min(wantedWidth, screen.getWidth()), Math.min(wantedHeight, screen.getHeight())};
    }

    /** Moves {@code stage} wholly inside {@code screen}, centred, once it has its size. */
    static void place(Stage stage, Rectangle2D screen) {
        double w = Math.min(stage.getWidth(), screen.getWidth());
        double h = Math.min(stage.getHeight(), screen.getHeight());
        if (w != stage.getWidth() || h != stage.getHeight()) {
            stage.setWidth(w);
            stage.setHeight(h);
        }
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
    }
}
