package io.ntkstudio.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The layers a network is built of: fully connected, fully connected with residual blocks
 * ({@link ResidualNetwork}), or 3 × 3 convolutions on square images ({@link ConvNetwork}).
 */
public enum Architecture {
    DENSE("dense"),
    RESIDUAL("residual"),
    CONV("conv");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The architecture of that id, or null. */
    public static Architecture byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return id;
    }

    /** Every id, comma-separated, for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(", "));
    }
}
