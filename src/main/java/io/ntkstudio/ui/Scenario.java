package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.network.Parameterization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A guided scenario: a saved experiment (shipped in the jar from assets/presets), a short
 * explanation of what to watch, and the pace its story is told at ({@code stepsPerSecond}, 0: as
 * fast as possible).
 */
record Scenario(String title, String preset, String explanation, UnaryOperator<ExperimentSpec> compareWith,
                double stepsPerSecond) {
    Scenario(String title, String preset, String explanation) {
        this(title, preset, explanation, null, 0);
    }

    Scenario(String title, String preset, String explanation, double stepsPerSecond) {
        this(title, preset, explanation, null, stepsPerSecond);
    }

    Scenario(String title, String preset, String explanation, UnaryOperator<ExperimentSpec> compareWith) {
        this(title, preset, explanation, compareWith, 0);
    }

    /** Whether the scenario opens compare mode, with B derived from A by {@link #compareWith}. */
    boolean compares() {
        return compareWith != null;
    }

    static final List<Scenario> ALL = List.of(
            new Scenario("Ten random kernels and their limit (Jacot et al. 2018, Fig. 1)", "jacot-figure1.json",
                    "The paper's setup: ReLU, 3 hidden layers, NTK parameterization with all parameters N(0, 1) (σ_w = 1) and "
                            + "β = σ_b = 0.1, η = 1.0 for 200 steps on f*(x) = x₁x₂ with inputs from N(0, I) (20 points: the paper "
                            + "does not say how many), 10 random starts. The kernel slice is Θ(x₀, x) from x₀ = (1, 0) to x = "
                            + "(cos γ, sin γ). Compare mode: A is 500 wide, as in the paper; B is 2048 wide, not the paper's 10000, "
                            + "which would need about 32 GB for 10 networks. Press Play both: grey is each network's kernel at "
                            + "t = 0, blue after training, dashed Θ_∞. B's kernels sit closer to Θ_∞ and move less. B takes "
                            + "about two minutes on two cores.",
                    a -> a.withNetwork(a.network().withWidth(2048))),
            new Scenario("Lazy versus feature learning: NTK parameterization and μP", "lazy-vs-feature.json",
                    "Compare mode: A under NTK parameterization, B under μP, the same width. Press Play both: A's kernel slice "
                            + "freezes, B's keeps changing however wide the network.",
                    a -> a.withNetwork(a.network().withParameterization(Parameterization.MUP))),
            new Scenario("Lazy by scaling: a narrow network made lazy (Chizat et al. 2019)", "lazy-by-scaling.json",
                    "Compare mode: both are 32 wide; B's output is scaled, f_α = f_0 + α(f − f_0) with α = 100, trained at "
                            + "η/α². Press Play both: A's kernel slice moves, B's stays on Θ_0 and B follows its dashed kernel-regime "
                            + "line, though it is just as narrow. Laziness is a matter of scale, not of width alone.",
                    a -> a.withNetwork(a.network().withOutputScale(100)), 30),
            new Scenario("Many random networks: their mean is kernel regression (Lee et al. 2019)", "ensemble-mean.json",
                    "Compare mode: 16 networks from 16 random starts on each side, 32 wide (A) and 512 wide (B). Thin lines are the "
                            + "networks, the bold line and shaded band their mean ± 2σ; the purple dashed lines are the infinite-width "
                            + "prediction, the NTK Gaussian process mean ± 2σ. Press Play both: B's networks spread as the GP says and "
                            + "average to its mean, ridgeless kernel regression with Θ; A's scatter more.",
                    a -> a.withNetwork(a.network().withWidth(512)), 30),
            new Scenario("Ten random networks against the Gaussian process (Jacot et al. 2018, Fig. 2)", "jacot-figure2.json",
                    "The paper's setup: ReLU, 3 hidden layers, NTK parameterization with all parameters N(0, 1) (σ_w = 1) and "
                            + "β = σ_b = 0.1, least squares on 4 points of the circle (γ = −2.2, −1, 1, 2.2 with targets −0.4, −0.2, 0.3, "
                            + "0.3: the paper does not give them; a published reproduction's choice), η = 1.0 for 1000 steps, 10 random "
                            + "starts. Compare mode: A is 50 wide, B 1000 wide. Thin lines are the networks; the purple dashed lines the "
                            + "infinite-width Gaussian process, mean ± 2σ (the paper draws its 10th, 50th and 90th percentiles, "
                            + "μ ± 1.28σ). Press Play both: B's networks spread as the Gaussian process says, A's less so. The grey "
                            + "line joins the four points; the task has no target between them.",
                    a -> a.withNetwork(a.network().withWidth(1000)), 100),
            new Scenario("Spectral bias: low frequencies first", "spectral-bias.json",
                    "The target mixes sin γ and ½ sin 8γ. The residual-modes view shows the large-eigenvalue (low-frequency) "
                            + "directions fitted first, as the kernel regime predicts: (1 − ηλ_i/n)^(2t). Played at 10 steps/s "
                            + "so that the order can be followed.", 10),
            new Scenario("Kernel movement against width", "width-sweep.json",
                    "Run the width sweep (Run menu): the kernel change falls with width under NTK parameterization and "
                            + "stays O(1) under μP."),
            new Scenario("Large learning rates 1: just below the stable limit", "lr-below-limit.json",
                    "η is 0.95 × 2n/λ_max. Press Play: the loss falls, and the linearised network (dashed) falls with it. "
                            + "On the spectrum view, λ_max stays under the 2n/η line. Then open part 2.", 10),
            new Scenario("Large learning rates 2: the catapult", "lr-catapult.json",
                    "η is 1.5 × 2n/λ_max: the linearised network (dashed) must diverge, its top mode growing by |1 − ηλ/n| > 1 "
                            + "each step. Press Play: the real loss spikes about 40-fold, the kernel's λ_max falls until it is under "
                            + "the 2n/η line, and the loss then comes down (Lewkowycz et al. 2020). Then open part 3.", 5),
            new Scenario("Large learning rates 3: too large", "large-learning-rate.json",
                    "η is about 5 × 2n/λ_max, beyond what even the catapult can absorb (here, measured: about 4 × 2n/λ_max). "
                            + "Press Play: the loss blows up and the run stops with the explanation; the curves keep every step "
                            + "up to the last finite one. Lower η and Reset.", 5));

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
