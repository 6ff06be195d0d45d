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
record Scenario(String title, String preset, String explanation, java.util.function.UnaryOperator<ExperimentSpec> compareWith) {
    Scenario(String title, String preset, String explanation) {
        this(title, preset, explanation, null);
    }

    /** Whether the scenario opens compare mode, with B derived from A by {@link #compareWith}. */
    boolean compares() {
        return compareWith != null;
    }

    static final List<Scenario> ALL = List.of(
            new Scenario("The kernel of a wide network barely moves (Jacot et al. 2018, Fig. 1)", "jacot-figure1.json",
                    "Compare mode: A is 32 wide, B is 2048 wide, same data and seed. Press Play both and watch the kernel "
                            + "slices: B's Θ_t stays on Θ_0, both near Θ_∞; A's moves.",
                    a -> a.withNetwork(a.network().withWidth(2048))),
            new Scenario("Lazy versus feature learning: NTK parameterization and μP", "lazy-vs-feature.json",
                    "Compare mode: A under NTK parameterization, B under μP, the same width. Press Play both: A's kernel slice "
                            + "freezes, B's keeps changing however wide the network.",
                    a -> a.withNetwork(a.network().withParameterization(io.ntkstudio.model.Parameterization.MUP))),
            new Scenario("Spectral bias: low frequencies first", "spectral-bias.json",
                    "The target mixes sin γ and ½ sin 8γ. The residual-modes view shows the large-eigenvalue (low-frequency) "
                            + "directions fitted first, as the kernel regime predicts: (1 − ηλ_i/n)^(2t)."),
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
