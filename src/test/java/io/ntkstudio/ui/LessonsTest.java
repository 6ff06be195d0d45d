package io.ntkstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunOptions;
import io.ntkstudio.engine.RunStatus;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.figure.Lesson;
import io.ntkstudio.figure.ModeTrajectories;
import io.ntkstudio.figure.RunHistory;
import io.ntkstudio.figure.Series;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Parameterization;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every built-in lesson loads, and runs headless to the point its note says it shows. */
class LessonsTest {
    private static Lesson named(String file) {
        return BuiltInLessons.load(file);
    }

    private static TrainingRun run(ExperimentSpec spec) {
        return TrainingRun.create(spec, Path.of("."), RunOptions.WITH_INFINITE_WIDTH);
    }

    private static TrainingSnapshot train(TrainingRun run, int steps) {
        for (int i = 0; i < steps; i++) {
            assertTrue(run.advance(), "no divergence at step " + i);
        }
        return run.snapshot(true, RunStatus.RUNNING, null);
    }

    @Test
    void everyBuiltInLessonLoadsWithANote() {
        assertEquals(10, BuiltInLessons.all().size());
        for (BuiltInLessons.Entry e : BuiltInLessons.all()) {
            Lesson l = e.lesson();
            assertTrue(l.experiment().training().steps() > 0, l.title());
            assertTrue(l.note().length() > 60, l.title());
            if (l.next() != null) {
                assertTrue(BuiltInLessons.exists(l.next()), l.title() + " names its next part " + l.next());
            }
        }
    }

    @Test
    void jacotFigureOneTheWideNetworksKernelsOnTheCircleCollapseOntoTheLimit() {
        Lesson sc = named("jacot-figure1.ntk");
        assertTrue(sc.compares());
        ExperimentSpec a = sc.experiment();
        // the paper's stated setup (§6): ReLU, L = 4 (3 hidden layers), NTK parameterization, β = 0.1,
        // parameters N(0, 1), η = 1, 10 initialisations, 200 steps on x₁x₂ with N(0, 1) inputs
        assertEquals(3, a.network().depth());
        assertEquals(Activation.RELU, a.network().activation());
        assertEquals(Parameterization.NTK, a.network().parameterization());
        assertEquals(1.0, a.network().sigmaW(), 0.0);
        assertEquals(0.1, a.network().sigmaB(), 0.0);
        assertEquals(1.0, a.training().learningRate(), 0.0);
        assertEquals(200, a.training().steps());
        assertEquals(10, a.training().members());
        assertEquals("normal-product", a.data().source());
        assertEquals(500, a.network().width());
        ExperimentSpec b = sc.compare();
        assertEquals(2048, b.network().width(), "the widest that 10 networks fit in (the paper's 10000 does not)");
        // fewer steps than the scenario, the same picture: at t = 0 the ten slices scatter about Θ_∞ like 1/√width
        // (measured: 0.13 at width 500, 0.067 at 2048), and training moves the narrow ones more (0.05 against 0.012).
        // The networks are the ensemble's members (seed + k), trained one at a time to stay within the tests' heap.
        double[] narrow = scatterAndMovement(a, 20);
        double[] wide = scatterAndMovement(b, 20);
        assertTrue(wide[0] < 0.7 * narrow[0], "Θ_0 about Θ_∞ on the circle: width 2048 " + wide[0] + ", 500 " + narrow[0]);
        assertTrue(wide[1] < 0.5 * narrow[1], "Θ_t − Θ_0 on the circle: width 2048 " + wide[1] + ", 500 " + narrow[1]);
    }

    /**
     * Over the members of {@code spec}'s ensemble, each trained {@code steps} steps: the mean of
     * ‖Θ_0(x₀, ·) − Θ_∞(x₀, ·)‖/‖Θ_∞(x₀, ·)‖ and of ‖Θ_t(x₀, ·) − Θ_0(x₀, ·)‖/‖Θ_0(x₀, ·)‖.
     */
    private static double[] scatterAndMovement(ExperimentSpec spec, int steps) {
        int members = spec.training().members();
        double scatter = 0;
        double moved = 0;
        for (int k = 0; k < members; k++) {
            ExperimentSpec one = spec.withNetwork(spec.network().withSeed(io.ntkstudio.engine.Ensemble.memberSeed(spec.network().seed(), k)))
                    .withTraining(new TrainingSpec(spec.training().learningRate(), steps, steps));
            TrainingRun run = run(one);
            var slice = run.context().circleSlice();
            scatter += io.ntkstudio.kernel.KernelMetrics.relativeDistance(slice.init().toArray(), slice.limit().toArray());
            moved += io.ntkstudio.kernel.KernelMetrics.relativeDistance(train(run, steps).circleSliceNow().toArray(), slice.init().toArray());
        }
        return new double[] {scatter / members, moved / members};
    }

