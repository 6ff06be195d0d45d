package io.ntkstudio.input;

import java.math.BigDecimal;

/**
 * The allowed values of one setting, closed at both ends: the single place a range is written.
 * Records check their fields with it (the message names the experiment-file key), and the window
 * builds its fields, labels and sliders from the same object, so the two cannot disagree.
 *
 * @param key     the setting's key in experiment files, e.g. {@code network.width}
 * @param min     smallest allowed value
 * @param max     largest allowed value
 * @param integer whether only whole numbers are allowed
 */
public record Range(String key, double min, double max, boolean integer) {
    public Range {
        if (!(min <= max)) {
            throw new IllegalArgumentException("min > max for " + key);
        }
    }

    /** Whole numbers from {@code min} to {@code max}. */
    public static Range integers(String key, long min, long max) {
        return new Range(key, min, max, true);
    }

    /** Real numbers from {@code min} to {@code max}. */
    public static Range numbers(String key, double min, double max) {
        return new Range(key, min, max, false);
    }

    /** The same range under another name, e.g. a command-line option: {@code WIDTH.as("--widths")}. */
    public Range as(String name) {
        return new Range(name, min, max, integer);
    }

    public boolean contains(double v) {
        return v >= min && v <= max && (!integer || v == Math.rint(v));
    }

    /** {@code v} if allowed, else the one-line message naming the key, the range and the value. */
    public double check(double v) {
        if (!contains(v)) {
            throw new InvalidInputException(key + " must be " + (integer ? "an integer" : "a number") + " from "
                    + plain(min) + " to " + plain(max) + ", got " + plain(v));
        }
        return v;
    }

    /** {@code v} if allowed (for integer settings). */
    public int check(int v) {
        check((double) v);
        return v;
    }

    /** {@code v} if allowed (for long settings). */
    public long check(long v) {
        if (v < min || v > max) {
            throw new InvalidInputException(key + " must be an integer from " + plain(min) + " to " + plain(max) + ", got " + v);
        }
        return v;
    }

    /** The range for a label, e.g. "1–8192". */
    public String text() {
        return plain(min) + "–" + plain(max);
    }

    /** A number in its shortest plain form: 8192, 0.001, 0.000001. */
    public static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) >= 1e18 || Math.abs(v) < 1e-9) {
            // 1e308 as 1e308, not 309 digits
            return Double.toString(v).replace(".0E", "e").replace("E", "e");
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
