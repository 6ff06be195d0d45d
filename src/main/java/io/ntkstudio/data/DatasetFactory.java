package io.ntkstudio.data;

import io.ntkstudio.input.InvalidInputException;
import java.nio.file.Path;
import java.util.Random;

/** Builds the {@link Dataset} a {@link DataSpec} describes. */
public final class DatasetFactory {
    private DatasetFactory() {
    }

    /** @param baseDir folder that relative CSV paths resolve against */
    public static Dataset build(DataSpec spec, Path baseDir) {
        switch (spec.source()) {
            case "circle": return circle(spec);
            case "interval": return interval(spec);
            case "csv": return csv(spec, baseDir);
            default: return toy2d(spec);
        }
    }

    private static Dataset circle(DataSpec s) {
        return new Dataset("circle n=" + s.n() + ", target " + s.target() + " k=" + fmt(s.frequency()),
                circlePoints(s, s.n(), 0.0, true), circlePoints(s, s.testN(), 0.5, false));
    }

    private static Samples circlePoints(DataSpec s, int count, double offset, boolean noisy) {
        double[] x = new double[2 * count];
        double[] y = new double[count];
        Random noise = new Random(s.seed());
        for (int i = 0; i < count; i++) {
            double g = 2 * Math.PI * (i + offset) / count;
            x[2 * i] = Math.cos(g);
            x[2 * i + 1] = Math.sin(g);
            y[i] = circleTarget(s.target(), s.frequency(), g) + (noisy ? s.noise() * noise.nextGaussian() : 0.0);
        }
        return new Samples(count, 2, x, y);
    }

    /** The target of the circle set at angle γ. */
    public static double circleTarget(String target, double k, double g) {
        switch (target) {
            case "sin": return Math.sin(k * g);
            case "cos": return Math.cos(k * g);
            case "mix": return Math.sin(g) + 0.5 * Math.sin(k * g);
            case "square": return Math.sin(k * g) >= 0 ? 1.0 : -1.0;
            default: throw new AssertionError(target);
        }
    }

    private static Dataset interval(DataSpec s) {
        return new Dataset("interval [-1, 1] n=" + s.n() + ", target " + s.target()
                + (s.noise() > 0 ? ", noise " + fmt(s.noise()) : ""),
                intervalPoints(s, s.n(), true), intervalPoints(s, s.testN(), false));
    }

    private static Samples intervalPoints(DataSpec s, int count, boolean noisy) {
        double[] x = new double[count];
        double[] y = new double[count];
        Random noise = new Random(s.seed());
        for (int i = 0; i < count; i++) {
            x[i] = count == 1 ? 0.0 : -1.0 + 2.0 * i / (count - 1);
            y[i] = intervalTarget(s.target(), s.frequency(), x[i]) + (noisy ? s.noise() * noise.nextGaussian() : 0.0);
        }
        return new Samples(count, 1, x, y);
    }

    /** The target of the interval set at x. */
    public static double intervalTarget(String target, double k, double x) {
        switch (target) {
            case "sine": return Math.sin(k * Math.PI * x);
            case "step": return x >= 0 ? 1.0 : -1.0;
            case "polynomial": return 4 * x * x * x - 3 * x;
            default: throw new AssertionError(target);
        }
    }

    private static Dataset toy2d(DataSpec s) {
        return new Dataset(s.source() + " n=" + s.n() + (s.noise() > 0 ? ", noise " + fmt(s.noise()) : ""),
                Toy2d.sample(s.source(), s.n(), s.noise(), new Random(s.seed())),
                Toy2d.sample(s.source(), s.testN(), s.noise(), new Random(s.seed() ^ 0x5DEECE66DL)));
    }

    private static Dataset csv(DataSpec s, Path baseDir) {
        Path trainPath = resolve(baseDir, s.train(), "data.train");
        Samples train = CsvData.readLabelled(trainPath);
        Samples test = s.test() == null || s.test().isBlank() ? train : CsvData.readLabelled(resolve(baseDir, s.test(), "data.test"));
        return new Dataset("csv " + trainPath.getFileName(), train, test);
    }

    /** A data path relative to the experiment file's folder; a path the system cannot name is bad input. */
    private static Path resolve(Path baseDir, String path, String field) {
        try {
            return baseDir.resolve(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidInputException(field + " '" + InvalidInputException.quote(path) + "' is not a valid path ("
                    + e.getReason() + "); give the CSV file's name");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
