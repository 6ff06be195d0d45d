package io.ntkstudio.ui;

import io.ntkstudio.linalg.MatrixBackend;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.Locale;

/**
 * What a person (or a bug report) needs to know about this copy of NTK Studio: version, matrix
 * backend and its threads (or why the slow pure-Java one is in use), platform, Java and JavaFX,
 * and where settings are kept. Shown by Help → About and printed by {@code --version}.
 */
public final class AboutInfo {
    /** The pom's version, from the one resource the build filters. */
    public static final String VERSION = readVersion();

    private AboutInfo() {
    }

    /** The attribution the digits' licence (CC BY 4.0) asks for, shown in Help → About. */
    public static final String DIGITS_ATTRIBUTION = "Optical Recognition of Handwritten Digits, E. Alpaydin and C. Kaynak (1998), "
            + "UCI Machine Learning Repository, CC BY 4.0";

    public static List<String> lines() {
        MatrixBackend b = MatrixBackend.current();
        String why = MatrixBackend.fallbackReason();
        String backend = why == null
                ? String.format(Locale.ROOT, "OpenBLAS (%s), %d threads", b.name(), b.threads())
                : "pure Java (EJML), slower: " + why;
        return List.of(
                "NTK Studio " + VERSION,
                "backend: " + backend,
                "platform: " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), JavaFX " + javaFxVersion(),
                "settings: " + StudioApp.settingsDir(),
                "licence: Apache 2.0; the libraries it bundles keep theirs (META-INF/THIRD-PARTY-NOTICES.md in the jar)",
                "digits data: " + DIGITS_ATTRIBUTION);
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = AboutInfo.class.getResourceAsStream("/io/ntkstudio/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // a jar without the resource: say so rather than guess
        }
        return p.getProperty("version", "unknown");
    }

    private static String javaFxVersion() {
        try {
            return com.sun.javafx.runtime.VersionInfo.getRuntimeVersion();
        } catch (LinkageError e) {
            return "not available";
        }
    }
}
