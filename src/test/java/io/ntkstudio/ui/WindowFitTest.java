package io.ntkstudio.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Windows ask for their size, or the screen's where that is smaller: a 1280 × 720 projector holds them whole. */
class WindowFitTest {
    @Test
    void theStudioAndCompareModeFitAProjectorAndKeepTheirSizeOnALargeScreen() {
        Rectangle2D projector = new Rectangle2D(0, 0, 1280, 720);
        // the studio asked for 1360 × 860 and compare mode for 1300 × 860: the menu bar and Play were off-screen
        assertArrayEquals(new double[] {1280, 720}, WindowFit.size(WindowFit.MAIN_WIDTH, WindowFit.MAIN_HEIGHT, projector), 0);
        assertArrayEquals(new double[] {1280, 720}, WindowFit.size(WindowFit.COMPARE_WIDTH, WindowFit.COMPARE_HEIGHT, projector), 0);
        Rectangle2D large = new Rectangle2D(0, 0, 1920, 1050);
        assertArrayEquals(new double[] {1360, 860}, WindowFit.size(WindowFit.MAIN_WIDTH, WindowFit.MAIN_HEIGHT, large), 0);
        // a second screen to the right: the size is that screen's
        Rectangle2D right = new Rectangle2D(1920, 0, 1024, 768);
        assertArrayEquals(new double[] {1024, 768}, WindowFit.size(WindowFit.MAIN_WIDTH, WindowFit.MAIN_HEIGHT, right), 0);
    }
}