    @Test
    void featureLearningTheKernelMovesUnderMupNotUnderNtk() {
        Lesson sc = named("lazy-vs-feature.ntk");
        ExperimentSpec a = sc.experiment();
        ExperimentSpec b = sc.compare();
        assertEquals(Parameterization.NTK, a.network().parameterization());
        assertEquals(Parameterization.MUP, b.network().parameterization());
        double lazy = train(run(a), 150).metrics().kernelChange();
        double moving = train(run(b), 150).metrics().kernelChange();
        assertTrue(moving > 0.3 && lazy < 0.1, "μP " + moving + ", ntk " + lazy);
    }

    @Test
    void spectralBiasLowModesAreFittedFirst() {
        ExperimentSpec spec = named("spectral-bias.ntk").experiment();
        TrainingSnapshot s = train(run(spec), 150);
        double low = 0;
        double high = 0;
        for (int i = 0; i < 5; i++) {
            low += s.modeEnergies().get(i);
            high += s.modeEnergies().get(20 + i);
        }
        assertTrue(low < high / 100, "low-mode residual " + low + " against high-mode " + high);
        double predictedLow = 0;
        for (int i = 0; i < 5; i++) {
            predictedLow += s.regimeModeEnergies().get(i);
        }
        assertTrue(predictedLow < high / 100, "the kernel regime predicts it too");
    }

    @Test
    void spectralBiasTheModeViewFollowsTheLowFrequencyDownFirst() {
        ExperimentSpec spec = named("spectral-bias.ntk").experiment();
        // Only the last snapshot, as a window that caught no early frame: the view still has every step.
        TrainingSnapshot last = train(run(spec), 120);
        ModeTrajectories tr = RunHistory.trajectories(last);
        // The followed modes include the target's two frequencies: a large λ and a small one.
        int fast = 0;
        int slow = tr.size() - 1;
        assertTrue(tr.eigenvalues()[fast] > 50 * tr.eigenvalues()[slow], java.util.Arrays.toString(tr.eigenvalues()));
        for (Series[] curves : new Series[][] {tr.network(), tr.regime()}) {
            long fastDown = stepsToFall(curves[fast], 1e-2);
            long slowDown = stepsToFall(curves[slow], 1e-2);
            assertTrue(fastDown < 20 && slowDown > 120, "a hundredth of the start after " + fastDown + " and " + slowDown + " steps");
        }
    }

    /** The first step at which the series is below {@code fraction} of its start (Long.MAX_VALUE if never). */
    private static long stepsToFall(Series s, double fraction) {
        for (int i = 0; i < s.size(); i++) {
            if (s.y()[i] < fraction * s.y()[0]) {
                return (long) s.x()[i];
            }
        }
        return Long.MAX_VALUE;
    }

    @Test
    void lazyByScalingTheScaledNarrowNetworksKernelBarelyMoves() {
        Lesson sc = named("lazy-by-scaling.ntk");
        ExperimentSpec a = sc.experiment();
        ExperimentSpec b = sc.compare();
        assertEquals(a.network().width(), b.network().width());
        assertEquals(100, b.network().outputScale(), 0.0);
        double changeA = train(run(a), a.training().steps()).metrics().kernelChange();
        double changeB = train(run(b), b.training().steps()).metrics().kernelChange();
        assertTrue(changeB < changeA / 30, "α = 100 is lazy: " + changeB + " against " + changeA);
    }

    @Test
    void manyNetworksTheWideEnsembleSpreadsAsTheGaussianProcessSays() {
        Lesson sc = named("many-random-networks.ntk");
        ExperimentSpec b = sc.compare();
        assertEquals(16, b.training().members());
        TrainingSnapshot end = train(run(b), 150);
        io.ntkstudio.engine.EnsembleView e = end.ensemble();
        assertEquals(16, e.members().size());
        assertTrue(e.hasGaussianProcess());
        assertEquals(1.0, e.stdRatio(), 0.4, "the spread of 16 networks 512 wide against the GP's: " + e.stdRatio());
        assertTrue(e.meanGap() < 0.2, "their mean near the GP mean: " + e.meanGap());
        assertEquals(16, e.kernels().size());
        // Jacot et al.'s Figure 1: the wide networks' kernels sit near Θ_∞, the narrow ones' scatter
        ExperimentSpec a = sc.experiment();
        double wide = scatter(end);
        double narrow = scatter(train(run(a), 150));
        assertTrue(wide < narrow / 2, "kernel scatter around Θ_∞: width 512 " + wide + ", width 32 " + narrow);
    }

