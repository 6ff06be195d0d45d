package io.ntkstudio.data;

import io.ntkstudio.input.InvalidInputException;
import java.nio.file.Path;
import java.util.List;

/** Every data source, in the order the window offers them. */
public final class DataSources {
    public static final DataSource CIRCLE = new CircleData();
    public static final DataSource INTERVAL = new IntervalData();
    public static final DataSource CSV = new CsvFiles();
    public static final List<DataSource> ALL = List.of(CIRCLE, INTERVAL, PlaygroundData.XOR, PlaygroundData.CIRCLES,
            PlaygroundData.SPIRALS, PlaygroundData.GAUSSIANS, new FourPointsData(), new NormalProductData(), new DigitsData(), CSV);

    private DataSources() {
    }

    /** The source with key {@code id}, or the one-line message listing the keys there are. */
    public static DataSource of(String id) {
        for (DataSource s : ALL) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new InvalidInputException("data.source '" + InvalidInputException.quote(id) + "' is unknown; allowed: "
                + String.join(", ", ids()));
    }

    public static List<String> ids() {
        return ALL.stream().map(DataSource::id).toList();
    }

    /** The data set {@code spec} describes; relative CSV paths resolve against {@code baseDir}. */
    public static Dataset build(DataSpec spec, Path baseDir) {
        return of(spec.source()).build(spec, baseDir);
    }

    /** A number in a description: 3 rather than 3.0. */
    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
