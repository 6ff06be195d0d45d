package io.ntkstudio.ui;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starting JavaFX with no display: the Monocle headless platform and software rendering. */
public final class Headless {
    private Headless() {
    }

    /** True on Windows and macOS, and on Linux/Unix when an X or Wayland display is set. */
    public static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /**
     * Selects Monocle's headless platform with a virtual screen of the given size; must run before
     * the FX toolkit starts. The screen must hold the largest window shown (Monocle's default is
     * 1280×800), but no more: Monocle copies the whole screen on every frame.
     */
    public static void useMonocle(int screenWidth, int screenHeight) {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("headless.geometry", screenWidth + "x" + screenHeight + "-32");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
    }

    /** JavaFX warns on every start that it was loaded from the class path; that is intended here. */
    public static void quietJavaFxLogging() {
        Logger.getLogger("com.sun.javafx.application.PlatformImpl").setLevel(Level.SEVERE);
        Logger.getLogger("javafx").setLevel(Level.SEVERE);
    }
}
