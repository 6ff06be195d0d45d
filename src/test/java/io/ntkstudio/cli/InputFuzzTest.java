package io.ntkstudio.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of valid experiment files and CSV data, fed to the real commands for a few
 * seconds: every one ends with status 0 (or 3, a divergence) or 2 with one line under 300
 * characters, never a stack trace or an exception's class name.
 */
class InputFuzzTest {
    private static final String SPEC = "{\"network\": {\"width\": 8, \"depth\": 1, \"activation\": \"tanh\", \"sigmaW\": 1.4, \"seed\": 3},"
            + " \"data\": {\"source\": \"csv\", \"train\": \"train.csv\", \"test\": \"test.csv\"},"
            + " \"training\": {\"learningRate\": 0.5, \"steps\": 4, \"kernelEvery\": 2}}";
    private static final String CSV = "0.1,0.2,1\n-0.5,0.3,-1\n0.9,-0.7,0.5\n";
    private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "'", "//", "/*", "1e308", "-0", "NaN", "null",
            "\"width\": 9", "\\u0000", "\n", "\uFEFF", "0x10", "1.5f", ";", "=", "true", "9999999999999999999"};

    @TempDir
    Path dir;

    private static String mutate(String text, Random r) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(b.length() + 1);
            switch (r.nextInt(4)) {
                case 0 -> b.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                case 1 -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (at < b.length()) {
                        b.setCharAt(at, (char) (32 + r.nextInt(95)));
                    }
                }
                default -> b.setLength(Math.min(b.length(), at));
            }
        }
        return b.toString();
    }

    /** Skips, without running, a mutant that parses to a run too long for a unit test. */
    private static boolean cheap(String spec) {
        try {
            ExperimentSpec s = ExperimentJson.parse(spec, "fuzz");
            return (long) s.training().steps() * s.network().width() * s.network().depth() < 2_000_000L;
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static final int CASES = 200;

    @Test
    void mutatedSpecsAndCsvsEndWithOneLineNeverATrace() throws Exception {
        Random r = new Random(20261130);
        // a fixed number of seeded cases, not a time budget: the same mutants on every machine
        int cases = 0;
        int refused = 0;
        int accepted = 0;
        while (cases < CASES) {
            boolean csv = r.nextBoolean();
            String spec = csv ? SPEC : mutate(SPEC, r);
            if (!cheap(spec)) {
                continue;
            }
            Files.write(dir.resolve("spec.json"), spec.getBytes(StandardCharsets.UTF_8));
            Files.write(dir.resolve("train.csv"), (csv ? mutate(CSV, r) : CSV).getBytes(StandardCharsets.UTF_8));
            Files.writeString(dir.resolve("test.csv"), CSV);
            CliTest.Result res = CliTest.run("train", "--spec", dir.resolve("spec.json").toString(), "--out",
                    dir.resolve("out" + cases).toString());
            String what = "case " + cases + " (" + (csv ? "csv" : "spec") + "): " + res.err();
            assertTrue(res.code() == 0 || res.code() == 2 || res.code() == 3, what);
            refused += res.code() == 2 ? 1 : 0;
            accepted += res.code() == 0 ? 1 : 0;
            if (res.code() != 0) {
                String err = res.err().strip();
                assertTrue(!err.contains("\n") && err.length() < 300, "one line under 300 characters: " + what);
                assertTrue(!err.contains("Exception") && !err.contains("\tat ") && !err.contains("Error:"), "no trace: " + what);
            }
            cases++;
        }
        assertTrue(refused >= 10 && accepted >= 10,
                "the mutants exercise both outcomes: " + cases + " cases, " + refused + " refused, " + accepted + " accepted");
    }

    /** The output targets a saboteur tries, made in {@code dir} at {@code out}; each leaves a file of the user's somewhere. */
    private enum Target { NEW, EMPTY, OWN_SET_WITH_NOTES, NAMES_WITHOUT_MANIFEST, FILE, PIPE, DANGLING_LINK, LINK_TO_SET, LINE_BREAK }

    private Path make(Target t, Path out) throws Exception {
        switch (t) {
            case NEW -> { }
            case EMPTY -> Files.createDirectories(out);
            case OWN_SET_WITH_NOTES -> {
                CliTest.run("train", "--spec", dir.resolve("spec.json").toString(), "--out", out.toString());
                Files.writeString(out.resolve("notes.txt"), "mine");
            }
            case NAMES_WITHOUT_MANIFEST -> Files.writeString(Files.createDirectories(out).resolve("metrics.csv"), "mine");
            case FILE -> Files.writeString(out, "mine");
            case PIPE -> new ProcessBuilder("mkfifo", out.toString()).start().waitFor();
            case DANGLING_LINK -> Files.createSymbolicLink(out, dir.resolve("nowhere-" + out.getFileName()));
            case LINK_TO_SET -> {
                Path real = dir.resolve("real-" + out.getFileName());
                CliTest.run("train", "--spec", dir.resolve("spec.json").toString(), "--out", real.toString());
                Files.writeString(real.resolve("notes.txt"), "mine");
                Files.createSymbolicLink(out, real);
            }
            case LINE_BREAK -> {
                return dir.resolve("line\nbreak-" + out.getFileName());
            }
        }
        return out;
    }

    /**
     * Seeded output targets, each tried twice in a row: every run ends 0 or 2 with one line, and
     * whatever of the user's was there ("mine") is there afterwards, unchanged, or the target is
     * left as it was.
     */
    @Test
    void outputTargetsNeverLoseWhatTheUserHad() throws Exception {
        Files.writeString(dir.resolve("spec.json"), SPEC);
        Files.writeString(dir.resolve("train.csv"), CSV);
        Files.writeString(dir.resolve("test.csv"), CSV);
        Random r = new Random(20261203);
        Target[] kinds = Target.values();
        for (int c = 0; c < 40; c++) {
            Target t = kinds[r.nextInt(kinds.length)];
            Path out = make(t, dir.resolve("target" + c));
            for (int again = 0; again < 2; again++) {
                CliTest.Result res = CliTest.run("train", "--spec", dir.resolve("spec.json").toString(), "--out", out.toString());
                String what = "case " + c + " " + t + ": " + res.code() + " " + res.err();
                assertTrue(res.code() == 0 || res.code() == 2, what);
                assertTrue(res.err().strip().lines().count() <= 1 && !res.err().contains("Exception"), what);
                switch (t) {
                    case OWN_SET_WITH_NOTES -> assertTrue(Files.readString(out.resolve("notes.txt")).equals("mine") && res.code() == 0, what);
                    case NAMES_WITHOUT_MANIFEST -> assertTrue(Files.readString(out.resolve("metrics.csv")).equals("mine") && res.code() == 2, what);
                    case FILE -> assertTrue(Files.readString(out).equals("mine") && res.code() == 2, what);
                    case PIPE -> assertTrue(!Files.isRegularFile(out) && !Files.isDirectory(out) && res.code() == 2, what);
                    case DANGLING_LINK -> assertTrue(Files.isSymbolicLink(out) && !Files.exists(out) && res.code() == 2, what);
                    case LINK_TO_SET -> assertTrue(Files.isSymbolicLink(out) && Files.readString(out.resolve("notes.txt")).equals("mine")
                            && res.code() == 0, what);
                    case NEW, EMPTY, LINE_BREAK -> assertTrue(res.code() == 0 && Files.exists(out.resolve("status.json")), what);
                }
            }
        }
    }
}
