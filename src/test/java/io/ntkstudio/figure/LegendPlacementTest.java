package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.ExperimentSpec;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Legends never cover data: every view of every experiment the project ships (presets and lessons), painted at the sizes a view
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
    private static final double[][] SIZES = {{366, 320}, {340, 250}, {275, 336}, {255, 266}, {1100, 700}, {640, 440}, {335, 240}, {640, 230}, {500, 230}, {630, 165}};

    /** Every experiment the project ships: the presets, and each built-in lesson's A and, for a comparison, B. */
    static Stream<Arguments> experiments() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String folder : List.of("assets/presets", "assets/lessons")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".ntk")).sorted().toList()) {
                    Lesson l = LessonJson.read(file);
                    all.add(Arguments.of(file.getFileName().toString(), l.experiment(), file.getParent()));
                    if (l.compares()) {
                        // B with at most four networks, to fit the tests' heap (Jacot et al.'s ten 2048-wide ones do not):
                        // the legends are those of any number of networks above one
                        ExperimentSpec b = l.compare();
                        all.add(Arguments.of(file.getFileName() + " B", b.withTraining(b.training().withSteps(Math.min(40, b.training().steps()))
                                .withMembers(Math.min(4, b.training().members()))), file.getParent()));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void noLegendCoversDataInAnyViewAtAnySize(String name, ExperimentSpec spec, Path folder) {
        ChartInputs trained = Trained.inputs(spec, folder, Math.min(spec.training().steps(), 80));
        List<String> covering = new ArrayList<>();
        int placed = 0;
        for (ViewKind view : Views.ALL) {
            // a lesson or presenter mode shows a two-panel view's second panel at any size
            for (boolean both : Views.TWO_PANELS.contains(view) ? new boolean[] {false, true} : new boolean[] {false}) {
                ChartInputs in = trained.withBothPanels(both);
                for (double[] size : SIZES) {
                    if (both && PanelSplit.of(size[0], size[1], true).layout() == PanelSplit.of(size[0], size[1], false).layout()) {
                        // the same picture as by size, painted already
                        continue;
                    }
                    BufferedImage img = new BufferedImage((int) size[0], (int) size[1], BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = img.createGraphics();
                    Surface.begin(g, size[0], size[1]);
                    LegendAudit audit = LegendAudit.on(g);
                    view.painter().paint(g, size[0], size[1], in);
                    g.dispose();
                    placed += audit.placed();
                    if (audit.directLabelled() > 0) {
                        // one legend style in every view at the window's sizes: a box, in the plot or beside it
                        covering.add(name + " " + view.id() + (both ? " (both panels) " : " ") + (int) size[0] + "×" + (int) size[1]
                                + ": names written at the lines' ends instead of a legend box");
                    }
                    for (String c : audit.covering()) {
                        covering.add(name + " " + view.id() + (both ? " (both panels) " : " ") + (int) size[0] + "×" + (int) size[1] + ": " + c);
                    }
                }
            }
        }
        assertTrue(placed > 20, "legends were placed: " + placed);
        assertTrue(covering.isEmpty(), covering.size() + " legends cover data:\n" + String.join("\n", covering));
    }
}
