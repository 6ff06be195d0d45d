package io.ntkstudio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages depend one way: model ← kernel ← engine ← figure ← ui ← cli, with plot a leaf of pure
 * plotting maths; nothing outside ui imports javafx.
 * Checked on the sources, so a violation names the file and the line.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("src/main/java/io/ntkstudio");
    private static final List<String> ABOVE_ENGINE = List.of("io.ntkstudio.figure", "io.ntkstudio.ui", "io.ntkstudio.cli");
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "plot", List.of("io.ntkstudio.model", "io.ntkstudio.kernel", "io.ntkstudio.engine", "io.ntkstudio.figure",
                    "io.ntkstudio.ui", "io.ntkstudio.cli"),
            "model", List.of("io.ntkstudio.kernel", "io.ntkstudio.engine", "io.ntkstudio.figure", "io.ntkstudio.ui",
                    "io.ntkstudio.cli", "io.ntkstudio.plot"),
            "kernel", List.of("io.ntkstudio.engine", "io.ntkstudio.figure", "io.ntkstudio.ui", "io.ntkstudio.cli"),
            "engine", ABOVE_ENGINE,
            "figure", List.of("io.ntkstudio.ui", "io.ntkstudio.cli"),
            "ui", List.of("io.ntkstudio.cli"));

    @Test
    void nothingBelowTheUiImportsJavafxAndLayersPointDown() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String pkg = ROOT.relativize(file).getName(0).toString();
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (!line.startsWith("import ")) {
                        continue;
                    }
                    if (!pkg.equals("ui") && line.matches("import (static )?javafx\\..*")) {
                        violations.add(file + ":" + (i + 1) + " imports javafx outside ui");
                    }
                    for (String bad : FORBIDDEN.getOrDefault(pkg, List.of())) {
                        if (line.contains(" " + bad + ".")) {
                            violations.add(file + ":" + (i + 1) + " (" + pkg + ") depends upward on " + bad);
                        }
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @Test
    void theCheckSeesTheSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("model"))) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith("Network.java")), "ran from the project folder");
        }
    }
}
