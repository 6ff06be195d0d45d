package io.ntkstudio.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a convolutional network turns its last feature maps into the input of its dense output layer
 * (neural-tangents {@code stax.Flatten} and {@code stax.GlobalAvgPool}).
 */
public enum Readout {
    /** Every position of every channel: fan-in C·s². */
    FLATTEN("flatten"),
    /** Each channel averaged over the positions: fan-in C. */
    GAP("gap");

    private final String id;

    Readout(String id) {
        this.id = id;
    }

    /** The name in experiment files and on the command line. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }

    /** The readout of that id, or null. */
    public static Readout byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
    }

    /** Every id, comma-separated, for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Readout::id).collect(Collectors.joining(", "));
    }
}
