package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ChartTest {
    private static Chart chart(Graphics2D g) {
        Surface.begin(g, 640, 440, ChartTheme.LIGHT);
        return Chart.draw(g, 0, 0, 640, 440, "t", "x", "y", new double[] {0, 1}, false, new double[] {0, 1}, false);
    }

    /** The picture of {@link #aLegendMovesOffTheDataToAFreePlace}'s chart with the lower right claimed for a note. */
    private static BufferedImage claimedLowerRight(boolean legend) {
        BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Chart c = chart(g);
        c.line(g, new double[] {0, 1}, new double[] {0.97, 0.97}, Color.BLUE, 2f, false);
        c.line(g, new double[] {0.5, 1}, new double[] {0.8, 0.8}, Color.RED, 2f, false);
        c.claim(c.xScale().toPixel(0.5), c.yScale().toPixel(0.5), c.xScale().toPixel(1), c.yScale().toPixel(0));
        if (legend) {
            c.legend(g, new String[] {"a", "b"}, new Color[] {Color.BLUE, Color.RED}, new boolean[2]);
            assertEquals(0, c.legendOverlap(), "the lower left is free");
        }
        g.dispose();
        return img;
    }

    @Test
    void aLegendKeepsOffABoxClaimedForANote() {
        // the function view's "kernel regime off the chart" note lay under the legend on a slide:
        // the note claims its box, and the legend (which went to the lower right here) goes elsewhere
        BufferedImage with = claimedLowerRight(true);
        BufferedImage without = claimedLowerRight(false);
        Chart c = chart(new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB).createGraphics());
        int changedInBox = 0;
        int changedElsewhere = 0;
        for (int y = 0; y < 440; y++) {
            for (int x = 0; x < 640; x++) {
                if (with.getRGB(x, y) != without.getRGB(x, y)) {
                    boolean inBox = x >= c.xScale().toPixel(0.5) && x <= c.xScale().toPixel(1)
                            && y >= c.yScale().toPixel(0.5) && y <= c.yScale().toPixel(0);
                    if (inBox) {
                        changedInBox++;
                    } else {
                        changedElsewhere++;
                    }
                }
            }
        }
        assertEquals(0, changedInBox, "the legend drew in the claimed box");
        assertTrue(changedElsewhere > 200, "the legend was drawn: " + changedElsewhere + " pixels");
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

    @Test
    void tooSmallForALegendEveryLineIsNamedAtItsEndWithoutOverlaps() {
        // the kernel-metrics panel of the default grid: about 340 × 120 with four long names
        int w = 340;
        int h = 120;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Surface.begin(g, w, h, ChartTheme.LIGHT);
        Chart c = Chart.draw(g, 0, 0, w, h, "kernel metrics", "step", "value", new double[] {0, 1}, false, new double[] {0, 1}, false);
        Color[] colors = {Palette.RED, Palette.GREEN, Palette.PURPLE, Palette.BROWN};
        double[] levels = {0.2, 0.8, 0.45, 0.5};
        for (int i = 0; i < 4; i++) {
            c.line(g, new double[] {0, 0.5, 1}, new double[] {levels[i], levels[i], levels[i]}, colors[i], 2f, false);
        }
        String[] names = {"‖Θ_t − Θ_0‖ / ‖Θ_0‖", "‖Θ_t − Θ_∞‖ / ‖Θ_∞‖", "alignment yᵀΘy / (‖Θ‖ ‖y‖²)", "‖θ_t − θ_0‖ / ‖θ_0‖"};
        c.legend(g, names, colors, new boolean[4]);
        g.dispose();
        assertEquals(4, c.directLabels(), "every line is named");
        // each name is written in its line's colour, near the right end of that line
        for (int i = 0; i < 4; i++) {
            int ink = 0;
            for (int y = 0; y < h; y++) {
                for (int x = w / 2; x < w; x++) {
                    if (img.getRGB(x, y) == colors[i].getRGB()) {
                        ink++;
                    }
                }
            }
            assertTrue(ink > 20, "line and label of " + names[i] + ": " + ink + " pixels");
        }
    }

    @Test
    void givenTicksAreDrawnWhereTheyFallAndNoOthers() {
        int w = 640;
        int h = 300;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Surface.begin(g, w, h, ChartTheme.LIGHT);
        double[] widths = {16, 64, 256, 1024, 4096};
        Chart c = Chart.draw(g, 0, 0, w, h, "t", "width", "y", new double[] {16 / 1.4, 4096 * 1.4}, true, new double[] {1e-3, 1}, true, widths);
        g.dispose();
        int tickRow = (int) Math.round(c.yScale().toPixel(1e-3)) + 2;
        java.util.List<Integer> marked = new java.util.ArrayList<>();
        for (int x = 70; x < w - 14; x++) {
            java.awt.Color px = new java.awt.Color(img.getRGB(x, tickRow));
            if (px.getRed() < 80 && px.getGreen() < 80 && px.getBlue() < 80) {
                marked.add(x);
            }
        }
        assertEquals(widths.length, marked.size(), "tick marks at " + marked);
        for (int i = 0; i < widths.length; i++) {
            assertEquals(c.xScale().toPixel(widths[i]), marked.get(i), 1.0, "the tick of width " + widths[i]);
        }
    }

    @Test
    void aLegendShowsFaintLinesLegiblyAndPointsAsDots() {
        BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Chart c = chart(g);
        Color faint = new Color(31, 119, 180, 70);
        c.legend(g, new String[] {"10 networks", "train points"}, new Color[] {faint, Color.BLACK}, new boolean[2],
                new boolean[] {false, true}, Chart.Corner.TOP_RIGHT);
        g.dispose();
        double[] box = c.legendBox();
        double rowH = box[3];
        int swatchY = (int) Math.round(box[1] + 3 + rowH * 0.5);
        // the faint line's key: darker than the faint line itself would be on the legend (red 194 at alpha 70)
        int darkest = 255;
        for (int dx = 8; dx < 28; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                darkest = Math.min(darkest, (img.getRGB((int) (box[0] + dx), swatchY + dy) >> 16) & 255);
            }
        }
        assertTrue(darkest < 160, "the faint line's key is legible: red " + darkest);
        // the points' key is a dot: ink above and below the row's middle, where a line has none
        int pointsY = (int) Math.round(box[1] + 3 + rowH * 1.5);
        int above = img.getRGB((int) (box[0] + 18), pointsY - 2) & 255;
        int below = img.getRGB((int) (box[0] + 18), pointsY + 2) & 255;
        assertTrue(above < 100 && below < 100, "a dot: " + above + ", " + below);
        int besideDot = img.getRGB((int) (box[0] + 28), pointsY) & 255;
        assertTrue(besideDot > 200, "and no line beside it: " + besideDot);
    }
}
