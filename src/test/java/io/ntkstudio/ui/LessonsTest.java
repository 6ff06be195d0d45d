package io.ntkstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void everyBuiltInLessonLoadsWithANote() throws java.io.IOException {
        // every lesson file is listed in lessons.txt, once
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("assets/lessons"))) {
            assertEquals(files.filter(f -> f.toString().endsWith(".ntk")).count(), BuiltInLessons.all().size());
        }
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
        assertEquals(1024, a.network().width(), "both 1024 wide, as the note says");
        assertEquals(1024, b.network().width());
        double lazy = train(run(a), 150).metrics().kernelChange();
        double moving = train(run(b), 150).metrics().kernelChange();
        assertTrue(moving > 0.3 && lazy < 0.1, "μP " + moving + ", ntk " + lazy);
    }

    @Test
    void spectralBiasTheModesFallAtTheStepsTheNoteGivesInTheOrderOfTheirEigenvalues() {
        Lesson l = named("spectral-bias.ntk");
        ExperimentSpec spec = l.experiment();
        assertEquals(0.1, spec.training().learningRate(), 0.0);
        assertEquals(5, l.staging().stepsPerSecond(), 0.0);
        assertEquals(300, spec.training().steps());
        // Only the last snapshot, as a window that caught no early frame: the view still has every step.
        TrainingSnapshot last = train(run(spec), spec.training().steps());
        ModeTrajectories tr = RunHistory.trajectories(last);
        double[] lambda = tr.eigenvalues();
        // the note: λ ≈ 39, 33, 31 fall to a hundredth in 36 to 46 steps, λ ≈ 10 in about 145, λ ≈ 0.16 barely moves
        double[] noted = {39, 33, 31, 10, 0.16};
        long[] fall = {36, 46, 46, 145};
        for (int k = 0; k < noted.length; k++) {
            assertEquals(noted[k], lambda[k], noted[k] * 0.05, "λ of followed mode " + k + ": " + java.util.Arrays.toString(lambda));
        }
        for (Series[] curves : new Series[][] {tr.network(), tr.regime()}) {
            for (int k = 0; k < 3; k++) {
                long down = stepsToFall(curves[k], 1e-2);
                assertTrue(down >= 33 && down <= 50, "mode " + k + " at a hundredth after " + down + " steps");
            }
            long fourth = stepsToFall(curves[3], 1e-2);
            assertTrue(fourth >= 125 && fourth <= 165, "λ ≈ 10 at a hundredth after " + fourth + " steps");
            Series slow = curves[4];
            assertTrue(slow.y()[slow.size() - 1] > 0.8 * slow.y()[0], "the smallest barely moves: " + slow.y()[slow.size() - 1] / slow.y()[0]);
        }
        // at 5 steps/s the largest take about 8 s, the fourth about half a minute
        assertEquals(8, fall[1] / l.staging().stepsPerSecond(), 1.5);
        assertEquals(30, fall[3] / l.staging().stepsPerSecond(), 2);
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
        TrainingSnapshot endA = train(run(a), a.training().steps());
        TrainingSnapshot endB = train(run(b), b.training().steps());
        double changeA = endA.metrics().kernelChange();
        double changeB = endB.metrics().kernelChange();
        assertTrue(changeB < changeA / 30, "α = 100 is lazy: " + changeB + " against " + changeA);
        // the note: B's function ends 0.3 % from its kernel-regime line, A's 9 %
        assertEquals(0.003, offTheKernelRegime(endB), 0.0005);
        assertEquals(0.09, offTheKernelRegime(endA), 0.005);
    }

    /** ‖f − f_regime‖/‖f‖ over the test inputs: how far the network is from its dashed kernel-regime line. */
    private static double offTheKernelRegime(TrainingSnapshot s) {
        double d = 0;
        double f = 0;
        for (int i = 0; i < s.testOutputs().size(); i++) {
            double x = s.testOutputs().get(i) - s.regimeTest().get(i);
            d += x * x;
            f += s.testOutputs().get(i) * s.testOutputs().get(i);
        }
        return Math.sqrt(d / f);
    }

    @Test
    void manyNetworksTheWideEnsembleSpreadsAsTheGaussianProcessSays() {
        Lesson sc = named("many-random-networks.ntk");
        ExperimentSpec b = sc.compare();
        assertEquals(16, b.training().members());
        assertEquals(300, b.training().steps());
        TrainingSnapshot end = train(run(b), b.training().steps());
        io.ntkstudio.engine.EnsembleView e = end.ensemble();
        assertEquals(16, e.members().size());
        assertTrue(e.hasGaussianProcess());
        assertEquals(16, e.kernels().size());
        ExperimentSpec a = sc.experiment();
        TrainingSnapshot endA = train(run(a), a.training().steps());
        // the note's figures: 0.89 × the GP's spread at width 32, 1.01 × at 512, and both means near the GP's
        assertEquals(0.89, endA.ensemble().stdRatio(), 0.005, "the spread of 16 networks 32 wide against the GP's");
        assertEquals(1.01, e.stdRatio(), 0.005, "the spread of 16 networks 512 wide against the GP's");
        assertTrue(e.meanGap() < 0.1 && endA.ensemble().meanGap() < 0.1, "their means near the GP mean: " + e.meanGap() + ", "
                + endA.ensemble().meanGap());
        // width shows in the kernels: the narrow ones scatter far more around Θ_∞
        double wide = scatter(end);
        double narrow = scatter(endA);
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
        TrainingSnapshot wideEnd = train(run(b), b.training().steps());
        var wide = wideEnd.ensemble();
        // the note's figures after the 1000 steps: 0.98 × the GP's spread at width 50, 1.04 × at 1000; kernel change 0.09 against 0.04
        assertEquals(0.98, end.ensemble().stdRatio(), 0.005, "the spread of 10 networks 50 wide against the GP's");
        assertEquals(1.04, wide.stdRatio(), 0.005, "the spread of 10 networks 1000 wide against the GP's");
        assertTrue(wide.meanGap() < 0.3, "their mean near the GP mean: " + wide.meanGap());
        assertEquals(0.09, end.metrics().kernelChange(), 0.005);
        assertEquals(0.04, wideEnd.metrics().kernelChange(), 0.005);
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
        double eta = spec.training().learningRate();
        assertEquals(0.95, eta / limit, 0.005, "η is 0.95 × 2n/λ_max, as the note says");
        TrainingSnapshot start = run.snapshot(true, RunStatus.RUNNING, null);
        // λ_max(t) stays under 2n/η all along (the kernel is measured every other step)
        double edge = 2.0 * spec.data().n() / eta;
        TrainingSnapshot end = null;
        for (int t = 0; t < spec.training().steps(); t += spec.training().kernelEvery()) {
            end = train(run, spec.training().kernelEvery());
            assertTrue(end.eigenvalues().get(0) < edge, "λ_max " + end.eigenvalues().get(0) + " at step " + end.step() + " under 2n/η = " + edge);
        }
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
        assertEquals(1.5, eta / run.context().largestStableLearningRate(), 0.01, "η is 1.5 × 2n/λ_max, as the note says");
        TrainingSnapshot start = run.snapshot(true, RunStatus.RUNNING, null);
        double peak = start.trainLoss();
        for (int i = 0; i < spec.training().steps(); i++) {
            assertTrue(run.advance(), "the network does not diverge (step " + i + ")");
            peak = Math.max(peak, run.lastLoss());
        }
        TrainingSnapshot end = run.snapshot(true, RunStatus.RUNNING, null);
        assertEquals(45, peak / start.trainLoss(), 5, "a spike of about 45-fold, as the note says");
        assertTrue(end.trainLoss() < start.trainLoss(), "it converges below its start: " + end.trainLoss());
        assertTrue(end.eigenvalues().get(0) < 2.0 * n / eta, "λ_max ends under 2n/η: " + end.eigenvalues().get(0));
        assertTrue(end.regimeTrainLoss() > 1e6 * start.regimeTrainLoss(), "the linearised model's loss grows: " + end.regimeTrainLoss());
    }

    @Test
    void tooLargeALearningRateDivergesBeyondTheLargestThatConvergesBetweenThreeAndAHalfAndFourTimesTheLimit() {
        ExperimentSpec spec = named("large-learning-rates-3.ntk").experiment();
        TrainingRun run = run(spec);
        double limit = run.context().largestStableLearningRate();
        assertEquals(5, spec.training().learningRate() / limit, 0.2, "η is about 5 × 2n/λ_max");
        int steps = 0;
        while (run.advance() && steps < 2000) {
            steps++;
        }
        assertTrue(steps < 2000, "it diverges");
        // the step log keeps every step up to the last finite one: the window's curves draw the blow-up
        assertTrue(run.stepLog().size() >= steps, "logged " + run.stepLog().size() + " of " + steps + " steps");
        // the note's measurement: 3.5 × the limit converges (a catapult), 4 × does not
        assertTrue(converges(spec, 3.5 * limit), "3.5 × 2n/λ_max converges");
        assertFalse(converges(spec, 4.0 * limit), "4 × 2n/λ_max diverges");
    }

    private static boolean converges(ExperimentSpec spec, double eta) {
        ExperimentSpec s = spec.withTraining(new TrainingSpec(eta, 1000, 1000));
        TrainingRun run = run(s);
        double start = run.snapshot(false, RunStatus.RUNNING, null).trainLoss();
        for (int i = 0; i < 1000; i++) {
            if (!run.advance()) {
                return false;
            }
        }
        return run.lastLoss() < start;
    }
}
