package io.ntkstudio.plotmath;

import java.util.Locale;

/**
 * A picture's size in pixels, as a person types it: "1920x1080", "1920×1080" or "1920 x 1080",
 * each side from {@link #MIN_WIDTH}×{@link #MIN_HEIGHT} to {@link #MAX_WIDTH}×{@link #MAX_HEIGHT}
 * (8K). One parser for `render --size`, `sweep --size` and the window's "chosen size" export.
 */
public record PixelSize(int width, int height) {
    public static final int MIN_WIDTH = 320;
    public static final int MIN_HEIGHT = 240;
    public static final int MAX_WIDTH = 7680;
    public static final int MAX_HEIGHT = 4320;
    /** What is allowed, for messages. */
    public static final String RANGE = "WIDTHxHEIGHT in pixels, 320x240 to 7680x4320 (e.g. 1920x1080)";

    /** The size {@code text} names, or null when it is not a size in range. */
    public static PixelSize parse(String text) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split("\\s*[x×]\\s*");
        if (parts.length != 2) {
            return null;
        }
        try {
            int w = Integer.parseInt(parts[0]);
            int h = Integer.parseInt(parts[1]);
            return w >= MIN_WIDTH && w <= MAX_WIDTH && h >= MIN_HEIGHT && h <= MAX_HEIGHT ? new PixelSize(w, h) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
