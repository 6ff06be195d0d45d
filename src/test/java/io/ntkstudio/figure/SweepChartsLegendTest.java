package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.EnsembleSweep;
import io.ntkstudio.engine.ScaleSweep;
import io.ntkstudio.engine.WidthSweep;
import io.ntkstudio.network.Parameterization;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sweeps' figures keep their legends off the data too, at their own size and on a 16:9 slide
 * at 1.5× (as `sweep --size 1920x1080 --scale 1.5` lays it out), with points shaped like real
 * sweeps (power laws with seed noise).
 */
class SweepChartsLegendTest {
    private static final double[][] SIZES = {{760, 520}, {1280, 720}, {500, 360}};

    private static void assertNoLegendOverData(String what, ViewKind.Painter painter) {
        for (double[] size : SIZES) {
            BufferedImage img = new BufferedImage((int) size[0], (int) size[1], BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            Surface.begin(g, size[0], size[1]);
            LegendAudit audit = LegendAudit.on(g);
            LegendPlan.paint(painter, g, size[0], size[1], null);
            g.dispose();
            assertTrue(audit.placed() >= 1, what + ": a legend");
            assertTrue(audit.covering().isEmpty(), what + " at " + (int) size[0] + "×" + (int) size[1] + ": " + audit.covering());
        }
    }

    @Test
    void theWidthSweep() {
        Random r = new Random(1);
        List<WidthSweep.Point> points = new ArrayList<>();
        for (int w : new int[] {16, 64, 256, 1024, 4096}) {
            for (int s = 0; s < 3; s++) {
                double noise = 1 + 0.2 * r.nextGaussian();
                points.add(new WidthSweep.Point(Parameterization.NTK, w, s, 3 * Math.pow(w, -0.7) * noise, 1.5 * Math.pow(w, -0.5) * noise,
                        1.4 * Math.pow(w, -0.5) * noise));
                points.add(new WidthSweep.Point(Parameterization.MUP, w, s, 1.8 * noise, Double.NaN, 0.5 * noise));
            }
        }
        assertNoLegendOverData("width sweep", (g, w, h, in) -> {
            SweepChart.paint(g, w, h, points, 100);
            return null;
        });
    }

    @Test
    void theOutputScaleSweep() {
        Random r = new Random(2);
        List<ScaleSweep.Point> points = new ArrayList<>();
        for (double a : new double[] {0.3, 1, 3, 10, 30, 100, 300, 1000}) {
            for (int s = 0; s < 3; s++) {
                points.add(new ScaleSweep.Point(a, s, 0.5 / a * (1 + 0.2 * r.nextGaussian()), 0.1 / a));
            }
        }
        assertNoLegendOverData("output-scale sweep", (g, w, h, in) -> {
            ScaleSweepChart.paint(g, w, h, points, 32, 300);
            return null;
        });
    }

    @Test
    void theEnsembleSweep() {
        List<EnsembleSweep.Point> points = new ArrayList<>();
        int[] widths = {16, 64, 256, 1024};
        double[] gaps = {0.033, 0.028, 0.016, 0.017};
        double[] ratios = {1.39, 0.95, 0.99, 0.96};
        for (int i = 0; i < widths.length; i++) {
            points.add(new EnsembleSweep.Point(widths[i], 16, 150, gaps[i], ratios[i], 0.02, 1e-4));
        }
        assertNoLegendOverData("ensemble sweep", (g, w, h, in) -> {
            EnsembleSweepChart.paint(g, w, h, points, 150);
            return null;
        });
    }
}
