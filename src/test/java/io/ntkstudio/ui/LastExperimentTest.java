package io.ntkstudio.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A settings file that cannot be used survives the start and the save at quit, byte for byte. */
class LastExperimentTest {
    @TempDir
    Path dir;

    private static byte[] randomBytes() {
        byte[] b = new byte[300];
        new Random(7).nextBytes(b);
        return b;
    }

    @Test
    void everyKindOfBadFileIsMovedAsideByteForByteAndNamedInOneLine() throws Exception {
        String good = ExperimentJson.format(ExperimentSpec.defaults());
        List<byte[]> bad = List.of(
                good.substring(0, good.length() / 2).getBytes(StandardCharsets.UTF_8),
                good.replace("\"width\": 512", "\"width\": 100000").getBytes(StandardCharsets.UTF_8),
                "{\"network\": {\"wdth\": 8}}".getBytes(StandardCharsets.UTF_8),
                randomBytes(),
                new byte[0]);
        for (byte[] content : bad) {
            Path home = Files.createTempDirectory(dir, "home");
            Path file = home.resolve("last-experiment.json");
            Files.write(file, content);
            LastExperiment last = new LastExperiment(home);
            assertTrue(last.exists());
            assertEquals(ExperimentSpec.defaults(), last.load());
            String problem = last.problem();
            assertNotNull(problem, "a bad file is reported");
            assertFalse(problem.contains("\n"), problem);
            assertTrue(problem.contains(file.toString()) && problem.contains("last-experiment.json.bad"), problem);
            Path aside = home.resolve("last-experiment.json.bad");
            assertArrayEquals(content, Files.readAllBytes(aside));
            last.save(ExperimentSpec.defaults());
            assertArrayEquals(content, Files.readAllBytes(aside), "the save at quit leaves the bad file alone");
            assertEquals(ExperimentSpec.defaults(), ExperimentJson.read(file));
        }
    }

    @Test
    void aSecondBadFileDoesNotReplaceTheFirstOneSetAside() throws Exception {
        Files.writeString(dir.resolve("last-experiment.json"), "first");
        new LastExperiment(dir).load();
        Files.writeString(dir.resolve("last-experiment.json"), "second");
        LastExperiment again = new LastExperiment(dir);
        again.load();
        assertEquals("first", Files.readString(dir.resolve("last-experiment.json.bad")));
        assertEquals("second", Files.readString(dir.resolve("last-experiment.json.bad.2")));
        assertTrue(again.problem().contains("last-experiment.json.bad.2"), again.problem());
    }

    @Test
    void aGoodFileLoadsWithoutAProblem() throws Exception {
        ExperimentSpec spec = ExperimentSpec.defaults();
        Files.writeString(dir.resolve("last-experiment.json"), ExperimentJson.format(spec));
        LastExperiment last = new LastExperiment(dir);
        assertEquals(spec, last.load());
        assertNull(last.problem());
    }

    @Test
    void aDamagedRecentListIsKeptAsideBeforeANewOneIsWritten() throws Exception {
        Path store = dir.resolve("recent-experiments.txt");
        byte[] junk = randomBytes();
        Files.write(store, junk);
        RecentFiles recent = new RecentFiles(store);
        Path experiment = Files.writeString(dir.resolve("e.json"), "{}");
        recent.add(experiment);
        assertArrayEquals(junk, Files.readAllBytes(dir.resolve("recent-experiments.txt.bad")));
        assertEquals(List.of(experiment.toAbsolutePath().normalize()), recent.list());
    }
}
