package io.ntkstudio.data;

import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.input.Range;
import java.nio.file.Path;
import java.util.List;

/**
 * What data to train on: a {@link DataSource} named by {@code source} and its settings. Fields
 * that a source does not use are ignored. {@code train} and {@code test} are the paths of a
 * source that reads files (relative paths resolve against the experiment file's folder; an absent
 * test file means "test on the train set"). The ranges below are the only ones: the window's panel
 * reads them too.
 */
public record DataSpec(String source, int n, int testN, String target, double frequency, double noise, long seed,
                       String train, String test, ClassChoice classes) {
    public static final Range N = Range.integers("data.n", 1, 100_000);
    public static final Range TEST_N = Range.integers("data.testN", 1, 100_000);
    public static final Range FREQUENCY = Range.numbers("data.frequency", 0, 64);
    public static final Range CLASSES = Range.integers("data.classes", 0, ClassChoice.MAX_CLASSES);
    public static final Range NOISE = Range.numbers("data.noise", 0, 10);
    public static final int MAX_POINTS = (int) N.max();

    /** Data without classes: scalar targets, or the source's own classes in full. */
    public DataSpec(String source, int n, int testN, String target, double frequency, double noise, long seed, String train,
                    String test) {
        this(source, n, testN, target, frequency, noise, seed, train, test, ClassChoice.NONE);
    }

    public DataSpec {
        if (classes == null) {
            classes = ClassChoice.NONE;
        }
        DataSource kind = DataSources.of(source);
        if (!kind.readsFiles()) {
            N.check(n);
            TEST_N.check(testN);
        } else if (train == null || train.isBlank()) {
            throw new InvalidInputException("data.train is required when data.source is " + source + ": the path of a CSV file");
        }
        NOISE.check(noise);
        if (classes.count() > 0 && !kind.readsFiles()) {
            throw new InvalidInputException("data.classes is for CSV files (the number of classes in the last column); "
                    + "leave it out for data.source " + source);
        }
        if (!classes.digits().isEmpty() && !kind.id().equals("digits")) {
            throw new InvalidInputException("data.digits chooses digits to train on; it needs data.source \"digits\", not " + source);
        }
        FREQUENCY.check(frequency);
        List<String> targets = kind.targets();
        if (!targets.isEmpty() && !targets.contains(target)) {
            throw new InvalidInputException("data.target '" + InvalidInputException.quote(target) + "' is unknown for source " + source
                    + "; allowed: " + String.join(", ", targets));
        }
    }

    /** {@code n} points on the unit circle and {@code testN} test points, target sin/cos/mix/square of kγ. */
    public static DataSpec circle(int n, int testN, String target, double frequency) {
        return new DataSpec("circle", n, testN, target, frequency, 0, 0, null, null);
    }

    /** The defaults of a source: what a new experiment starts from. */
    public static DataSpec defaults(String source) {
        return DataSources.of(source).defaults();
    }

    /** The target names a source accepts (empty when it has no choice). */
    public static List<String> targetsOf(String source) {
        return DataSources.of(source).targets();
    }

    /**
     * The same data with the file paths resolved against {@code folder} (an experiment file's own
     * folder), so that the experiment still finds its files after it moves; generated data is unchanged.
     */
    public DataSpec withFilesFrom(Path folder) {
        if (!readsFiles()) {
            return this;
        }
        return new DataSpec(source, n, testN, target, frequency, noise, seed, folder.resolve(train).toString(),
                test == null ? null : folder.resolve(test).toString(), classes);
    }

    /** Whether the source reads the user's files rather than generating points. */
    public boolean readsFiles() {
        return DataSources.of(source).readsFiles();
    }
}
