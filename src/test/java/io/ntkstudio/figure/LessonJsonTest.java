package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.Parameterization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Lesson files: every field read and written back, and every malformed one refused in one line naming it. */
class LessonJsonTest {
    private static final String EXPERIMENT = "{\"network\": {\"width\": 64}, \"data\": {\"n\": 12}, \"training\": {\"steps\": 20}}";

    /** A lesson with {@code extra} top-level fields after a valid title, note and experiment. */
    private static String lesson(String extra) {
        return "{\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"watch Θ_t\", \"experiment\": " + EXPERIMENT
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    static Stream<Path> builtIn() throws IOException {
        return Files.list(Path.of("assets/lessons")).filter(p -> p.toString().endsWith(".ntk")).sorted();
    }

    @ParameterizedTest
    @MethodSource("builtIn")
    void everyBuiltInLessonIsWrittenBackAsTheSameLesson(Path file) {
        Lesson l = LessonJson.read(file);
        assertFalse(l.isPlain(), file + " is a lesson");
        assertEquals(l, LessonJson.parse(LessonJson.format(l), "again"), "format then parse gives the lesson back: " + file);
    }

    @Test
    void everyFieldIsReadAndWrittenBack() {
        Lesson l = LessonJson.parse(lesson("\"compare\": {\"network\": {\"width\": 256, \"parameterization\": \"mup\"}, "
                + "\"training\": {\"learningRate\": 0.1}}, \"speed\": 12.5, \"maximise\": \"slice\", \"heatmap\": \"change\", "
                + "\"panels\": [\"spectrum\", \"losses\"], \"overlay\": true, \"next\": \"part-2.ntk\""), "x.ntk");
        assertEquals("T", l.title());
        assertEquals("watch Θ_t", l.note());
        assertEquals(64, l.experiment().network().width());
        ExperimentSpec b = l.compare();
        assertEquals(256, b.network().width());
        assertEquals(Parameterization.MUP, b.network().parameterization());
        assertEquals(0.1, b.training().learningRate(), 0.0);
        assertEquals(l.experiment().data(), b.data(), "B trains on A's data");
        assertEquals(l.experiment().network().seed(), b.network().seed(), "from A's seed");
        assertEquals(l.experiment().training().steps(), b.training().steps(), "what B does not change is A's");
        Staging s = l.staging();
        assertEquals(12.5, s.stepsPerSecond(), 0.0);
        assertEquals(Views.SLICE, s.maximise());
        assertEquals(HeatmapMode.CHANGE, s.heatmapMode());
        assertEquals(List.of(Views.SPECTRUM, Views.LOSSES), s.bothPanels());
        assertTrue(s.overlay());
        assertEquals("part-2.ntk", l.next());
        assertEquals(l, LessonJson.parse(LessonJson.format(l), "again"));
        // compare holds only what B changes
        String written = LessonJson.format(l);
        com.google.gson.JsonObject compare = com.google.gson.JsonParser.parseString(written).getAsJsonObject().getAsJsonObject("compare");
        assertEquals("{\"network\":{\"width\":256,\"parameterization\":\"mup\"},\"training\":{\"learningRate\":0.1}}",
                compare.toString(), written);
    }

    @Test
    void aBThatUndoesAsOutputScaleOrNetworksIsWrittenSoThatItReadsBack() {
        ExperimentSpec a = ExperimentJson.parse("{\"network\": {\"outputScale\": 100}, \"training\": {\"members\": 4}}", "a");
        ExperimentSpec b = a.withNetwork(a.network().withOutputScale(1)).withTraining(a.training().withMembers(1));
        Lesson l = new Lesson("T", "N", a, b, Staging.DEFAULT, null);
        assertEquals(l, LessonJson.parse(LessonJson.format(l), "again"));
    }

    @Test
    void aPlainExperimentFileIsAPlainLesson() {
        Lesson l = LessonJson.parse(EXPERIMENT, "e.json");
        assertTrue(l.isPlain());
        assertNull(l.title());
        assertEquals(ExperimentJson.parse(EXPERIMENT, "e"), l.experiment());
        assertEquals(ExperimentJson.format(l.experiment()), LessonJson.format(l), "written back as an experiment");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"colour\": 3|x.ntk: unknown field colour in a lesson; allowed:",
        "\"ntkLesson\": 2, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}|x.ntk: written by a newer NTK Studio (lesson format 2; this version reads format 1); update NTK Studio to open it",
        "\"ntkLesson\": 1.5, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}|x.ntk: ntkLesson must be the lesson format, 1, got 1.5",
        "\"title\": \"T\", \"note\": \"N\", \"experiment\": {}|x.ntk: a lesson file starts with \"ntkLesson\": 1; add it",
        "\"ntkLesson\": 1, \"note\": \"N\", \"experiment\": {}|x.ntk: a lesson needs a title",
        "\"ntkLesson\": 1, \"title\": \"\", \"note\": \"N\", \"experiment\": {}|x.ntk: title is empty",
        "\"ntkLesson\": 1, \"title\": \"a\\nb\", \"note\": \"N\", \"experiment\": {}|x.ntk: title must be one line",
        "\"ntkLesson\": 1, \"title\": \"T\", \"experiment\": {}|x.ntk: a lesson needs a note",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": 4, \"experiment\": {}|x.ntk: note must be a string, got 4",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\"|x.ntk: experiment must be a JSON object",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {\"network\": {\"width\": 0}}|x.ntk, experiment: network.width must be",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {\"netwrk\": {}}|x.ntk, experiment: unknown field netwrk",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"compare\": {\"data\": {\"n\": 3}}|x.ntk: compare.data: B always trains on A's data; remove it",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"compare\": {\"network\": {\"seed\": 3}}|x.ntk: compare.network.seed: B always starts from A's seed; remove it",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"compare\": {\"network\": {\"width\": -1}}|x.ntk, compare: network.width must be",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"compare\": {\"netwrk\": {}}|x.ntk: unknown field compare.netwrk; allowed: network, training",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"speed\": -1|x.ntk: speed must be a number of steps per second from 0 (as fast as possible) to 1000, got -1",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"speed\": \"fast\"|x.ntk: speed must be a number, got \"fast\"",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"maximise\": \"spectra\"|x.ntk: maximise must name one of the views function, heatmap, losses, spectrum, slice, modes, got spectra",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"heatmap\": \"delta\"|x.ntk: heatmap must be one of current, init, change, limit, from-limit, networks-mean, got delta",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"panels\": [\"slice\"]|x.ntk: panels must name one of the views losses, spectrum, modes, got slice",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"panels\": \"spectrum\"|x.ntk: panels must be a list of views",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"overlay\": true|x.ntk: overlay needs two runs; add compare",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"overlay\": \"yes\"|x.ntk: overlay must be true or false, got \"yes\"",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"next\": \"/etc/part.ntk\"|x.ntk: next must name a .ntk file beside this one",
        "\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"N\", \"experiment\": {}, \"next\": \"part.json\"|x.ntk: next must name a .ntk file beside this one"})
    void aMalformedLessonIsRefusedInOneLineNamingWhatIsWrong(String fields, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LessonJson.parse("{" + fields + "}", "x.ntk"));
        assertTrue(e.getMessage().startsWith(message), "expected «" + message + "…», got «" + e.getMessage() + "»");
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aLongNoteIsRefusedWithItsLength() {
        String note = "x".repeat(LessonJson.MAX_NOTE + 1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LessonJson.parse(
                "{\"ntkLesson\": 1, \"title\": \"T\", \"note\": \"" + note + "\", \"experiment\": {}}", "x.ntk"));
        assertEquals("x.ntk: note is 2001 characters long; at most 2000", e.getMessage());
    }

    @Test
    void theStagingSetsOnlyTheViewsItNames() {
        Staging s = new Staging(0, null, HeatmapMode.INIT, List.of(Views.SPECTRUM), false);
        assertEquals(HeatmapMode.INIT, s.settings(Views.HEATMAP).heatmapMode());
        assertEquals(HeatmapMode.CURRENT, s.settings(Views.SLICE).heatmapMode());
        assertTrue(s.settings(Views.SPECTRUM).bothPanels());
        assertFalse(s.settings(Views.LOSSES).bothPanels());
    }
}
