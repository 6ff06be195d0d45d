package io.ntkstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command in a child JVM, stopped by SIGTERM and killed by SIGKILL at seeded random
 * moments over an existing output folder: the folder always holds the complete old set or a
 * complete new one, and no temporary survives the next run.
 */
class StopSignalsTest {
    @TempDir
    Path dir;

    private static Process start(Path spec, Path out, String command) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), "io.ntkstudio.cli.Main", command, "--spec", spec.toString(),
                "--out", out.toString()));
        if (command.equals("render")) {
            cmd.add("--scale");
            cmd.add("1");
        }
        if (command.equals("ensemble")) {
            cmd.addAll(List.of("--members", "4"));
        }
        if (command.equals("sweep")) {
            cmd.addAll(List.of("--widths", "8,16,32,64", "--seeds", "1", "--parameterizations", "ntk"));
        }
        Path log = out.resolveSibling(out.getFileName() + ".log");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private Path spec(int steps) throws Exception {
        return Files.writeString(dir.resolve("spec-" + steps + ".json"), "{\"network\": {\"width\": 256, \"depth\": 2},"
                + " \"data\": {\"n\": 24, \"testN\": 32}, \"training\": {\"learningRate\": 0.5, \"steps\": " + steps
                + ", \"kernelEvery\": 100}}");
    }

    private static Map<String, byte[]> contents(Path out) throws Exception {
        Map<String, byte[]> m = new HashMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    /** Hidden and temporary files left, but the output folders' lock files, which stay by design. */
    private List<String> hidden() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.endsWith(".lock")
                    || n.endsWith(".tmp")).toList();
        }
    }

    private static void awaitRunning(Process p, Path parent) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Stream<Path> s = Files.list(parent)) {
                if (s.anyMatch(f -> f.getFileName().toString().contains(".staging-"))) {
                    return;
                }
            }
            Thread.sleep(20);
        }
    }

    /** SIGTERM, or SIGHUP from a closed terminal (which lost the run and left its staging folder). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"TERM, 143", "HUP, 129"})
    void aStopWritesTheRunSoFarAsACompleteInterruptedSet(String signal, int exit) throws Exception {
        Path out = dir.resolve("run");
        Process p = start(spec(5_000_000), out, "train");
        awaitRunning(p, dir);
        Thread.sleep(1500);
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run stops after SIG" + signal);
        String said = Files.readString(dir.resolve("run.log")).trim();
        assertEquals(exit, p.exitValue(), said);
        assertTrue(said.contains("interrupted at step") && said.lines().count() == 1, said);
        String status = Files.readString(out.resolve("status.json"));
        assertTrue(status.contains("\"interrupted\""), status);
        for (String f : List.of("metrics.csv", "spectrum.csv", "kernel_init.csv", "kernel_final.csv", "predictions.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        String lastStep = metrics.get(metrics.size() - 1).split(",")[0];
        assertTrue(status.contains("\"step\": " + lastStep), status + " against the last metrics row " + lastStep);
        assertEquals(List.of(), hidden());
    }

    /**
     * Two processes, one folder: the second is refused in one line naming the first, which is not
     * disturbed (before the lock, the second's clean-up deleted the first's staging folder), and
     * what the user puts in the folder meanwhile stays.
     */
    @Test
    void aSecondRunIntoALiveFolderIsRefusedAndTheFirstFinishesWhole() throws Exception {
        Path out = dir.resolve("run");
        Process first = start(spec(5_000_000), out, "train");
        awaitRunning(first, dir);
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "my notes");
        Process second = start(spec(10), out, "train");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        String refused = Files.readString(dir.resolve("run.log")).trim();
        assertEquals(2, second.exitValue(), refused);
        assertTrue(refused.contains("is being written by another run (process " + first.pid()) && refused.lines().count() == 1, refused);
        first.destroy();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, first.exitValue());
        for (String f : List.of("metrics.csv", "spectrum.csv", "losses.csv", "kernel_init.csv", "predictions.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals("my notes", Files.readString(out.resolve("notes.txt")));
        assertFalse(Files.readString(out.resolve("status.json")).contains("notes.txt"), "the manifest lists only the program's files");
        assertEquals(List.of(), hidden());
    }

    /**
     * SIGTERM in set-up (1,500 points: kernels and eigendecompositions that take tens of seconds)
     * ends the process within seconds, the old set untouched; it used to wait for the set-up.
     */
    @Test
    void aStopDuringSetUpEndsTheProcessAtOnceAndLeavesTheOldSet() throws Exception {
        Path out = dir.resolve("run");
        Files.createDirectories(out);
        Path spec = Files.writeString(dir.resolve("big.json"), "{\"network\": {\"width\": 64, \"depth\": 1},"
                + " \"data\": {\"n\": 1500, \"testN\": 64}, \"training\": {\"steps\": 10, \"kernelEvery\": 5}}");
        Process p = start(spec, out, "train");
        awaitRunning(p, dir);
        Thread.sleep(500);
        long sent = System.nanoTime();
        p.destroy();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "stopped within seconds in set-up");
        double seconds = (System.nanoTime() - sent) / 1e9;
        String said = Files.readString(dir.resolve("run.log")).trim();
        assertEquals(143, p.exitValue(), said);
        assertTrue(said.contains("stopped during set-up") && seconds < 5, seconds + " s: " + said);
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(0, left.count(), "the folder is as it was");
        }
        assertEquals(List.of(), hidden());
    }

    /** An interrupted ensemble ends its metrics with the step it stopped at, as a complete run ends with its last. */
    @Test
    void anInterruptedEnsembleWritesTheRowOfItsLastStep() throws Exception {
        Path out = dir.resolve("run");
        Path spec = Files.writeString(dir.resolve("members.json"), "{\"network\": {\"width\": 64, \"depth\": 1},"
                + " \"data\": {\"n\": 12, \"testN\": 16}, \"training\": {\"learningRate\": 0.5, \"steps\": 50000000,"
                + " \"kernelEvery\": 10000000}}");
        Process p = start(spec, out, "ensemble");
        awaitRunning(p, dir);
        Thread.sleep(1500);
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, p.exitValue(), Files.readString(dir.resolve("run.log")));
        List<String> rows = Files.readAllLines(out.resolve("ensemble_metrics.csv"));
        String status = Files.readString(out.resolve("status.json"));
        String lastStep = rows.get(rows.size() - 1).split(",")[0];
        assertTrue(rows.size() == 3 && !lastStep.equals("0") && status.contains("\"step\": " + lastStep + ","), rows + " / " + status);
    }

    @Test
    void sigtermDuringASweepWritesThePointsFinishedSoFar() throws Exception {
        Path out = dir.resolve("sweep");
        Path spec = Files.writeString(dir.resolve("sweep.json"), "{\"network\": {\"depth\": 1},"
                + " \"data\": {\"n\": 8, \"testN\": 8}, \"training\": {\"learningRate\": 0.1, \"steps\": 150000}}");
        Process p = start(spec, out, "sweep");
        Path log = dir.resolve("sweep.log");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline && !Files.readString(log).contains("sweep: 1/4")) {
            Thread.sleep(20);
        }
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the sweep stops after SIGTERM");
        List<String> said = Files.readAllLines(log);
        String last = said.get(said.size() - 1);
        assertEquals(143, p.exitValue(), String.join("\n", said));
        assertTrue(last.contains("interrupted after") && last.contains("of 4 points"), last);
        List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
        int done = Integer.parseInt(last.replaceAll(".*interrupted after (\\d+) of.*", "$1"));
        assertTrue(done >= 1 && done < 4 && rows.size() == 1 + done, rows + " against " + last);
        assertTrue(rows.get(1).startsWith("ntk,8,0,"), rows.get(1));
        assertTrue(Files.size(out.resolve("sweep.png")) > 0);
        String status = Files.readString(out.resolve("status.json"));
        assertTrue(status.contains("\"interrupted\"") && status.contains("\"step\": " + done) && status.contains("\"steps\": 4"), status);
        assertEquals(List.of(), hidden());
    }

    @Test
    void sigkillAtAnyMomentLeavesTheOldSetOrTheNewOneNeverAMix() throws Exception {
        Random random = new Random(2026);
        for (String command : List.of("train", "render")) {
            Path out = dir.resolve(command);
            Path quick = spec(60);
            Process first = start(quick, out, command);
            assertTrue(first.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, first.exitValue(), Files.readString(dir.resolve(command + ".log")));
            Map<String, byte[]> old = contents(out);
            Path other = spec(70);
            for (int trial = 0; trial < 3; trial++) {
                Process p = start(other, out, command);
                Thread.sleep(300 + random.nextInt(2500));
                p.destroyForcibly();
                p.waitFor(60, TimeUnit.SECONDS);
                Map<String, byte[]> now = contents(out);
                assertEquals(old.keySet(), now.keySet(), command + ": the same complete set of files");
                boolean same = old.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), now.get(e.getKey())));
                String status = new String(now.get("status.json"));
                assertTrue(same || status.contains("\"steps\": 70") && status.contains("complete"),
                        command + ": either the old set untouched or the complete new one");
                old = now;
            }
            Process last = start(quick, out, command);
            assertTrue(last.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, last.exitValue());
            assertEquals(List.of(), hidden(), "no staging folder or temporary file survives the next run");
        }
        assertFalse(Files.exists(dir.resolve(".train.staging")));
    }
}
