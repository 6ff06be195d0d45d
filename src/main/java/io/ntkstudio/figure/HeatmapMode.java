package io.ntkstudio.figure;

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
