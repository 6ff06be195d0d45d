package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.junit.jupiter.api.Test;

class LegendPlanTest {
    /** Horizontal lines every 5 % of the height: no free place for a legend anywhere in the plot. */
    private static ViewKind.Painter crowded(String... names) {
        return (g, w, h, in) -> {
            Chart c = Chart.draw(g, 0, 0, w, h, "crowded", "x", "y", new double[] {0, 1}, false, new double[] {0, 1}, false);
            double[] x = {0, 0.5, 1};
            for (int k = 0; k <= 20; k++) {
                c.line(g, x, new double[] {k / 20.0, k / 20.0, k / 20.0}, Color.GRAY, 1f, false);
            }
            Color[] colors = new Color[names.length];
            java.util.Arrays.fill(colors, Color.GRAY);
            c.legend(g, names, colors, new boolean[names.length]);
            return null;
        };
    }

    private static int[] paint(ViewKind.Painter p, int w, int h, boolean planned, LegendAudit[] audit) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Surface.begin(g, w, h);
        audit[0] = LegendAudit.on(g);
        if (planned) {
            LegendPlan.paint(p, g, w, h, null);
        } else {
            p.paint(g, w, h, null);
        }
        g.dispose();
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData().clone();
    }

    @Test
    void aLegendWithNoFreePlaceInThePlotGoesBesideItAndCoversNothing() {
        LegendAudit[] audit = new LegendAudit[1];
        paint(crowded("many lines"), 640, 440, false, audit);
        assertEquals(1, audit[0].covering().size(), "painted once, the legend sits on the lines");
        paint(crowded("many lines"), 640, 440, true, audit);
        assertEquals(1, audit[0].placed(), "the first pass is not counted");
        assertTrue(audit[0].covering().isEmpty(), "planned, it covers no data: " + audit[0].covering());
    }

    @Test
    void aNarrowChartKeepsABandOfColumnsAboveThePlot() {
        LegendAudit[] audit = new LegendAudit[1];
        String[] names = {"first long series name", "second long series name", "third long series name"};
        paint(crowded(names), 420, 440, true, audit);
        assertEquals(1, audit[0].placed());
        assertTrue(audit[0].covering().isEmpty(), "above the plot, it covers no data: " + audit[0].covering());
    }

    @Test
    void aPaintingWhoseLegendsFitIsTheSameAsWithoutAPlanAndTheSameEveryTime() {
        ViewKind.Painter free = (g, w, h, in) -> {
            Chart c = Chart.draw(g, 0, 0, w, h, "free", "x", "y", new double[] {0, 1}, false, new double[] {0, 1}, false);
            c.line(g, new double[] {0, 1}, new double[] {0.1, 0.2}, Color.BLUE, 2f, false);
            c.legend(g, new String[] {"low line"}, new Color[] {Color.BLUE}, new boolean[1]);
            return null;
        };
        LegendAudit[] audit = new LegendAudit[1];
        int[] once = paint(free, 640, 440, false, audit);
        int[] planned = paint(free, 640, 440, true, audit);
        assertArrayEquals(once, planned);
        assertArrayEquals(paint(crowded("a"), 640, 440, true, audit), paint(crowded("a"), 640, 440, true, audit));
    }
}
