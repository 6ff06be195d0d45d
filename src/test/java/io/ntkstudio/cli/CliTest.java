package io.ntkstudio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ntkstudio.data.CsvData;
import io.ntkstudio.kernel.AnalyticKernel;
import io.ntkstudio.kernel.EmpiricalNtk;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;
    Path xFile;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void inputs() throws Exception {
        xFile = dir.resolve("x.csv");
        Files.writeString(xFile, "1,0\n0.6,0.8\n-0.28,0.96\n0,-1\n");
    }

    static double[] readMatrix(Path p) {
        List<double[]> rows = CsvData.readRows(p);
        double[] all = new double[rows.size() * rows.get(0).length];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, all, i * rows.get(0).length, rows.get(0).length);
        }
        return all;
    }

    /** A bad-input failure: exit 2 and exactly one line on stderr containing {@code part}. */
    static void assertBadInput(Result r, String part) {
        assertEquals(2, r.code(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, "one line on stderr: " + r.err());
        assertTrue(lines[0].contains(part), lines[0]);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void analyticKernelIsWrittenRoundTripExact() {
        Path out = dir.resolve("k.csv");
        Result r = run("kernel", "--x", xFile.toString(), "--depth", "3", "--activation", "relu", "--analytic", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        double[] x = readMatrix(xFile);
        double[] expected = new AnalyticKernel(Activation.RELU, 3, Math.sqrt(2), 0.1).ntk(x, 4, x, 4, 2);
        assertArrayEquals(expected, readMatrix(out), 0.0);
    }

    @Test
    void nngpAndSecondInputFile() throws Exception {
        Path x2 = dir.resolve("x2.csv");
        Files.writeString(x2, "0.5,0.5\n2,1\n");
        Path out = dir.resolve("k.csv");
        Result r = run("kernel", "--x", xFile.toString(), "--x2", x2.toString(), "--depth", "2", "--activation", "erf",
                "--sigma-w", "1.5", "--sigma-b", "0.2", "--analytic", "--nngp", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        double[] expected = new AnalyticKernel(Activation.ERF, 2, 1.5, 0.2).nngp(readMatrix(xFile), 4, readMatrix(x2), 2, 2);
        assertArrayEquals(expected, readMatrix(out), 0.0);
        assertEquals(4, CsvData.readRows(out).size());
        assertEquals(2, CsvData.readRows(out).get(0).length);
    }

    @Test
    void empiricalKernelOfTheSeededNetwork() {
        Path out = dir.resolve("k.csv");
        Result r = run("kernel", "--x", xFile.toString(), "--depth", "2", "--activation", "tanh", "--width", "64",
                "--seed", "5", "--parameterization", "mup", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Network net = Network.initialize(new NetworkConfig(64, 2, Activation.TANH, Parameterization.MUP, Math.sqrt(2), 0.1, 5), 2);
        double[] x = readMatrix(xFile);
        assertArrayEquals(EmpiricalNtk.cross(net, x, 4, x, 4), readMatrix(out), 0.0);
    }

    @Test
    void kernelNeverWritesOverItsInputOrASpecialFile() throws Exception {
        String before = Files.readString(xFile);
        assertBadInput(run("kernel", "--x", xFile.toString(), "--depth", "1", "--activation", "relu", "--analytic",
                "--out", xFile.toString()), "is the input");
        Path link = Files.createSymbolicLink(dir.resolve("x-link.csv"), xFile);
        assertBadInput(run("kernel", "--x", xFile.toString(), "--depth", "1", "--activation", "relu", "--analytic",
                "--out", link.toString()), "is the input");
        assertEquals(before, Files.readString(xFile));
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertBadInput(run("kernel", "--x", xFile.toString(), "--depth", "1", "--activation", "relu", "--analytic",
                "--out", fifo.toString()), "device, pipe or socket");
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(), "still a pipe");
        // a link to a new file is written through: the link stays
        Path through = Files.createSymbolicLink(dir.resolve("k-link.csv"), dir.resolve("k-real.csv"));
        assertEquals(0, run("kernel", "--x", xFile.toString(), "--depth", "1", "--activation", "relu", "--analytic",
                "--out", through.toString()).code());
        assertTrue(Files.isSymbolicLink(through) && Files.size(dir.resolve("k-real.csv")) > 0);
    }

    /** The help lists the names from the enums themselves: a new activation or theme shows without an edit. */
    @Test
    void helpListsEveryNameTheEnumsHave() {
        String kernel = run("kernel", "--help").out().replaceAll("\\s+", " ");
        for (Activation a : Activation.values()) {
            assertTrue(kernel.contains(a.id()), a.id() + " in: " + kernel);
        }
        for (Parameterization p : Parameterization.values()) {
            assertTrue(kernel.contains(p.id()), p.id() + " in: " + kernel);
        }
        String render = run("render", "--help").out();
        for (io.ntkstudio.figure.ChartTheme t : io.ntkstudio.figure.ChartTheme.values()) {
            assertTrue(render.contains(t.id()), t.id() + " in: " + render);
        }
    }

    @Test
    void kernelErrorPaths() throws Exception {
        String x = xFile.toString();
        String out = dir.resolve("k.csv").toString();
        assertBadInput(run("kernel", "--x", x, "--depth", "2", "--activation", "relu", "--out", out), "either --analytic or --width");
        assertBadInput(run("kernel", "--x", x, "--depth", "2", "--activation", "relu", "--analytic", "--width", "8", "--out", out), "not both");
        assertBadInput(run("kernel", "--x", x, "--depth", "2", "--activation", "swish", "--analytic", "--out", out), "unknown activation 'swish'");
        assertBadInput(run("kernel", "--x", x, "--depth", "2", "--activation", "relu", "--width", "8", "--nngp", "--out", out), "--nngp needs --analytic");
        assertBadInput(run("kernel", "--x", x, "--depth", "2", "--activation", "relu", "--analytic", "--parameterization", "standard", "--out", out), "--analytic needs --parameterization ntk");
        assertBadInput(run("kernel", "--x", x, "--depth", "2", "--activation", "relu", "--analytic", "--parameterization", "huge", "--out", out), "unknown parameterization");
        assertBadInput(run("kernel", "--x", x, "--depth", "12", "--activation", "relu", "--analytic", "--out", out), "--depth must be an integer from 1 to 10");
        assertBadInput(run("kernel", "--x", x, "--depth", "2", "--activation", "relu", "--width", "0", "--out", out), "network.width must be an integer from 1 to 8192");
        assertBadInput(run("kernel", "--x", x, "--depth", "2", "--activation", "relu", "--analytic", "--sigma-w", "-1", "--out", out), "--sigma-w");
        assertBadInput(run("kernel", "--x", x, "--depth", "2", "--activation", "relu", "--analytic", "--seed", "3", "--out", out), "--seed applies to --width");
        assertBadInput(run("kernel", "--x", dir.resolve("none.csv").toString(), "--depth", "2", "--activation", "relu", "--analytic", "--out", out), "no such file");
        Files.writeString(dir.resolve("bad.csv"), "1,2\n3,oops\n");
        assertBadInput(run("kernel", "--x", dir.resolve("bad.csv").toString(), "--depth", "2", "--activation", "relu", "--analytic", "--out", out), "line 2 column 2");
        Files.writeString(dir.resolve("three.csv"), "1,2,3\n");
        assertBadInput(run("kernel", "--x", x, "--x2", dir.resolve("three.csv").toString(), "--depth", "2", "--activation", "relu", "--analytic", "--out", out), "same dimension");
        assertBadInput(run("kernel", "--x", x, "--depth", "two", "--activation", "relu", "--analytic", "--out", out), "--depth");
        assertBadInput(run("kernel", "--depth", "2", "--activation", "relu", "--analytic", "--out", out), "--x");
        assertBadInput(run("kernel", "--x", x, "--depth", "2", "--activation", "relu", "--analytic", "--out", out, "--bogus"), "--bogus");
        // one row of 2 MB (the saboteur's had 400 MB and ran out of memory after 40 s): refused as it is read
        Files.writeString(dir.resolve("wide.csv"), "1," .repeat(1 << 20) + "1\n");
        assertBadInput(run("kernel", "--x", dir.resolve("wide.csv").toString(), "--depth", "2", "--activation", "relu", "--analytic", "--out", out),
                "line 1: is longer than 1 MiB");
        assertFalse(Files.exists(dir.resolve("k.csv")), "no output after a refused command");
    }

    @Test
    void aNetworkTooBigForMemoryIsRefusedBeforeAllocating() {
        Result r = run("kernel", "--x", xFile.toString(), "--depth", "10", "--activation", "relu", "--width", "8192",
                "--out", dir.resolve("k.csv").toString());
        if (Runtime.getRuntime().maxMemory() < 8L * 8192 * 8192 * 9) {
            assertBadInput(r, "needs about");
            assertTrue(r.err().contains("limit"), r.err());
        }
    }

    private Path writeSpec(String json) throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, json);
        return spec;
    }

    @Test
    void trainWritesEveryOutput() throws Exception {
        Path spec = writeSpec("{\"network\": {\"width\": 32, \"depth\": 2, \"seed\": 4},"
                + " \"data\": {\"source\": \"circle\", \"n\": 10, \"testN\": 15},"
                + " \"training\": {\"learningRate\": 0.5, \"steps\": 25, \"kernelEvery\": 10}}");
        Path out = dir.resolve("run");
        Result r = run("train", "--spec", spec.toString(), "--out", out.toString(), "--dump-params");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("trained 25 steps"), r.out());
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(TrainOutputs.METRICS_HEADER, metrics.get(0));
        assertEquals(List.of("0", "10", "20", "25"), metrics.subList(1, metrics.size()).stream().map(l -> l.split(",")[0]).toList());
        assertEquals("0.0", metrics.get(1).split(",")[3], "no kernel change at step 0");
        List<String> spectrum = Files.readAllLines(out.resolve("spectrum.csv"));
        assertEquals(5, spectrum.size());
        String[] eig = spectrum.get(4).split(",");
        assertEquals(11, eig.length);
        for (int i = 2; i < eig.length; i++) {
            assertTrue(Double.parseDouble(eig[i - 1]) >= Double.parseDouble(eig[i]), "descending");
        }
        assertEquals(10, CsvData.readRows(out.resolve("kernel_init.csv")).size());
        assertEquals(10, CsvData.readRows(out.resolve("kernel_final.csv")).get(0).length);
        List<String> pred = Files.readAllLines(out.resolve("predictions.csv"));
        assertEquals("x1,x2,target,network,kernel_regime,kernel_regime_limit", pred.get(0));
        assertEquals(16, pred.size());
        List<String> losses = Files.readAllLines(out.resolve("losses.csv"));
        assertEquals(27, losses.size(), "header and steps 0 to 25");
        assertEquals(metrics.get(4).split(",")[1], losses.get(26).split(",")[1], "the last step's loss in both files");

        Network init = Network.initialize(new NetworkConfig(32, 2, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, 4), 2);
        double[] x = new double[20];
        for (int i = 0; i < 10; i++) {
            x[2 * i] = Math.cos(2 * Math.PI * i / 10);
            x[2 * i + 1] = Math.sin(2 * Math.PI * i / 10);
        }
        assertArrayEquals(EmpiricalNtk.of(init, x, 10), readMatrix(out.resolve("kernel_init.csv")), 0.0);
        JsonObject params = JsonParser.parseString(Files.readString(out.resolve("params_init.json"))).getAsJsonObject();
        assertEquals("ntk", params.get("parameterization").getAsString());
        JsonArray layers = params.getAsJsonArray("layers");
        assertEquals(3, layers.size());
        JsonArray w0 = layers.get(0).getAsJsonObject().getAsJsonArray("W");
        assertEquals(32, w0.size());
        assertEquals(2, w0.get(0).getAsJsonArray().size());
        assertEquals(init.weights(0)[1], w0.get(0).getAsJsonArray().get(1).getAsDouble(), 0.0);
        assertEquals(1, layers.get(2).getAsJsonObject().getAsJsonArray("b").size());
        assertTrue(Files.exists(out.resolve("params_final.json")));
    }

    @Test
    void trainOnCsvDataResolvesPathsAgainstTheSpec() throws Exception {
        Files.writeString(dir.resolve("train.csv"), "-1,1\n-0.5,0.2\n0,0\n0.5,-0.2\n1,-1\n");
        Files.writeString(dir.resolve("test.csv"), "-0.75,0.5\n0.25,-0.1\n");
        Path spec = writeSpec("{\"network\": {\"width\": 16, \"depth\": 1, \"parameterization\": \"standard\"},"
                + " \"data\": {\"source\": \"csv\", \"train\": \"train.csv\", \"test\": \"test.csv\"},"
                + " \"training\": {\"learningRate\": 0.1, \"steps\": 5, \"kernelEvery\": 5}}");
        Result r = run("train", "--spec", spec.toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        List<String> pred = Files.readAllLines(dir.resolve("o/predictions.csv"));
        assertEquals("x1,target,network,kernel_regime,kernel_regime_limit", pred.get(0));
        assertTrue(pred.get(1).endsWith(",NaN"), "no analytic limit under standard parameterization");
    }

    @Test
    void divergenceExitsThreeAndKeepsTheOutputs() throws Exception {
        Path spec = writeSpec("{\"network\": {\"width\": 64, \"depth\": 2},"
                + " \"data\": {\"source\": \"circle\", \"n\": 12},"
                + " \"training\": {\"learningRate\": 400, \"steps\": 5000, \"kernelEvery\": 1}}");
        Path out = dir.resolve("run");
        Result r = run("train", "--spec", spec.toString(), "--out", out.toString(), "--dump-params");
        assertEquals(3, r.code(), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains("diverged at step") && r.err().contains("2n/λ_max(K) = "), r.err());
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertTrue(metrics.size() >= 2);
        for (String line : metrics.subList(1, metrics.size())) {
            assertTrue(Double.isFinite(Double.parseDouble(line.split(",")[1])), "only finite steps are kept: " + line);
        }
        assertTrue(Files.exists(out.resolve("kernel_final.csv")) && Files.exists(out.resolve("predictions.csv")));
        assertTrue(Files.exists(out.resolve("params_init.json")));
        assertFalse(Files.exists(out.resolve("params_final.json")));
        assertTrue(Files.readString(out.resolve("status.json")).contains("\"diverged\""));
    }

    @Test
    void aDivergingRunKeepsTheLossOfEveryStepUpToTheLastFiniteOne() throws Exception {
        // tanh at a rate well above 2n/λ_max: the loss grows for a while before it overflows
        Path spec = writeSpec("{\"network\": {\"width\": 32, \"depth\": 2, \"activation\": \"tanh\", \"sigmaW\": 3},"
                + " \"data\": {\"source\": \"circle\", \"n\": 12},"
                + " \"training\": {\"learningRate\": 60, \"steps\": 100000, \"kernelEvery\": 50}}");
        Path out = dir.resolve("run");
        Result r = run("train", "--spec", spec.toString(), "--out", out.toString());
        assertEquals(3, r.code(), r.err());
        long diverged = Long.parseLong(r.err().replaceAll("(?s).*diverged at step (\\d+).*", "$1"));
        List<String> losses = Files.readAllLines(out.resolve("losses.csv"));
        assertEquals(TrainOutputs.LOSSES_HEADER, losses.get(0));
        assertEquals(diverged, losses.size() - 1, "a row for every step before the divergence");
        for (int i = 1; i < losses.size(); i++) {
            String[] c = losses.get(i).split(",");
            assertEquals(i - 1, Long.parseLong(c[0]));
            assertTrue(Double.isFinite(Double.parseDouble(c[1])), losses.get(i));
        }
    }

    /**
     * The saboteur's cases, which finished "complete" with status 0: a loss that grows to 1e30 or
     * 1e269 while staying finite has diverged, and says why; every step kept is below the bound.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {10, 10000})
    void aLossThatGrowsAMillionfoldHasDivergedThoughFinite(double rate) throws Exception {
        Path spec = writeSpec("{\"network\": {\"width\": 16}, \"training\": {\"learningRate\": " + rate
                + ", \"steps\": 30, \"kernelEvery\": 10}}");
        Path out = dir.resolve("run");
        Result r = run("train", "--spec", spec.toString(), "--out", out.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("the train loss grew to") && r.err().contains("over 10^6 × its start"), r.err());
        assertTrue(Files.readString(out.resolve("status.json")).contains("\"diverged\""));
        List<String> losses = Files.readAllLines(out.resolve("losses.csv"));
        double start = Double.parseDouble(losses.get(1).split(",")[1]);
        for (String line : losses.subList(1, losses.size())) {
            assertTrue(Double.parseDouble(line.split(",")[1]) <= 1e6 * Math.max(start, 0.5), line);
        }
    }

    /** The saboteur's messages: each is one line that names the range, quotes what was written, and is short. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "{\"network\": {\"width\": null}}|network.width is null; give a value, or leave the field out",
        "{\"training\": null}|training is null",
        "{\"training\": {\"learningRate\": 1e308}}|training.learningRate must be a number from 0.000001 to 10000, got 1e308",
        "{\"training\": {\"steps\": 2147483648}}|training.steps must be an integer from 0 to 100000000, got 2147483648",
        "{\"training\": {\"steps\": 99999999999999999999999}}|training.steps must be an integer from 0 to 100000000, got 99999999999999999999999",
    })
    void aBadValueIsOneShortLineNamingItsRange(String json, String message) throws Exception {
        Result r = run("train", "--spec", writeSpec(json).toString(), "--out", dir.resolve("o").toString());
        assertBadInput(r, message);
        assertTrue(r.err().length() < 200, r.err());
    }

    @Test
    void aPathWithALineBreakStaysOnOneLine() throws Exception {
        Path odd = Files.createDirectories(dir.resolve("a\nb"));
        assertBadInput(run("train", "--spec", odd.resolve("none.json").toString(), "--out", dir.resolve("o").toString()),
                "a\\nb");
    }

    @Test
    void trainErrorPaths() throws Exception {
        String out = dir.resolve("o").toString();
        assertBadInput(run("train", "--spec", dir.resolve("none.json").toString(), "--out", out), "no such file");
        assertBadInput(run("train", "--spec", writeSpec("{\"network\": {\"width\": 64,}").toString(), "--out", out), "not valid JSON");
        assertBadInput(run("train", "--spec", writeSpec("{\"netwrk\": {}}").toString(), "--out", out), "unknown field netwrk");
        assertBadInput(run("train", "--spec", writeSpec("{\"training\": {\"steps\": -3}}").toString(), "--out", out), "training.steps");
        assertBadInput(run("train", "--spec", writeSpec("{\"data\": {\"source\": \"csv\", \"train\": \"nope.csv\"}}").toString(), "--out", out), "nope.csv: no such file");
        assertBadInput(run("train", "--spec", writeSpec("{\"network\": {\"width\": 8192, \"depth\": 10}}").toString(), "--out", out), "needs about");
        Files.writeString(dir.resolve("file"), "x");
        assertBadInput(run("train", "--spec", writeSpec("{}").toString(), "--out", dir.resolve("file").toString()), "is a file");
        assertBadInput(run("train", "--out", out), "--spec");
    }

    @Test
    void versionNamesTheBackendAndThePlatformAndNoDisplayIsOneLineWithTheRenderCommand() {
        Result r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("NTK Studio ") && r.out().contains("backend: ") && r.out().contains("platform: "), r.out());
        String message = io.ntkstudio.ui.StudioMain.noDisplayMessage(false);
        assertFalse(message.contains("\n"));
        assertTrue(message.contains("render --spec") && message.contains("mvn -B -q -DskipTests package"), message);
        assertFalse(io.ntkstudio.ui.StudioMain.noDisplayMessage(true).contains("mvn"));
    }

    @Test
    void anExperimentFileGivenAloneOpensTheStudioAnythingElseIsACommand() throws Exception {
        Path shared = java.nio.file.Files.writeString(dir.resolve("lesson.ntk"), "{}");
        assertTrue(Main.isExperimentFile(shared.toString()), "a double-clicked .ntk opens in the studio");
        assertTrue(Main.isExperimentFile(java.nio.file.Files.writeString(dir.resolve("e.json"), "{}").toString()));
        assertFalse(Main.isExperimentFile("train"));
        assertFalse(Main.isExperimentFile(dir.resolve("missing.ntk").toString()));
    }

    @Test
    void helpAndUsage() {
        Result r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("kernel") && r.out().contains("train"));
        Result k = run("kernel", "--help");
        assertEquals(0, k.code());
        assertTrue(k.out().contains("--analytic") && k.out().contains("--nngp"));
        assertBadInput(run("fly"), "fly");
    }

    /** The command list and each command's help say whole sentences: none is cut at its first line. */
    @Test
    void everyHelpTextIsWholeSentences() {
        picocli.CommandLine cli = new picocli.CommandLine(new Main());
        for (var entry : cli.getSubcommands().entrySet()) {
            if (entry.getKey().equals("help")) {
                continue;
            }
            var spec = entry.getValue().getCommandSpec().usageMessage();
            assertEquals(1, spec.header().length, entry.getKey() + " has a one-line header for the command list");
            assertTrue(spec.header()[0].endsWith("."), entry.getKey() + "'s header is a whole sentence: " + spec.header()[0]);
            for (String paragraph : spec.description()) {
                assertTrue(paragraph.endsWith(".") || paragraph.endsWith(".)"), entry.getKey() + ": a paragraph cut mid-sentence: " + paragraph);
            }
        }
        // in the command list, each command's summary (its first line and the indented ones under it) ends a sentence
        String list = run("--help").out();
        List<String> entries = new java.util.ArrayList<>();
        for (String line : list.substring(list.indexOf("Commands:")).split("\n")) {
            if (line.startsWith("    ") && !entries.isEmpty()) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
            } else if (line.startsWith("  ") && !line.strip().startsWith("help ")) {
                entries.add(line.strip());
            }
        }
        assertEquals(cli.getSubcommands().size() - 1, entries.size(), String.join("\n", entries));
        for (String e : entries) {
            assertTrue(e.endsWith("."), "the command list cuts: " + e);
        }
    }
}
