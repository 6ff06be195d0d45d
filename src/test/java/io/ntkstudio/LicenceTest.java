package io.ntkstudio;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The licence is at the top and in the jar, and every library that ships is named in the notices with its version. */
class LicenceTest {
    @Test
    void everyShippedDependencyHasItsNotice() throws Exception {
        assertTrue(Files.readString(Path.of("LICENSE")).contains("Apache License"));
        String notices;
        try (InputStream in = LicenceTest.class.getResourceAsStream("/META-INF/THIRD-PARTY-NOTICES.md")) {
            assertNotNull(in, "the notices ship in the jar");
            notices = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertNotNull(LicenceTest.class.getResource("/META-INF/LICENSE"), "the licence ships in the jar");
        String pom = Files.readString(Path.of("pom.xml"));
        String deps = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
        Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(deps);
        int shipped = 0;
        while (m.find()) {
            String d = m.group(1);
            if (d.contains("<scope>test</scope>")) {
                continue;
            }
            String artifact = tag(d, "artifactId");
            String version = tag(d, "version");
            if (version.startsWith("${")) {
                version = tag(pom, version.substring(2, version.length() - 1));
            }
            // a presets version such as 0.3.28-1.5.11 is the library's then JavaCPP's
            assertTrue(notices.contains(artifact) && notices.contains(version.split("-")[0]), artifact + " " + version + " in the notices");
            shipped++;
        }
        assertTrue(shipped >= 8, shipped + " dependencies read from the pom");
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(xml);
        assertTrue(m.find(), name);
        return m.group(1).trim();
    }
}
