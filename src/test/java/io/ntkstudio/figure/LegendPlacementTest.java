package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Legends never cover data: every view of every preset experiment, painted at the sizes a view
 * has in the window (the default grid's cell, a 1280 × 720 window's, the same at 200 % text, and
 * maximised), places each legend or direct label where no data was drawn (issue: legends never
 * cover data).
 */
class LegendPlacementTest {
    /**
     * A view's size in chart units: a cell of the default 1360 × 860 window's grid and of a
     * 1280 × 720 one at 100 % text; at 200 % text the dashboard shows pages of two views (cells
     * under 300 × 200 units go to pages), so half the dashboard at half the scale; maximised;
     * render's 640 × 440; and compare mode's one row of A and B at 200 % text in a 1360 × 860 window.
     */
    private static final double[][] SIZES = {{366, 320}, {340, 250}, {275, 336}, {255, 266}, {1100, 700}, {640, 440}, {335, 240}};

    private static ChartInputs trained(Path preset) {
        ExperimentSpec spec = ExperimentJson.read(preset);
        return Trained.inputs(spec, preset.getParent(), Math.min(spec.training().steps(), 150));
    }

    @Test
    void noLegendCoversDataInAnyViewOfAnyPreset() throws IOException {
        List<String> covering = new ArrayList<>();
        int placed = 0;
        try (Stream<Path> files = Files.list(Path.of("assets/presets"))) {
            for (Path preset : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ChartInputs in = trained(preset);
                for (ViewKind view : Views.ALL) {
                    for (double[] size : SIZES) {
                        BufferedImage img = new BufferedImage((int) size[0], (int) size[1], BufferedImage.TYPE_INT_RGB);
                        Graphics2D g = img.createGraphics();
                        Surface.begin(g, size[0], size[1]);
                        LegendAudit audit = LegendAudit.on(g);
                        view.painter().paint(g, size[0], size[1], in);
                        g.dispose();
                        placed += audit.placed();
                        for (String c : audit.covering()) {
                            covering.add(preset.getFileName() + " " + view.id() + " " + (int) size[0] + "×" + (int) size[1] + ": " + c);
                        }
                    }
                }
            }
        }
        System.out.println("legends placed: " + placed + ", covering data: " + covering.size());
        covering.forEach(System.out::println);
        assertTrue(placed > 100, "legends were placed: " + placed);
        assertTrue(covering.isEmpty(), covering.size() + " legends cover data:\n" + String.join("\n", covering));
    }
}
