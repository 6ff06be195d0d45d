package io.ntkstudio.data;

import io.ntkstudio.input.InvalidInputException;
import java.util.List;

/**
 * What data to train on: a built-in set or CSV files. Fields that a source does not use are
 * ignored. {@code train} and {@code test} are CSV paths (source "csv"; relative paths resolve
 * against the experiment file's folder; an absent test file means "test on the train set").
 *
 * <ul>
 *   <li>{@code circle}: n points evenly on the unit circle at angles γ_i = 2πi/n (the setting of
 *       Jacot et al. 2018's figures); test points at testN angles offset by half a step. Targets
 *       of γ: sin (sin kγ), cos (cos kγ), mix (sin γ + ½ sin kγ), square (sign sin kγ), k = frequency.</li>
 *   <li>{@code interval}: 1-D regression on [−1, 1], n evenly spaced train points with Gaussian noise
 *       of std {@code noise} on the targets, testN noise-free test points. Targets: sine (sin kπx),
 *       step (sign x), polynomial (4x³ − 3x).</li>
 *   <li>{@code xor}, {@code circles}, {@code spirals}, {@code gaussians}: 2-D toy sets of
 *       tensorflow/playground with labels ±1, drawn at random from {@code seed}; noise jitters the inputs.</li>
 * </ul>
 */
public record DataSpec(String source, int n, int testN, String target, double frequency, double noise, long seed,
                       String train, String test) {
    public static final List<String> SOURCES = List.of("circle", "interval", "xor", "circles", "spirals", "gaussians", "csv");
    public static final int MAX_POINTS = 100_000;

    public DataSpec {
        if (!SOURCES.contains(source)) {
            throw new InvalidInputException("data.source '" + InvalidInputException.quote(source) + "' is unknown; allowed: " + String.join(", ", SOURCES));
        }
        if (!source.equals("csv")) {
            if (n < 1 || n > MAX_POINTS) {
                throw new InvalidInputException("data.n must be an integer from 1 to " + MAX_POINTS + ", got " + n);
            }
            if (testN < 1 || testN > MAX_POINTS) {
                throw new InvalidInputException("data.testN must be an integer from 1 to " + MAX_POINTS + ", got " + testN);
            }
        } else if (train == null || train.isBlank()) {
            throw new InvalidInputException("data.train is required when data.source is csv: the path of a CSV file");
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new InvalidInputException("data.noise must be a finite number >= 0, got " + noise);
        }
        if (!Double.isFinite(frequency)) {
            throw new InvalidInputException("data.frequency must be a finite number, got " + frequency);
        }
        List<String> targets = targetsOf(source);
        if (!targets.isEmpty() && !targets.contains(target)) {
            throw new InvalidInputException("data.target '" + InvalidInputException.quote(target) + "' is unknown for source " + source
                    + "; allowed: " + String.join(", ", targets));
        }
    }

    /** The defaults of a source: what a new experiment starts from. */
    public static DataSpec defaults(String source) {
        switch (source) {
            case "circle": return new DataSpec(source, 40, 128, "sin", 3, 0, 0, null, null);
            case "interval": return new DataSpec(source, 40, 200, "sine", 1, 0, 0, null, null);
            case "csv": return new DataSpec(source, 0, 0, "", 0, 0, 0, "train.csv", null);
            default:
                if (!SOURCES.contains(source)) {
                    throw new InvalidInputException("data.source '" + InvalidInputException.quote(source) + "' is unknown; allowed: " + String.join(", ", SOURCES));
                }
                return new DataSpec(source, 200, 200, "", 0, 0, 0, null, null);
        }
    }

    /** The target names a source accepts (empty when it has no choice). */
    public static List<String> targetsOf(String source) {
        switch (source) {
            case "circle": return List.of("sin", "cos", "mix", "square");
            case "interval": return List.of("sine", "step", "polynomial");
            default: return List.of();
        }
    }
}
