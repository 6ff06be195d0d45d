package io.ntkstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.WidthSweep;
import io.ntkstudio.figure.FigureSet;
import io.ntkstudio.network.Parameterization;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render} and {@code sweep}: headless figures and the width sweep. */
class FiguresCliTest {
    @TempDir
    Path dir;

    private Path spec(String json) throws Exception {
        Path p = dir.resolve("spec.json");
        Files.writeString(p, json);
        return p;
    }

    @Test
    void renderTakesALessonDrawsItsViewsAsItSetsThemAndBothRunsOfAComparison() throws Exception {
        String experiment = "{\"network\": {\"width\": 64, \"depth\": 1}, \"data\": {\"n\": 12, \"testN\": 24},"
                + " \"training\": {\"learningRate\": 0.5, \"steps\": 10, \"kernelEvery\": 5}}";
        Path lesson = dir.resolve("lesson.ntk");
        Files.writeString(lesson, "{\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": " + experiment
                + ", \"compare\": {\"network\": {\"width\": 256}}, \"heatmap\": \"change\", \"panels\": [\"spectrum\"]}");
        Path out = dir.resolve("lesson-out");
        CliTest.Result r = CliTest.run("render", "--spec", lesson.toString(), "--out", out.toString(), "--scale", "1");
        assertEquals(0, r.code(), r.err());
        for (String run : List.of("A", "B")) {
            for (String name : List.of("dashboard", "function", "heatmap", "losses", "spectrum", "slice", "modes")) {
                assertTrue(Files.size(out.resolve(name + "-" + run + ".png")) > 0, name + "-" + run);
            }
        }
        // the heatmap in the lesson's mode differs from the same run's plain render
        Path plain = dir.resolve("plain.json");
        Files.writeString(plain, experiment);
        assertEquals(0, CliTest.run("render", "--spec", plain.toString(), "--out", dir.resolve("plain").toString(), "--scale", "1").code());
        BufferedImage staged = ImageIO.read(out.resolve("heatmap-A.png").toFile());
        BufferedImage asIs = ImageIO.read(dir.resolve("plain/heatmap.png").toFile());
        int differ = 0;
        for (int y = 0; y < staged.getHeight(); y += 2) {
            for (int x = 0; x < staged.getWidth(); x += 2) {
                differ += staged.getRGB(x, y) != asIs.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differ > 1000, "the heatmap in the lesson's mode, Θ_t − Θ_0: " + differ + " pixels differ");
        // a malformed lesson: one line, status 2
        Files.writeString(dir.resolve("bad.ntk"), "{\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"speed\": -3}");
        CliTest.Result bad = CliTest.run("render", "--spec", dir.resolve("bad.ntk").toString(), "--out", dir.resolve("b").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("speed must be") && bad.err().strip().split("\n").length == 1, bad.err());
    }

    @Test
    void renderWritesEveryViewAtTheRequestedScale() throws Exception {
        Path spec = spec("{\"network\": {\"width\": 128, \"depth\": 1}, \"data\": {\"source\": \"circle\", \"n\": 16, \"target\": \"mix\", \"frequency\": 5},"
                + " \"training\": {\"learningRate\": 0.5, \"steps\": 30, \"kernelEvery\": 10}}");
        CliTest.Result r = CliTest.run("render", "--spec", spec.toString(), "--out", dir.resolve("fig").toString(), "--scale", "2");
        assertEquals(0, r.code(), r.err());
        List<String> names = new ArrayList<>();
        FigureSet.viewNames().forEach(names::add);
        assertEquals(List.of("function", "heatmap", "losses", "spectrum", "slice", "modes"), names);
        for (String name : names) {
            BufferedImage img = ImageIO.read(dir.resolve("fig/" + name + ".png").toFile());
            assertEquals(2 * FigureSet.VIEW_WIDTH, img.getWidth(), name);
            assertEquals(2 * FigureSet.VIEW_HEIGHT, img.getHeight(), name);
            assertTrue(distinctColours(img) > 20, name + " has content");
        }
        BufferedImage dash = ImageIO.read(dir.resolve("fig/dashboard.png").toFile());
        assertEquals(2 * 3 * FigureSet.VIEW_WIDTH, dash.getWidth());
        assertTrue(r.out().startsWith("rendered step 30"), r.out());
        CliTest.Result dark = CliTest.run("render", "--spec", spec.toString(), "--out", dir.resolve("dark").toString(), "--scale", "1",
                "--theme", "dark");
        assertEquals(0, dark.code(), dark.err());
        assertEquals(0xFF1E1F22, ImageIO.read(dir.resolve("dark/losses.png").toFile()).getRGB(1, 1), "dark background");
        CliTest.Result theme = CliTest.run("render", "--spec", spec.toString(), "--out", dir.resolve("x").toString(), "--theme", "blue");
        assertEquals(2, theme.code());
        assertTrue(theme.err().contains("allowed: light, high-contrast, dark"), theme.err());
        CliTest.Result bad = CliTest.run("render", "--spec", spec.toString(), "--out", dir.resolve("fig").toString(), "--scale", "9");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--scale must be from 1 to 4"), bad.err());
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void sweepShowsTheKernelFreezingUnderNtkButNotUnderMup() throws Exception {
        Path spec = spec("{\"network\": {\"depth\": 1, \"seed\": 0}, \"data\": {\"source\": \"circle\", \"n\": 16, \"testN\": 32, \"frequency\": 2},"
                + " \"training\": {\"learningRate\": 0.5, \"steps\": 100, \"kernelEvery\": 100}}");
        CliTest.Result r = CliTest.run("sweep", "--spec", spec.toString(), "--widths", "64,256,1024,4096", "--seeds", "3",
                "--out", dir.resolve("sw").toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("sw/sweep.csv"));
        assertEquals("parameterization,width,seed,kernel_change,distance_to_limit_init,weight_change", lines.get(0));
        assertEquals(1 + 2 * 4 * 3, lines.size());
        List<WidthSweep.Point> points = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            points.add(new WidthSweep.Point(Parameterization.parse(c[0]), Integer.parseInt(c[1]), Long.parseLong(c[2]),
                    Double.parseDouble(c[3]), Double.parseDouble(c[4]), Double.parseDouble(c[5])));
        }
        // The fluctuation of the kernel at initialisation falls like width^(−1/2) (Lee et al. 2019).
        assertEquals(-0.5, WidthSweep.limitSlope(points, Parameterization.NTK), 0.15);
        // After training the NTK-parameterized kernel moves less the wider the network; μP's does not.
        double ntk = WidthSweep.slope(points, Parameterization.NTK);
        double mup = WidthSweep.slope(points, Parameterization.MUP);
        assertTrue(ntk < -0.4, "ntk slope " + ntk);
        assertTrue(mup > -0.15, "mup slope " + mup);
        // and so do its weights, relative to their size (Lee et al. 2019, Figure 1)
        double weights = WidthSweep.weightSlope(points, Parameterization.NTK);
        assertEquals(-0.5, weights, 0.15, "ntk weight-change slope");
        BufferedImage png = ImageIO.read(dir.resolve("sw/sweep.png").toFile());
        assertTrue(png.getWidth() > 1000 && distinctColours(png) > 20);
        assertTrue(r.err().contains("sweep: 24/24"), "progress on stderr");
        assertTrue(r.out().contains("ntk: kernel change falls like width^"), r.out());
    }

    @Test
    void sweepRejectsBadWidthsAndParameterizations() throws Exception {
        Path spec = spec(io.ntkstudio.engine.ExperimentJson.format(ExperimentSpec.defaults()));
        CliTest.Result r = CliTest.run("sweep", "--spec", spec.toString(), "--widths", "0,16", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--widths must be an integer from 1 to 8192"), r.err());
        r = CliTest.run("sweep", "--spec", spec.toString(), "--parameterizations", "ntk,xyz", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown parameterization 'xyz'"), r.err());
        // one width has no slope (it printed width^NaN and exited 0); --widths beside --output-scales was ignored
        for (String one : new String[] {"16", "16,16"}) {
            r = CliTest.run("sweep", "--spec", spec.toString(), "--widths", one, "--out", dir.resolve("one").toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("--widths needs at least two different widths to fit a slope, got 16;"), r.err());
        }
        r = CliTest.run("sweep", "--spec", spec.toString(), "--widths", "16,64", "--output-scales", "1,10", "--out",
                dir.resolve("both").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--widths and --output-scales sweep different things"), r.err());
    }

    @Test
    void renderMakesASlideOfExactlyTheSizeAskedForAndRefusesABadSize(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path spec = java.nio.file.Files.writeString(tmp.resolve("s.json"),
                "{\"network\": {\"width\": 32}, \"data\": {\"n\": 8, \"testN\": 16}, \"training\": {\"steps\": 3, \"kernelEvery\": 1}}");
        java.nio.file.Path out = tmp.resolve("slide");
        CliTest.Result r = CliTest.run("render", "--spec", spec.toString(), "--out", out.toString(), "--size", "1920x1080", "--scale", "1.5");
        assertEquals(0, r.code(), r.err());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(out.resolve("dashboard.png").toFile());
        assertEquals(1920, img.getWidth());
        assertEquals(1080, img.getHeight());
        CliTest.Result bad = CliTest.run("render", "--spec", spec.toString(), "--out", tmp.resolve("b").toString(), "--size", "wide");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--size must be WIDTHxHEIGHT"), bad.err());
    }

    @Test
    void sweepTakesTheSameFigureOptionsAsRender(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path spec = java.nio.file.Files.writeString(tmp.resolve("s.json"),
                "{\"network\": {\"depth\": 1}, \"data\": {\"n\": 8, \"testN\": 8}, \"training\": {\"steps\": 5}}");
        java.nio.file.Path out = tmp.resolve("sweep");
        CliTest.Result r = CliTest.run("sweep", "--spec", spec.toString(), "--widths", "16,64", "--seeds", "1", "--out", out.toString(),
                "--size", "1600x1200", "--theme", "dark", "--scale", "2");
        assertEquals(0, r.code(), r.err());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(out.resolve("sweep.png").toFile());
        assertEquals(1600, img.getWidth());
        assertEquals(1200, img.getHeight());
        assertTrue((img.getRGB(2, 2) & 0xFF) < 80, "the dark theme's background");
        java.nio.file.Path scales = tmp.resolve("scales");
        r = CliTest.run("sweep", "--spec", spec.toString(), "--output-scales", "1,10", "--seeds", "1", "--out", scales.toString(),
                "--size", "1280x720");
        assertEquals(0, r.code(), r.err());
        assertEquals(720, javax.imageio.ImageIO.read(scales.resolve("sweep.png").toFile()).getHeight());
        CliTest.Result bad = CliTest.run("sweep", "--spec", spec.toString(), "--out", tmp.resolve("b").toString(), "--size", "20x20");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--size must be WIDTHxHEIGHT") && bad.err().lines().count() == 1, bad.err());
        assertTrue(!java.nio.file.Files.exists(tmp.resolve("b")), "refused before any work");
    }

    @Test
    void aSweepOfEnsemblesWritesTheGapItsFloorAndTheSpreadAgainstWidth() throws Exception {
        Path spec = spec("{\"network\": {\"width\": 32, \"depth\": 1}, \"data\": {\"source\": \"circle\", \"n\": 8, \"testN\": 16},"
                + " \"training\": {\"learningRate\": 0.5, \"steps\": 20, \"kernelEvery\": 10, \"members\": 4}}");
        Path out = dir.resolve("ens");
        CliTest.Result r = CliTest.run("sweep", "--spec", spec.toString(), "--widths", "64,16", "--out", out.toString(), "--scale", "1");
        assertEquals(0, r.code(), r.err());
        java.util.List<String> lines = java.nio.file.Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals("width,members,step,mean_gap,std_ratio,sampling_floor,train_loss_mean", lines.get(0));
        assertEquals(3, lines.size(), "one row per width");
        assertTrue(lines.get(1).startsWith("16,4,20,") && lines.get(2).startsWith("64,4,20,"), "in order of width: " + lines);
        for (String line : lines.subList(1, 3)) {
            for (String cell : line.split(",")) {
                assertTrue(Double.isFinite(Double.parseDouble(cell)), line);
            }
        }
        BufferedImage img = javax.imageio.ImageIO.read(out.resolve("sweep.png").toFile());
        assertEquals(760, img.getWidth());
        assertTrue(r.out().contains("4 networks per width"), r.out());
    }
}
