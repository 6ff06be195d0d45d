package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.DataSpec;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FigureSetTest {
    /** The rightmost column of the top {@code band} rows holding anything but the background; −1 if none. */
    private static int rightmostInk(BufferedImage img, int band) {
        int ground = img.getRGB(img.getWidth() - 1, 1);
        for (int x = img.getWidth() - 1; x >= 0; x--) {
            for (int y = 0; y < band; y++) {
                if (img.getRGB(x, y) != ground) {
                    return x;
                }
            }
        }
        return -1;
    }

    @Test
    void aLongCaptionOnASlideShrinksOrWrapsRatherThanRunOffTheEdge() {
        // Jacot et al.'s Figure 1 has the longest data description; at 1.5× on a 16:9 slide it was cut off
        ExperimentSpec spec = new ExperimentSpec(new NetworkConfig(16, 3, Activation.RELU, Parameterization.NTK, 1.0, 0.1, 0)
                .withOutputScale(3), new DataSpec("normal-product", 20, 20, "", 0, 0.25, 0, null, null), new TrainingSpec(1.0, 2, 1));
        ChartInputs in = Trained.inputs(spec, Path.of("."), 2);
        String caption = FigureSet.caption(in.snapshot());
        assertTrue(caption.length() > 150, "a caption longer than a slide's line at the usual size: " + caption);
        BufferedImage slide = FigureSet.dashboard(in, ChartTheme.LIGHT, Views.ALL, 1920, 1080, 1.5);
        int right = rightmostInk(slide, 60);
        assertTrue(right > 1000 && right < 1920 - 12, "the caption ends inside the slide: its ink reaches column " + right);
    }
}
