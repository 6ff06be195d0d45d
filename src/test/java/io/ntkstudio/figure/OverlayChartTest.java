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
            assertTrue(Pixels.count(img, OverlayChart.A) > 200, view.id() + ": run A is drawn in blue");
            assertTrue(Pixels.count(img, OverlayChart.B) > 200, view.id() + ": run B is drawn in orange");
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

    private static boolean orangish(int p) {
        int r = p >> 16 & 0xFF;
        int g = p >> 8 & 0xFF;
        int b = p & 0xFF;
        return r > g + 30 && g > b + 30;
    }

    /** The most separate runs of run B's orange that any column of the picture crosses: how many of its curves lie apart. */
    private static int mostOrangeCurvesInAColumn(BufferedImage img) {
        int most = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            int runs = 0;
            boolean inside = false;
            for (int y = 0; y < img.getHeight(); y++) {
                boolean o = orangish(img.getRGB(x, y));
                runs += o && !inside ? 1 : 0;
                inside = o;
            }
            most = Math.max(most, runs);
        }
        return most;
    }

    private static BufferedImage slice(ChartInputs both) {
        BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Surface.begin(g, 640, 440);
        OverlayChart.slice(g, 640, 440, both);
        g.dispose();
        return img;
    }

    @Test
    void withSeveralNetworksTheSliceOverlayDrawsEveryOneOfBothRuns() {
        // narrow networks of other seeds, whose kernels scatter apart rather than draw over each other; Θ_0 hidden
        ExperimentSpec other = A.withNetwork(NET.withSeed(9));
        int one = mostOrangeCurvesInAColumn(slice(trained(A).withSliceInit(false).withCompanion(trained(other))));
        ChartInputs a = trained(A.withTraining(A.training().withMembers(4))).withSliceInit(false);
        ChartInputs b = trained(other.withTraining(A.training().withMembers(4)));
        int several = mostOrangeCurvesInAColumn(slice(a.withCompanion(b)));
        assertTrue(one <= 2, "one network of B: its curve (and its legend's sample) in a column, got " + one);
        assertTrue(several >= 4, "four networks of B: four curves apart somewhere, got " + several);
    }

    @Test
    void inASmallChartEveryLineOfSeveralNetworksIsNamedAtItsEnd() {
        // too small for a legend box: the names go to the lines' ends, found by the colour they are drawn in
        ExperimentSpec other = A.withNetwork(NET.withSeed(9));
        ChartInputs both = trained(A.withTraining(A.training().withMembers(4)))
                .withCompanion(trained(other.withTraining(A.training().withMembers(4))));
        BufferedImage img = new BufferedImage(300, 170, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Surface.begin(g, 300, 170);
        LegendAudit audit = LegendAudit.on(g);
        OverlayChart.slice(g, 300, 170, both);
        g.dispose();
        assertEquals(1, audit.placed());
        assertTrue(audit.unnamed().isEmpty(), audit.unnamed().toString());
    }

    private static BufferedImage paint(ViewKind view, ChartInputs in) {
        BufferedImage img = new BufferedImage(640, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Surface.begin(g, 640, 440);
        view.painter().paint(g, 640, 440, in);
        g.dispose();
        return img;
    }

    @Test
    void kernelsAtOutputScalesApartShareOneAxisDividedByAlphaSquared() {
        // α = 1 and α = 100: kernels of about 3 and 30,000; on one linear axis A was a flat line
        ChartInputs a = trained(A);
        ChartInputs b = trained(A.withNetwork(NET.withOutputScale(100)));
        BufferedImage img = paint(Views.OVERLAY_SLICE, a.withCompanion(b));
        int rowsA = Pixels.rows(img, OverlayChart.A);
        int rowsB = Pixels.rows(img, OverlayChart.B);
        assertTrue(rowsA > 80 && rowsB > 80, "both slices span the plot: A over " + rowsA + " rows, B over " + rowsB);
        // the same runs at one scale are drawn as they are: α² leaves them alone
        BufferedImage same = paint(Views.OVERLAY_SLICE, a.withCompanion(trained(A.withNetwork(NET.withWidth(64)))));
        assertTrue(Pixels.rows(same, OverlayChart.A) > 80);
    }

    @Test
    void theFunctionOverlayOfManyNetworksDrawsEveryOneTheirMeansAndTheGaussianProcess() {
        ExperimentSpec several = A.withTraining(A.training().withMembers(4));
        ChartInputs a = trained(several);
        ChartInputs b = trained(several.withNetwork(NET.withWidth(256)));
        BufferedImage img = paint(Views.OVERLAY_FUNCTION, a.withCompanion(b));
        // the members, faint in each run's colour, the means bold, the one Gaussian process of both widths dashed in purple
        assertTrue(Pixels.count(img, OverlayChart.A) > 200 && Pixels.count(img, OverlayChart.B) > 200, "both means");
        assertTrue(Pixels.count(img, Palette.PURPLE) > 40, "the NTK Gaussian process, dashed: " + Pixels.count(img, Palette.PURPLE));
        java.util.List<String> legend = OverlayChart.functionLegend(a, b);
        assertTrue(legend.contains("A: width 16, 4 networks") && legend.contains("B: width 256, 4 networks"), legend.toString());
        assertTrue(legend.contains("A: width 16, their mean ± 2σ") && legend.contains("NTK-GP mean ± 2σ (∞ width)"), legend.toString());
        assertEquals(1, legend.stream().filter(n -> n.contains("NTK-GP")).count(), "one Gaussian process for two widths: " + legend);
    }
}
