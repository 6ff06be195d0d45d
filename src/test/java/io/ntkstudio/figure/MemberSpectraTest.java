package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.DataSpec;
import io.ntkstudio.engine.EnsembleView;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.kernel.Spectrum;
import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.linalg.ReadOnlyVector;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MemberSpectraTest {
    private static ChartInputs ensemble() {
        ExperimentSpec spec = new ExperimentSpec(new NetworkConfig(16, 2, Activation.RELU, Parameterization.NTK, 1.4, 0.1, 3),
                DataSpec.circle(10, 10, "sin", 2), new TrainingSpec(0.5, 10, 10).withMembers(3));
        return Trained.inputs(spec, Path.of("."), 10);
    }

    private static int[] pixels(ChartInputs in) {
        BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Surface.begin(g, 640, 440);
        SpectrumChart.paint(g, 640, 440, in);
        g.dispose();
        return img.getRGB(0, 0, 640, 440, null, 0, 640);
    }

    @Test
    void anotherNetworksEigenvaluesAreThoseOfItsKernelKeptForTheNextPaint() {
        EnsembleView e = ensemble().kernelSnapshot().ensemble();
        for (ReadOnlyMatrix k : new ReadOnlyMatrix[] {e.kernels().get(2), e.kernelsInit().get(1)}) {
            ReadOnlyVector values = MemberSpectra.of(k);
            double[] expected = Spectrum.of(k.toArray(), k.rows(), false).values();
            assertEquals(expected.length, values.size());
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], values.get(i), 1e-10 * expected[0], "λ_" + (i + 1));
            }
            assertSame(values, MemberSpectra.of(k), "a repaint does not decompose again");
        }
    }

    @Test
    void theSpectrumViewShowsTheChosenNetwork() {
        ChartInputs in = ensemble();
        assertTrue(Arrays.equals(pixels(in), pixels(in.withNetwork(0))), "network 1 is the default");
        assertTrue(!Arrays.equals(pixels(in), pixels(in.withNetwork(2))), "network 3 has a spectrum of its own");
        assertTrue(Arrays.equals(pixels(in.withNetwork(2)), pixels(in.withNetwork(2))), "the same inputs draw the same pixels");
    }
}
