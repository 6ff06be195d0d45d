package io.ntkstudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages depend one way. Leaves: input (the error type and the ranges every record checks),
 * files (file I/O) and plotmath (pure plotting maths). Then linalg (matrix backends) ← network and
 * data (each on its own) ← kernel ← engine ← figure ← ui ← cli; nothing outside ui uses javafx.
 * Checked on the sources, imports and fully qualified names alike (comments and strings
 * stripped), so a violation names the file and the line and cannot hide in an inline
 * {@code io.ntkstudio.x.Type}.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("src/main/java/io/ntkstudio");
    /** Each package and the project packages it may use. */
    private static final Map<String, Set<String>> ALLOWED = allowed();
    private static final Pattern REFERENCE = Pattern.compile("\\b(?:io\\.ntkstudio\\.(\\w+)|(javafx)\\.)");

    private static Map<String, Set<String>> allowed() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("input", Set.of());
        m.put("files", Set.of());
        m.put("plotmath", Set.of());
        m.put("linalg", Set.of("input"));
        m.put("network", Set.of("input", "linalg"));
        m.put("data", Set.of("input"));
        m.put("kernel", Set.of("input", "linalg", "network", "data"));
        m.put("engine", with(m.get("kernel"), "kernel", "files", "plotmath"));
        m.put("figure", with(m.get("engine"), "engine"));
        m.put("ui", with(m.get("figure"), "figure"));
        m.put("cli", with(m.get("ui"), "ui"));
        return m;
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> out = new HashSet<>(base);
        out.addAll(List.of(more));
        return out;
    }

    /** The project packages {@code pkg} must not use. */
    static List<String> forbidden(String pkg) {
        List<String> out = new ArrayList<>();
        for (String other : ALLOWED.keySet()) {
            if (!other.equals(pkg) && !ALLOWED.get(pkg).contains(other)) {
                out.add(other);
            }
        }
        return out;
    }

    /** The code of a line with comments and string literals blanked ({@code inBlock}: inside a block comment). */
    static String code(String line, boolean[] inBlock) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            if (inBlock[0]) {
                int end = line.indexOf("*/", i);
                if (end < 0) {
                    return out.toString();
                }
                inBlock[0] = false;
                i = end + 2;
            } else if (line.startsWith("/*", i)) {
                inBlock[0] = true;
                i += 2;
            } else if (line.startsWith("//", i)) {
                return out.toString();
            } else if (line.charAt(i) == '"') {
                int j = i + 1;
                while (j < line.length() && line.charAt(j) != '"') {
                    j += line.charAt(j) == '\\' ? 2 : 1;
                }
                out.append("\"\"");
                i = j + 1;
            } else {
                out.append(line.charAt(i++));
            }
        }
        return out.toString();
    }

    static List<String> violations(Path file, String pkg, List<String> lines) {
        List<String> found = new ArrayList<>();
        boolean[] inBlock = {false};
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = REFERENCE.matcher(code(lines.get(i), inBlock));
            while (m.find()) {
                if (m.group(2) != null && !pkg.equals("ui")) {
                    found.add(file + ":" + (i + 1) + " uses javafx outside ui");
                } else if (m.group(1) != null && forbidden(pkg).contains(m.group(1))) {
                    found.add(file + ":" + (i + 1) + " (" + pkg + ") depends upward on io.ntkstudio." + m.group(1));
                }
            }
        }
        return found;
    }

    @Test
    void nothingBelowTheUiUsesJavafxAndLayersPointDown() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String pkg = ROOT.relativize(file).getName(0).toString();
                assertTrue(ALLOWED.containsKey(pkg), "a package the check knows: " + pkg);
                violations.addAll(violations(file, pkg, Files.readAllLines(file)));
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @Test
    void qualifiedNamesAreSeenAndCommentsAndStringsAreNot() {
        Path f = Path.of("X.java");
        assertEquals(1, violations(f, "engine", List.of("  var s = new io.ntkstudio.ui.StudioModel(null);")).size());
        assertEquals(1, violations(f, "figure", List.of("  javafx.scene.Node n;")).size());
        assertEquals(0, violations(f, "engine", List.of("  // see io.ntkstudio.ui.StudioModel",
                "  String s = \"io.ntkstudio.cli.Main\";", "  /* io.ntkstudio.ui.X", "  io.ntkstudio.cli.Y */ int k;")).size());
        assertEquals(0, violations(f, "ui", List.of("import io.ntkstudio.files.AtomicFiles;", "javafx.scene.Node n;")).size());
        assertEquals(1, violations(f, "files", List.of("import io.ntkstudio.network.Network;")).size());
        assertEquals(1, violations(f, "data", List.of("import io.ntkstudio.network.Network;")).size());
        assertEquals(1, violations(f, "network", List.of("  io.ntkstudio.data.Dataset d;")).size());
    }

    @Test
    void theCheckSeesTheSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("network"))) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith("Network.java")), "ran from the project folder");
        }
    }
}
