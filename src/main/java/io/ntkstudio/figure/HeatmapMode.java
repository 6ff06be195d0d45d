package io.ntkstudio.figure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the kernel heatmap shows. Differences use a diverging colour map centred at 0. */
public enum HeatmapMode {
    CURRENT("Θ_t"),
    INIT("Θ_0"),
    CHANGE("Θ_t − Θ_0"),
    LIMIT("Θ_∞"),
    FROM_LIMIT("Θ_t − Θ_∞"),
    /** The mean of every network's Θ_t in a run of several (training.members). */
    NETWORKS_MEAN("mean Θ_t");

    private final String label;

    HeatmapMode(String label) {
        this.label = label;
    }

    /** The name in lesson files: "current", "init", "change", "limit", "from-limit", "networks-mean". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The mode of that id, or null if none has it. */
    public static HeatmapMode byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    /** Every id, comma-separated, for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(HeatmapMode::id).collect(Collectors.joining(", "));
    }

    public boolean difference() {
        return this == CHANGE || this == FROM_LIMIT;
    }

    public boolean needsNetworks() {
        return this == NETWORKS_MEAN;
    }

    public boolean needsLimit() {
        return this == LIMIT || this == FROM_LIMIT;
    }

    @Override
    public String toString() {
        return label;
    }
}
