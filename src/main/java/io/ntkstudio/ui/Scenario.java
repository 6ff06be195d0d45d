package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A guided scenario: a saved experiment (shipped in the jar from assets/presets) and a short
 * explanation of what to watch.
 */
record Scenario(String title, String preset, String explanation) {
    static final List<Scenario> ALL = List.of(
            new Scenario("The kernel of a wide network barely moves (Jacot et al. 2018, Fig. 1)", "jacot-figure1.json",
                    "A 4096-wide network: press Play and watch the kernel slice — Θ_t stays on Θ_0, both near Θ_∞. "
                            + "Then set the width to 16 and Reset: the narrow network's kernel moves."),
            new Scenario("Lazy versus feature learning: NTK parameterization and μP", "feature-learning-mup.json",
                    "Under μP the kernel keeps changing however wide the network (Θ_t − Θ_0 in the heatmap, kernel change "
                            + "in the metrics). Switch the parameterization to ntk and Reset to see it freeze."),
            new Scenario("Spectral bias: low frequencies first", "spectral-bias.json",
                    "The target mixes sin γ and ½ sin 8γ. The residual-modes view shows the large-eigenvalue (low-frequency) "
                            + "directions fitted first, as the kernel regime predicts: e^(−2λ_iτ/n)."),
            new Scenario("Kernel movement against width", "width-sweep.json",
                    "Run the width sweep (Run menu): the kernel change falls with width under NTK parameterization and "
                            + "stays O(1) under μP."),
            new Scenario("Too large a learning rate", "large-learning-rate.json",
                    "The learning rate is above the stable limit 2n/λ_max shown under its field. Press Play: the loss blows up "
                            + "and the run stops with the explanation. Lower η below the limit and Reset."));

    ExperimentSpec load() {
        try (InputStream in = Scenario.class.getResourceAsStream("/io/ntkstudio/presets/" + preset)) {
            if (in == null) {
                throw new IllegalStateException("the scenario file " + preset + " is missing from the program");
            }
            return ExperimentJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), preset);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the scenario " + preset + ": " + e.getMessage(), e);
        }
    }
}
