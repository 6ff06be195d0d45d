package io.ntkstudio.figure;

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

class SliceChartTest {
    @Test
    void sliceAnglesAreMeasuredFromTheAnchorInMinusPiToPi() {
        assertEquals(0, SliceChart.centred(0), 0.0);
        assertEquals(Math.PI, SliceChart.centred(Math.PI), 1e-15);
        assertEquals(Math.PI, SliceChart.centred(-Math.PI), 1e-15, "−π folds onto π");
        assertEquals(-0.5, SliceChart.centred(2 * Math.PI - 0.5), 1e-12);
        assertEquals(0.5, SliceChart.centred(-2 * Math.PI + 0.5), 1e-12);
        assertEquals(-3, SliceChart.centred(0.1 - 3.1 - 2 * Math.PI * 3), 1e-9);
    }

    private static int count(ChartInputs in, Color color) {
        BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Surface.begin(g, 640, 440);
        SliceChart.paint(g, 640, 440, in);
        g.dispose();
        int n = 0;
        for (int p : img.getRGB(0, 0, 640, 440, null, 0, 640)) {
            n += p == color.getRGB() ? 1 : 0;
        }
        return n;
    }

    @Test
    void theKernelsAtTimeZeroAreShownBesideThoseNowOrHidden() {
        ExperimentSpec spec = new ExperimentSpec(new NetworkConfig(16, 2, Activation.RELU, Parameterization.NTK, 1.4, 0.1, 3),
                DataSpec.circle(12, 12, "sin", 2), new TrainingSpec(0.5, 10, 10));
        ChartInputs in = Trained.inputs(spec, Path.of("."), 10);
        assertTrue(in.sliceWithInit(), "before and after by default, as the paper draws it");
        int shown = count(in, Palette.GREY);
        int hidden = count(in.withSliceInit(false), Palette.GREY);
        // (a few pixels of other lines' antialiasing can land on the same grey)
        assertTrue(shown > 50 && hidden < shown / 20, "Θ_0 drawn in grey: " + shown + " pixels, hidden " + hidden);
        assertEquals(count(in, Palette.BLUE), count(in.withSliceInit(false), Palette.BLUE), 40, "Θ_t drawn either way");
    }
}