    @Test
    void jacotFigureTwoTenNetworksFitTheFourPointsAndSpreadAsTheGaussianProcessSays() {
        Lesson sc = named("jacot-figure2.ntk");
        ExperimentSpec a = sc.experiment();
        assertEquals(10, a.training().members());
        assertEquals(3, a.network().depth());
        assertEquals(1.0, a.network().sigmaW(), 0.0);
        assertEquals(0.1, a.network().sigmaB(), 0.0);
        TrainingRun narrow = run(a);
        var train = narrow.context().data().train();
        assertEquals(4, train.count());
        double[] angles = {-2.2, -1, 1, 2.2};
        double[] targets = {-0.4, -0.2, 0.3, 0.3};
        for (int i = 0; i < 4; i++) {
            assertEquals(angles[i], Math.atan2(train.input(i, 1), train.input(i, 0)), 1e-12);
            assertEquals(targets[i], train.target(i), 0.0);
        }
        TrainingSnapshot end = train(narrow, a.training().steps());
        assertTrue(end.trainLoss() < 1e-4, "network 1 fits the four points: " + end.trainLoss());
        assertTrue(end.ensemble().hasGaussianProcess());
        // between the points the GP's spread is the picture: it must be there, and the networks' too
        double gpSpread = java.util.Arrays.stream(end.ensemble().gpStd().toArray()).max().orElse(0);
        assertTrue(gpSpread > 0.05, "the Gaussian process spreads between the points: " + gpSpread);
        ExperimentSpec b = sc.compare();
        assertEquals(1000, b.network().width());
        var wide = train(run(b), 150).ensemble();
        assertEquals(1.0, wide.stdRatio(), 0.4, "the spread of 10 networks 1000 wide against the GP's: " + wide.stdRatio());
        assertTrue(wide.meanGap() < 0.3, "their mean near the GP mean: " + wide.meanGap());
    }

    /** The mean over members of ‖Θ_t − Θ_∞‖_F / ‖Θ_∞‖_F. */
    private static double scatter(TrainingSnapshot s) {
        double[] limit = s.context().kernelLimit().toArray();
        double sum = 0;
        for (io.ntkstudio.linalg.ReadOnlyMatrix k : s.ensemble().kernels()) {
            sum += io.ntkstudio.kernel.KernelMetrics.relativeDistance(k.toArray(), limit);
        }
        return sum / s.ensemble().kernels().size();
    }

    @Test
    void justBelowTheStableLimitBothTheNetworkAndItsLinearisationConverge() {
        ExperimentSpec spec = named("large-learning-rates-1.ntk").experiment();
        TrainingRun run = run(spec);
        double limit = run.context().largestStableLearningRate();
        assertTrue(spec.training().learningRate() < limit && spec.training().learningRate() > 0.9 * limit);
        TrainingSnapshot start = run.snapshot(true, RunStatus.RUNNING, null);
        TrainingSnapshot end = train(run, spec.training().steps());
        assertTrue(end.trainLoss() < 0.01 * start.trainLoss(), "the network converges: " + end.trainLoss());
        assertTrue(end.regimeTrainLoss() < 0.01 * start.regimeTrainLoss(), "and its linearisation: " + end.regimeTrainLoss());
    }

    @Test
    void theCatapultSpikesThenConvergesWithLambdaMaxUnderTwoNOverEtaWhileTheLinearisationDiverges() {
        // Lewkowycz et al. 2020: between 2n/λ_max and the largest convergent rate, the loss spikes, the
        // kernel's top eigenvalue falls below 2n/η, and the run converges; the linearised model cannot.
        ExperimentSpec spec = named("large-learning-rates-2.ntk").experiment();
        TrainingRun run = run(spec);
        double eta = spec.training().learningRate();
        int n = spec.data().n();
        assertTrue(eta > run.context().largestStableLearningRate(), "above the stable limit of the linearised model");
        TrainingSnapshot start = run.snapshot(true, RunStatus.RUNNING, null);
        double peak = start.trainLoss();
        for (int i = 0; i < spec.training().steps(); i++) {
            assertTrue(run.advance(), "the network does not diverge (step " + i + ")");
            peak = Math.max(peak, run.lastLoss());
        }
        TrainingSnapshot end = run.snapshot(true, RunStatus.RUNNING, null);
        assertTrue(peak > 10 * start.trainLoss(), "a spike of at least 10x: " + peak / start.trainLoss());
        assertTrue(end.trainLoss() < start.trainLoss(), "it converges below its start: " + end.trainLoss());
        assertTrue(end.eigenvalues().get(0) < 2.0 * n / eta, "λ_max ends under 2n/η: " + end.eigenvalues().get(0));
        assertTrue(end.regimeTrainLoss() > 1e6 * start.regimeTrainLoss(), "the linearised model's loss grows: " + end.regimeTrainLoss());
    }

    @Test
    void tooLargeALearningRateIsAboveTheLimitAndDiverges() {
        ExperimentSpec spec = named("large-learning-rates-3.ntk").experiment();
        TrainingRun run = run(spec);
        assertTrue(spec.training().learningRate() > run.context().largestStableLearningRate());
        int steps = 0;
        while (run.advance() && steps < 2000) {
            steps++;
        }
        assertTrue(steps < 2000, "it diverges");
        assertTrue(run.divergenceMessage().contains("2n/λ_max(K)"));
    }
}
