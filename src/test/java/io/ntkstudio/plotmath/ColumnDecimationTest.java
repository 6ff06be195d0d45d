package io.ntkstudio.plotmath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnDecimationTest {
    /** A noisy decaying curve of {@code n} points over {@code width} pixels, as a loss curve looks. */
    private static double[][] curve(int n, int width, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 + (width - 20) * i / (double) (n - 1);
            y[i] = 20 + 250 * (1 - Math.exp(-5.0 * i / n)) + 12 * r.nextGaussian();
        }
        return new double[][] {x, y};
    }

    private static BufferedImage draw(double[] x, double[] y, int n, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(x[i], y[i]);
        }
        g.draw(p);
        g.dispose();
        return img;
    }

    @Test
    void keepsAtMostFourVerticesPerColumnWithTheEndsAndTheExtremes() {
        double[][] c = curve(20_000, 400, 1);
        double[] kx = new double[20_000];
        double[] ky = new double[20_000];
        int kept = ColumnDecimation.m4(c[0], c[1], 20_000, kx, ky);
        assertTrue(kept <= 4 * 400 && kept > 2 * 380, "kept " + kept);
        assertEquals(c[0][0], kx[0]);
        assertEquals(c[1][19_999], ky[kept - 1]);
        // every column's vertical extent is kept exactly, against a direct pass over the input
        double[] lo = new double[400];
        double[] hi = new double[400];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < 20_000; i++) {
            int col = (int) Math.floor(c[0][i]);
            lo[col] = Math.min(lo[col], c[1][i]);
            hi[col] = Math.max(hi[col], c[1][i]);
        }
        double[] klo = new double[400];
        double[] khi = new double[400];
        java.util.Arrays.fill(klo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(khi, Double.NEGATIVE_INFINITY);
        int[] perColumn = new int[400];
        for (int k = 0; k < kept; k++) {
            int col = (int) Math.floor(kx[k]);
            klo[col] = Math.min(klo[col], ky[k]);
            khi[col] = Math.max(khi[col], ky[k]);
            perColumn[col]++;
            if (k > 0) {
                assertTrue(kx[k] >= kx[k - 1], "order kept");
            }
        }
        for (int col = 0; col < 400; col++) {
            assertEquals(lo[col], klo[col]);
            assertEquals(hi[col], khi[col]);
            assertTrue(perColumn[col] <= 4);
        }
    }

    @Test
    void theDecimatedLineCoversTheSamePixels() {
        int w = 400;
        int h = 300;
        for (long seed = 0; seed < 3; seed++) {
            double[][] c = curve(8_000, w, seed);
            double[] kx = new double[8_000];
            double[] ky = new double[8_000];
            int kept = ColumnDecimation.m4(c[0], c[1], 8_000, kx, ky);
            BufferedImage full = draw(c[0], c[1], 8_000, w, h);
            BufferedImage reduced = draw(kx, ky, kept, w, h);
            int inked = 0;
            int differ = 0;
            int maxDiff = 0;
            for (int yy = 0; yy < h; yy++) {
                for (int xx = 0; xx < w; xx++) {
                    int a = full.getRGB(xx, yy) & 255;
                    int b = reduced.getRGB(xx, yy) & 255;
                    if (a < 128) {
                        inked++;
                    }
                    if ((a < 128) != (b < 128)) {
                        differ++;
                    }
                    maxDiff = Math.max(maxDiff, Math.abs(a - b));
                }
            }
            assertTrue(inked > 10_000, "the curve inks " + inked + " pixels");
            assertTrue(differ < 0.02 * inked, differ + " of " + inked + " inked pixels differ (seed " + seed + ")");
        }
    }

    @Test
    void inPlaceGivesTheSameVerticesAsIntoOtherArrays() {
        double[][] c = curve(5_000, 300, 7);
        double[] kx = new double[5_000];
        double[] ky = new double[5_000];
        int kept = ColumnDecimation.m4(c[0], c[1], 5_000, kx, ky);
        double[] x = c[0].clone();
        double[] y = c[1].clone();
        assertEquals(kept, ColumnDecimation.m4(x, y, 5_000, x, y));
        assertArrayEquals(java.util.Arrays.copyOf(kx, kept), java.util.Arrays.copyOf(x, kept), 0.0);
        assertArrayEquals(java.util.Arrays.copyOf(ky, kept), java.util.Arrays.copyOf(y, kept), 0.0);
    }

    @Test
    void aMonotoneCurveAcrossWideColumnsIsKeptWhole() {
        double[] x = {0.5, 3.5, 7.5, 12.5};
        double[] y = {1, 2, 3, 4};
        double[] kx = new double[4];
        double[] ky = new double[4];
        assertEquals(4, ColumnDecimation.m4(x, y, 4, kx, ky));
        assertEquals(3.0, ky[2]);
    }
}
