package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ChartTest {
    private static Chart chart(Graphics2D g) {
        Charts.begin(g, 640, 440, ChartTheme.LIGHT);
        return Chart.draw(g, 0, 0, 640, 440, "t", "x", "y", new double[] {0, 1}, false, new double[] {0, 1}, false);
    }

    @Test
    void aLegendMovesOffTheDataToAFreePlace() {
        BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Chart c = chart(g);
        // data along the top edge, where a top-right legend would sit
        c.line(g, new double[] {0, 1}, new double[] {0.97, 0.97}, Color.BLUE, 2f, false);
        c.line(g, new double[] {0.5, 1}, new double[] {0.8, 0.8}, Color.RED, 2f, false);
        c.legend(g, new String[] {"a", "b"}, new Color[] {Color.BLUE, Color.RED}, new boolean[2]);
        assertEquals(0, c.legendOverlap(), "a free place exists below the lines");
        g.dispose();
    }

    @Test
    void withNoFreePlaceTheLegendCoversTheLeastAndSaysHowMuch() {
        BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Chart c = chart(g);
        double[] x = new double[41];
        for (int k = 0; k <= 20; k++) {
            double[] y = new double[41];
            for (int i = 0; i < x.length; i++) {
                x[i] = i / 40.0;
                y[i] = k / 20.0;
            }
            c.line(g, x, y, Color.GRAY, 1f, false);
        }
        c.legend(g, new String[] {"many lines"}, new Color[] {Color.GRAY}, new boolean[1]);
        assertTrue(c.legendOverlap() > 0, "every place is covered, and it is reported");
        g.dispose();
    }

    @Test
    void aCurveThatLeavesTheChartByFiftyDecadesCostsNoMoreThanOneAcrossIt() {
        BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Chart c = chart(g);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> c.line(g, new double[] {0, 0.5, 1}, new double[] {0.5, -2e57, 1e300}, Color.ORANGE, 2f, true));
        g.dispose();
    }
}
