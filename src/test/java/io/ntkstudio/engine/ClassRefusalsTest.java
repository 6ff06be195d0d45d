package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.input.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What class data and the class losses refuse, each in one line that says what to do. */
class ClassRefusalsTest {
    private static final String NET = "\"network\": {\"width\": 16, \"depth\": 1}";

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "\"source\": \"circle\", \"n\": 8, \"testN\": 8; \"loss\": \"softmax\"; needs class data",
            "\"source\": \"digits\", \"n\": 20, \"testN\": 10; \"loss\": \"logistic\"; use training.loss \"softmax\"",
            "\"source\": \"circle\", \"n\": 8, \"testN\": 8, \"digits\": [3, 8]; \"steps\": 1; needs data.source \"digits\"",
            "\"source\": \"circle\", \"n\": 8, \"testN\": 8, \"classes\": 3; \"steps\": 1; data.classes is for CSV files",
            "\"source\": \"digits\", \"n\": 20, \"testN\": 10, \"digits\": \"3,8\"; \"steps\": 1; data.digits must be a list",
            "\"source\": \"digits\", \"n\": 20, \"testN\": 10, \"digits\": [3.5, 8]; \"steps\": 1; data.digits holds 3.5"})
    void refused(String data, String training, String expected) {
        String json = "{" + NET + ", \"data\": {" + data + "}, \"training\": {" + training + "}}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
            ExperimentSpec s = ExperimentJson.parse(json, "spec.json");
            TrainingRun.create(s, Path.of("."), RunOptions.NETWORK_ONLY);
        });
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aConvNetworkRefusesInputsThatAreNotSquareImages() {
        String json = "{\"network\": {\"architecture\": \"conv\", \"width\": 4, \"depth\": 1}, \"data\": {\"source\": \"circle\"}}";
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrainingRun.create(ExperimentJson.parse(json, "spec.json"), Path.of("."), RunOptions.NETWORK_ONLY));
        assertEquals("network.architecture \"conv\" needs square one-channel images, but the inputs have 2 columns, which is not a square "
                + "(s × s pixels, e.g. 64 for 8 × 8); use architecture \"dense\" or other data", e.getMessage());
    }

    @Test
    void aDigitsSpecSurvivesItsFile() {
        String json = "{" + NET + ", \"data\": {\"source\": \"digits\", \"n\": 20, \"testN\": 10, \"digits\": [8, 3]},"
                + " \"training\": {\"loss\": \"softmax\"}}";
        ExperimentSpec s = ExperimentJson.parse(json, "spec.json");
        ExperimentSpec back = ExperimentJson.parse(ExperimentJson.format(s), "again.json");
        assertEquals(s, back);
        assertEquals(java.util.List.of(8, 3), back.data().classes().digits());
    }
}
