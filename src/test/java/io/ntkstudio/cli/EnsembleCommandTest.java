package io.ntkstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.engine.Ensemble;
import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheEnsembleAgainstTheGaussianProcessAndItReReadsToTheExactNumbers() throws Exception {
        Path spec = Files.writeString(dir.resolve("e.json"), "{\"network\": {\"width\": 128, \"depth\": 1, \"activation\": \"erf\","
                + " \"sigmaW\": 1.5, \"seed\": 5}, \"data\": {\"n\": 6, \"testN\": 10, \"frequency\": 1},"
                + " \"training\": {\"learningRate\": 1.0, \"steps\": 12, \"kernelEvery\": 5}}");
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.run("ensemble", "--spec", spec.toString(), "--members", "4", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("ensemble.csv"));
        // each row carries its test input, so that the numbers plot without rebuilding the test points
        assertEquals("index,x1,x2,target,mean,std,gp_mean,gp_std,nngp_mean,nngp_std", rows.get(0));
        assertEquals(11, rows.size());
        ExperimentSpec s = ExperimentJson.read(spec);
        var data = DataSources.build(s.data(), dir);
        Ensemble e = Ensemble.create(s, data, 4, () -> false);
        for (int t = 0; t < 12; t++) {
            e.advance();
        }
        Ensemble.Stats st = e.stats();
        for (int a = 0; a < 10; a++) {
            String[] c = rows.get(a + 1).split(",");
            assertEquals(a, Integer.parseInt(c[0]));
            assertEquals(data.test().input(a, 0), Double.parseDouble(c[1]), 0.0);
            assertEquals(data.test().input(a, 1), Double.parseDouble(c[2]), 0.0);
            assertEquals(data.test().target(a), Double.parseDouble(c[3]), 0.0);
            assertEquals(st.mean()[a], Double.parseDouble(c[4]), 0.0);
            assertEquals(st.std()[a], Double.parseDouble(c[5]), 0.0);
            assertEquals(st.gpMean()[a], Double.parseDouble(c[6]), 0.0);
            assertEquals(st.gpStd()[a], Double.parseDouble(c[7]), 0.0);
            assertTrue(Double.parseDouble(c[9]) >= 0);
        }
        List<String> metrics = Files.readAllLines(out.resolve("ensemble_metrics.csv"));
        assertEquals(List.of("step", "0", "5", "10", "12"), metrics.stream().map(l -> l.split(",")[0]).toList());
        List<String> members = Files.readAllLines(out.resolve("members.csv"));
        assertEquals("member,index,x1,x2,prediction", members.get(0));
        assertEquals(1 + 4 * 10, members.size());
        assertEquals(data.test().input(3, 1), Double.parseDouble(members.get(4).split(",")[3]), 0.0);
        // and the picture of the networks against the Gaussian process
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("ensemble.png").toFile());
        assertEquals(2 * io.ntkstudio.figure.FigureSet.VIEW_WIDTH, png.getWidth());
        assertTrue(Files.readString(out.resolve("status.json")).contains("complete"));
    }

    @Test
    void badMemberCountsAndDivergenceGiveOneLine() throws Exception {
        Path spec = Files.writeString(dir.resolve("e.json"), "{\"network\": {\"width\": 32}, \"data\": {\"n\": 8},"
                + " \"training\": {\"learningRate\": 400, \"steps\": 500}}");
        CliTest.Result bad = CliTest.run("ensemble", "--spec", spec.toString(), "--members", "65", "--out", dir.resolve("o").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--members must be an integer from 1 to 64"), bad.err());
        CliTest.Result div = CliTest.run("ensemble", "--spec", spec.toString(), "--members", "3", "--out", dir.resolve("d").toString());
        assertEquals(3, div.code(), div.err());
        assertTrue(div.err().matches("(?s)ensemble: member \\d \\(seed \\d\\) diverged at step \\d+.*"), div.err());
        assertEquals(1, div.err().strip().split("\n").length);
    }

    @Test
    void withoutAGaussianProcessItSaysWhyInsteadOfPrintingNaN() throws Exception {
        Path spec = Files.writeString(dir.resolve("l.json"), "{\"network\": {\"width\": 32}, \"data\": {\"source\": \"xor\", \"n\": 16},"
                + " \"training\": {\"learningRate\": 0.5, \"steps\": 5, \"loss\": \"logistic\"}}");
        CliTest.Result r = CliTest.run("ensemble", "--spec", spec.toString(), "--members", "3", "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("no NTK-GP to compare with: under the logistic loss") && !r.out().contains("NaN"), r.out());
    }

    @Test
    void onClassDataEveryColumnIsOnePerOutputAndTheAccuraciesAreSaid() throws Exception {
        Path spec = Files.writeString(dir.resolve("c.json"), "{\"network\": {\"width\": 64, \"depth\": 1, \"seed\": 2},"
                + " \"data\": {\"source\": \"digits\", \"n\": 12, \"testN\": 9, \"digits\": [3, 8, 1]},"
                + " \"training\": {\"learningRate\": 0.5, \"steps\": 6, \"kernelEvery\": 3}}");
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.run("ensemble", "--spec", spec.toString(), "--members", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        ExperimentSpec s = ExperimentJson.read(spec);
        var data = DataSources.build(s.data(), dir);
        Ensemble e = Ensemble.create(s, data, 3, () -> false);
        for (int t = 0; t < 6; t++) {
            e.advance();
        }
        Ensemble.Stats st = e.stats();
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "test accuracy of the mean %.1f %%, of the NTK-GP mean %.1f %%",
                100 * data.test().accuracy(st.mean()), 100 * data.test().accuracy(st.gpMean()))), r.out());
        List<String> rows = Files.readAllLines(out.resolve("ensemble.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        assertEquals(1 + 64 + 1 + 6 * 3, header.size());
        assertEquals(List.of("target", "mean_0", "mean_1", "mean_2", "std_0"), header.subList(65, 70));
        assertEquals("nngp_std_2", header.get(header.size() - 1));
        assertEquals(10, rows.size());
        for (int a = 0; a < 9; a++) {
            String[] c = rows.get(a + 1).split(",");
            assertEquals(Integer.toString(data.test().label(a)), c[65]);
            for (int o = 0; o < 3; o++) {
                assertEquals(st.mean()[a * 3 + o], Double.parseDouble(c[66 + o]), 0.0);
                assertEquals(st.std()[a * 3 + o], Double.parseDouble(c[69 + o]), 0.0);
                assertEquals(st.gpMean()[a * 3 + o], Double.parseDouble(c[72 + o]), 0.0);
                // the outputs of the limit are independent with one kernel: one variance for all
                assertEquals(st.gpStd()[a * 3], Double.parseDouble(c[75 + o]), 0.0);
            }
        }
        List<String> members = Files.readAllLines(out.resolve("members.csv"));
        assertTrue(members.get(0).endsWith(",x64,prediction_0,prediction_1,prediction_2"), members.get(0));
        assertEquals(1 + 3 * 9, members.size());
        assertEquals(e.testOutputs().get(2)[4 * 3 + 1], Double.parseDouble(members.get(1 + 2 * 9 + 4).split(",")[2 + 64 + 1]), 0.0);
    }
}
