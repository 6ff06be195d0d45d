package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.DataSpec;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OverlayChartTest {
    private static final NetworkConfig NET = new NetworkConfig(16, 2, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 1);
    private static final ExperimentSpec A = new ExperimentSpec(NET, DataSpec.circle(12, 48, "sin", 2), new TrainingSpec(0.5, 40, 10));

    private static ChartInputs trained(ExperimentSpec spec) {
        return Trained.inputs(spec, Path.of("."), 40);
    }

    @Test
    void eachRunIsNamedByWhatSetsItApart() {
        ExperimentSpec wide = A.withNetwork(NET.withWidth(1024));
        assertArrayEquals(new String[] {"A: width 16", "B: width 1024"}, OverlayChart.names(A, wide));
        ExperimentSpec other = A.withNetwork(NET.withWidth(64).withParameterization(Parameterization.MUP));
        assertArrayEquals(new String[] {"A: width 16, ntk", "B: width 64, mup"}, OverlayChart.names(A, other));
        assertArrayEquals(new String[] {"A", "B"}, OverlayChart.names(A, A));
    }

    @Test
    void everyOverlayDrawsBothRunsAndNoLegendCoversThem() {
        ChartInputs a = trained(A);
        ChartInputs b = trained(A.withNetwork(NET.withWidth(1024)));
        ChartInputs both = a.withCompanion(b);
        for (ViewKind view : Views.OVERLAY) {
            BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            Surface.begin(g, 640, 440);
            LegendAudit audit = LegendAudit.on(g);
            view.painter().paint(g, 640, 440, both);
            g.dispose();
            assertEquals(1, audit.placed(), view.id() + ": one legend");
            assertTrue(audit.covering().isEmpty(), view.id() + ": " + audit.covering());
            assertTrue(pixels(img, OverlayChart.A) > 200, view.id() + ": run A is drawn in blue");
            assertTrue(pixels(img, OverlayChart.B) > 200, view.id() + ": run B is drawn in orange");
        }
    }

    @Test
    void theCsvHoldsBothRunsNumbersInOneTable() {
        ChartInputs a = trained(A);
        ChartInputs b = trained(A.withNetwork(NET.withWidth(1024)));
        String single = ChartData.csv("slice", a);
        String overlay = Views.OVERLAY_SLICE.csv().write(a.withCompanion(b));
        var lines = overlay.lines().toList();
        assertEquals("run," + single.lines().findFirst().orElseThrow(), lines.get(0));
        long rows = single.lines().count() - 1;
        assertEquals(2 * rows, lines.size() - 1);
        assertEquals("A," + single.lines().skip(1).findFirst().orElseThrow(), lines.get(1));
        assertEquals("B," + ChartData.csv("slice", b).lines().skip(1).findFirst().orElseThrow(), lines.get(1 + (int) rows));
    }

    private static int pixels(BufferedImage img, Color c) {
        int count = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }
}
