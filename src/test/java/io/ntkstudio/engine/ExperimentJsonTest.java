package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.DataSpec;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Architecture;
import io.ntkstudio.network.Layers;
import io.ntkstudio.network.Readout;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import org.junit.jupiter.api.Test;

class ExperimentJsonTest {
    @Test
    void formatThenParseGivesTheSameExperiment() {
        ExperimentSpec spec = new ExperimentSpec(
                new NetworkConfig(300, 4, Activation.GELU, Parameterization.MUP, 1.7, 0.05, 99),
                new DataSpec("interval", 33, 101, "step", 2, 0.1, 5, null, null),
                new TrainingSpec(0.125, 777, 7));
        assertEquals(spec, ExperimentJson.parse(ExperimentJson.format(spec), "test"));
        ExperimentSpec csv = spec.withData(new DataSpec("csv", 0, 0, "", 0, 0, 0, "a.csv", "b.csv"));
        assertEquals(csv.data().train(), ExperimentJson.parse(ExperimentJson.format(csv), "test").data().train());
    }

    @Test
    void theArchitectureIsWrittenWhenNotDenseAndReadBack() {
        ExperimentSpec dense = ExperimentSpec.defaults();
        assertTrue(!ExperimentJson.format(dense).contains("architecture"), "dense is the default and left out");
        ExperimentSpec residual = dense.withNetwork(dense.network().withArchitecture(Architecture.RESIDUAL).withDepth(3));
        String text = ExperimentJson.format(residual);
        assertTrue(text.contains("\"architecture\": \"residual\""), text);
        assertEquals(residual, ExperimentJson.parse(text, "test"));
        assertEquals(Architecture.RESIDUAL, ExperimentJson.parse("{\"network\": {\"architecture\": \"Residual\"}}", "t").network().architecture());
    }

    @Test
    void aConvNetworkKeepsItsReadoutAndPoolsByDefault() {
        ExperimentSpec conv = ExperimentJson.parse("{\"network\": {\"architecture\": \"conv\", \"width\": 16}}", "t");
        assertEquals(Layers.conv(Readout.GAP), conv.network().layers());
        ExperimentSpec flat = conv.withNetwork(conv.network().withLayers(Layers.conv(Readout.FLATTEN)));
        String text = ExperimentJson.format(flat);
        assertTrue(text.contains("\"readout\": \"flatten\""), text);
        assertEquals(flat, ExperimentJson.parse(text, "test"));
    }

    @Test
    void architecturesAndReadoutsAreRefusedInOneLineNamingTheFix() {
        assertMessage("{\"network\": {\"architecture\": \"resnet\"}}", "network.architecture \"resnet\" is not one of dense, residual, conv");
        assertMessage("{\"network\": {\"architecture\": \"residual\", \"readout\": \"gap\"}}",
                "network.readout applies to network.architecture conv, which pools or flattens its feature maps; leave it out for residual");
        assertMessage("{\"network\": {\"readout\": \"flatten\"}}", "network.readout applies to network.architecture conv");
        assertMessage("{\"network\": {\"architecture\": \"conv\", \"readout\": \"max\"}}", "network.readout \"max\" is not one of flatten, gap");
        assertMessage("{\"network\": {\"architecture\": \"conv\", \"parameterization\": \"mup\"}}",
                "network.architecture conv is built in NTK parameterization only (neural-tangents' stax conventions); set network.parameterization to ntk");
    }

    @Test
    void missingFieldsTakeDefaults() {
        ExperimentSpec spec = ExperimentJson.parse("{\"network\": {\"width\": 64}}", "t");
        assertEquals(64, spec.network().width());
        assertEquals(ExperimentSpec.defaults().training(), spec.training());
        assertEquals("circle", spec.data().source());
        assertEquals(40, spec.data().n());
    }

    @Test
    void errorsNameTheField() {
        assertMessage("{\"network\": {\"widht\": 64}}", "unknown field network.widht");
        assertMessage("{\"network\": {\"width\": \"wide\"}}", "network.width must be a whole number");
        assertMessage("{\"network\": {\"width\": 64.5}}", "network.width must be a whole number");
        assertMessage("{\"network\": {\"width\": 0}}", "network.width must be an integer from 1 to 8192");
        assertMessage("{\"network\": {\"activation\": \"swish\"}}", "unknown activation 'swish'");
        assertMessage("{\"training\": {\"learningRate\": -1}}", "training.learningRate must be a number from 0.000001 to 10000, got -1");
        assertMessage("{\"data\": {\"source\": \"moons\"}}", "data.source 'moons' is unknown");
        assertMessage("{\"data\": {\"source\": \"csv\"}}", "data.train");
        assertMessage("{\"network\": 3}", "network must be a JSON object");
        assertMessage("{\"network\": {", "not valid JSON");
        assertMessage("[1, 2]", "expected a JSON object");
    }

    @Test
    void onlyStrictJsonIsAcceptedAndAFieldGivenTwiceIsRefused() {
        assertMessage("{\"network\": {\"width\": 8, \"width\": 16}}", "network.width is given twice");
        assertMessage("{\"network\": {\"width\": 8}, \"network\": {}}", "network is given twice");
        for (String bad : new String[] {"{\"network\": {\"width\": 8} // note\n}", "{/* c */}", "{'network': {}}",
                "{network: {}}", "{\"network\": {\"activation\": relu}}", "{\"network\"= {}}",
                "{\"network\": {\"width\": 8}; \"data\": {}}", "{\"network\": {}} {}", "{\"training\": {\"learningRate\": NaN}}"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ExperimentJson.parse(bad, "spec.json"), bad);
            assertTrue(e.getMessage().startsWith("spec.json: not valid JSON"), e.getMessage());
            assertTrue(!e.getMessage().contains("Strictness") && !e.getMessage().contains("http") && !e.getMessage().contains("\n"),
                    "no parser advice, one line: " + e.getMessage());
        }
    }

    @Test
    void messagesQuoteAtMostEightyCharactersOnOneLineAndNameTheFileOnce() {
        String huge = "x".repeat(1_000_000);
        for (String json : new String[] {"{\"network\": {\"activation\": \"" + huge + "\"}}",
                "{\"network\": {\"width\": \"" + huge + "\"}}", "{\"network\": {\"" + huge + "\": 1}}",
                "{\"network\": {\"a\\nb\": 1}}", "{\"data\": {\"source\": \"" + huge + "\"}}"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ExperimentJson.parse(json, "c297.json"));
            String m = e.getMessage();
            assertTrue(m.length() < 300 && !m.contains("\n"), m);
            assertEquals(m.indexOf("c297.json"), m.lastIndexOf("c297.json"), "the file is named once: " + m);
        }
    }

    @Test
    void aSpecFileThatIsHugeOrNotARegularFileIsRefusedBeforeReading(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path big = dir.resolve("big.json");
        java.nio.file.Files.write(big, new byte[StrictJson.MAX_BYTES + 10]);
        assertTrue(assertThrows(InvalidInputException.class, () -> ExperimentJson.read(big)).getMessage().contains("larger than 1 MB"));
        assertTrue(assertThrows(InvalidInputException.class, () -> ExperimentJson.read(java.nio.file.Path.of("/dev/zero")))
                .getMessage().contains("not a regular file"));
        assertTrue(assertThrows(InvalidInputException.class, () -> ExperimentJson.read(dir)).getMessage().contains("is a folder"));
    }

    private static void assertMessage(String json, String part) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ExperimentJson.parse(json, "spec.json"));
        assertTrue(e.getMessage().startsWith("spec.json: ") && e.getMessage().contains(part), e.getMessage());
    }
}
