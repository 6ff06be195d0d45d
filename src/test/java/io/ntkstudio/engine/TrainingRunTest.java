package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.CircleSlice;
import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.data.Dataset;
import io.ntkstudio.data.Samples;
import io.ntkstudio.kernel.AnalyticKernel;
import io.ntkstudio.kernel.Spectrum;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Network;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import io.ntkstudio.linalg.ReadOnlyVector;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainingRunTest {
    static ExperimentSpec spec(int width, int depth, Parameterization p, double lr, int n) {
        return new ExperimentSpec(new NetworkConfig(width, depth, Activation.RELU, p, Math.sqrt(2), 0.1, 3),
                DataSpec.circle(n, 2 * n, "sin", 2), new TrainingSpec(lr, 100, 10));
    }

    static TrainingRun run(ExperimentSpec spec) {
        Dataset data = DataSources.build(spec.data(), Path.of("."));
        return TrainingRun.create(spec, data, RunOptions.WITH_INFINITE_WIDTH);
    }

    /** The stable limit 2n/λ_max of the width-{@code width} NTK net on {@code n} points. */
    static double stableLimit(int width, int n) {
        return run(spec(width, 2, Parameterization.NTK, 0.1, n)).context().largestStableLearningRate();
    }

    /** Two runs of {@code spec} after {@code steps} steps each. */
    static TrainingRun[] twins(ExperimentSpec spec, int steps) {
        TrainingRun a = run(spec);
        TrainingRun b = run(spec);
        for (int i = 0; i < steps; i++) {
            a.advance();
            b.advance();
        }
        return new TrainingRun[] {a, b};
    }

    @Test
    void aStepIsGradientDescentOnTheHalvedMeanSquaredError() {
        for (Parameterization p : Parameterization.values()) {
            ExperimentSpec spec = spec(16, 2, p, 0.3, 7);
            TrainingRun run = run(spec);
            Network before = run.network().copy();
            Samples train = run.context().data().train();
            double[] expected = before.flatParameters();
            for (int i = 0; i < train.count(); i++) {
                double r = (before.output(train.row(i)) - train.target(i)) / train.count();
                double[] g = before.parameterGradient(train.row(i));
                for (int k = 0; k < expected.length; k++) {
                    expected[k] -= 0.3 * r * g[k];
                }
            }
            assertTrue(run.advance());
            double[] actual = run.network().flatParameters();
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], actual[k], 1e-12 * Math.max(1, Math.abs(expected[k])), p + " parameter " + k);
            }
            assertEquals(1, run.step());
        }
    }

    @Test
    void sameSpecGivesBitIdenticalRuns() {
        TrainingRun[] twins = twins(spec(64, 2, Parameterization.NTK, 0.5, 10), 25);
        TrainingRun a = twins[0];
        TrainingRun b = twins[1];
        TrainingSnapshot sa = a.snapshot(true, RunStatus.RUNNING, null);
        TrainingSnapshot sb = b.snapshot(true, RunStatus.RUNNING, null);
        assertArrayEquals(a.network().flatParameters(), b.network().flatParameters(), 0.0);
        assertArrayEquals(sa.kernel().toArray(), sb.kernel().toArray(), 0.0);
        assertEquals(sa.testLoss(), sb.testLoss(), 0.0);
    }

    @Test
    void stableLimitIsTwoNOverTheLargestEigenvalue() {
        TrainingRun run = run(spec(64, 2, Parameterization.NTK, 0.5, 12));
        double lambdaMax = Spectrum.of(run.context().kernelInit().toArray(), 12, false).largest();
        assertEquals(2 * 12 / lambdaMax, run.context().largestStableLearningRate(), 1e-12);
    }

    @Test
    void tooLargeALearningRateDivergesAndSaysWhy() {
        double limit = stableLimit(256, 12);
        // Between 2n/λ_max and a few times it, ReLU nets may "catapult" and still converge
        // (Lewkowycz et al. 2020); twenty times it is past any catapult.
        TrainingRun run = run(spec(256, 2, Parameterization.NTK, 20 * limit, 12));
        int steps = 0;
        while (run.advance()) {
            steps++;
            assertTrue(steps < 10_000, "a learning rate twenty times the stable limit must diverge");
        }
        assertFalse(run.advance());
        String message = run.divergenceMessage();
        assertTrue(message.contains("step " + run.step()), message);
        assertTrue(message.contains(String.format(java.util.Locale.ROOT, "%.6g", limit)), message);
    }

    @Test
    void aSampleHoldsTheSnapshotsNumbersAndTheRunKeepsItsKernel() {
        TrainingRun[] twins = twins(spec(64, 2, Parameterization.NTK, 0.5, 10), 7);
        TrainingRun a = twins[0];
        TrainingRun b = twins[1];
        TrainingSnapshot s = a.snapshot(true, RunStatus.RUNNING, null);
        KernelSample k = b.sample();
        assertEquals(s.step(), k.step());
        assertEquals(s.trainLoss(), k.trainLoss(), 0.0);
        assertEquals(s.testLoss(), k.testLoss(), 0.0);
        assertEquals(s.regimeTrainLoss(), k.regimeTrainLoss(), 0.0);
        assertEquals(s.metrics(), k.metrics());
        assertArrayEquals(s.eigenvalues().toArray(), k.eigenvalues().toArray(), 0.0);
        assertArrayEquals(s.testOutputs().toArray(), k.testOutputs().toArray(), 0.0);
        assertArrayEquals(s.regimeTest().toArray(), k.regimeTest().toArray(), 0.0);
        assertArrayEquals(s.limitRegimeTest().toArray(), k.limitRegimeTest().toArray(), 0.0);
        assertArrayEquals(s.kernel().toArray(), b.lastKernel().toArray(), 0.0);
    }

    @Test
    void afterADivergenceTheLastKernelIsTheLastFiniteOne() {
        TrainingRun run = run(spec(128, 2, Parameterization.NTK, 20 * stableLimit(128, 8), 8));
        KernelSample last = run.sample();
        double[] kernel = run.lastKernel().toArray();
        while (run.advance()) {
            KernelSample s = run.sample();
            if (s == null) {
                break;
            }
            last = s;
            kernel = run.lastKernel().toArray();
        }
        // the loss passes 10^6 times its start (or overflows) long before step 10,000
        assertTrue(run.step() < 10_000 && (run.divergedNetwork() == 0 || run.sample() == null), "twenty times the stable rate diverges");
        assertArrayEquals(kernel, run.lastKernel().toArray(), 0.0, "Θ of the last finite sample, step " + last.step());
        for (double v : run.lastKernel().toArray()) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void belowTheStableLimitTheLossFalls() {
        TrainingRun run = run(spec(256, 2, Parameterization.NTK, 0.9 * stableLimit(256, 12), 12));
        double first = run.snapshot(false, RunStatus.RUNNING, null).trainLoss();
        for (int i = 0; i < 300; i++) {
            assertTrue(run.advance());
        }
        assertTrue(run.snapshot(false, RunStatus.RUNNING, null).trainLoss() < first / 100);
    }

    @Test
    void wideNetworksTrainLikeTheirKernelRegimePrediction() {
        double narrow = regimeGap(128);
        double wide = regimeGap(8192);
        assertTrue(wide < 0.01, "gap at width 8192: " + wide);
        assertTrue(wide < narrow / 4, "gap must shrink like width^-1/2: " + narrow + " -> " + wide);
    }

    /**
     * RMS(f − f_regime) on the test set after training, relative to the initial test residual
     * RMS(f_0 − y) that training removes, averaged over three seeds; depth 1.
     */
    private static double regimeGap(int width) {
        double mean = 0;
        for (int seed = 0; seed < 3; seed++) {
            ExperimentSpec base = spec(width, 1, Parameterization.NTK, 0.5, 16);
            TrainingRun run = run(base.withNetwork(base.network().withSeed(seed)));
            TrainingSnapshot start = run.snapshot(false, RunStatus.RUNNING, null);
            for (int i = 0; i < 800; i++) {
                assertTrue(run.advance());
            }
            TrainingSnapshot s = run.snapshot(false, RunStatus.RUNNING, null);
            Samples test = run.context().data().test();
            double diff = 0;
            double residual = 0;
            for (int i = 0; i < test.count(); i++) {
                double d = s.testOutputs().get(i) - s.regimeTest().get(i);
                double r = start.testOutputs().get(i) - test.target(i);
                diff += d * d;
                residual += r * r;
            }
            mean += Math.sqrt(diff / residual) / 3;
        }
        return mean;
    }

    @Test
    void kernelFreezesWithWidthUnderNtkButNotUnderMup() {
        double ntkNarrow = kernelChange(64, Parameterization.NTK);
        double ntkWide = kernelChange(4096, Parameterization.NTK);
        assertTrue(ntkWide < ntkNarrow / 4, "NTK: " + ntkNarrow + " -> " + ntkWide);
        double mupNarrow = kernelChange(64, Parameterization.MUP);
        double mupWide = kernelChange(4096, Parameterization.MUP);
        assertTrue(mupWide > mupNarrow / 3, "μP: " + mupNarrow + " -> " + mupWide);
    }

    private static double kernelChange(int width, Parameterization p) {
        TrainingRun run = run(spec(width, 1, p, 0.5, 12));
        for (int i = 0; i < 100; i++) {
            assertTrue(run.advance());
        }
        return run.snapshot(true, RunStatus.RUNNING, null).metrics().kernelChange();
    }

    @Test
    void snapshotsReportMetricsAndAnEmptyLimitOutsideNtk() {
        TrainingRun run = run(spec(32, 2, Parameterization.STANDARD, 0.05, 8));
        run.advance();
        TrainingSnapshot s = run.snapshot(true, RunStatus.RUNNING, null);
        assertTrue(Double.isNaN(s.metrics().distanceToLimit()));
        assertFalse(run.context().hasLimit());
        assertTrue(s.metrics().kernelChange() > 0);
        assertEquals(8, s.eigenvalues().size());
        assertTrue(s.metrics().weightChange() > 0);
        assertEquals(1, s.step());
        assertEquals(0.05, s.time(), 1e-15);
    }

    @Test
    void initialModeEnergiesSplitTheResidualAlongTheKernelsEigenvectors() {
        TrainingRun run = run(spec(128, 1, Parameterization.NTK, 0.5, 12));
        RunContext ctx = run.context();
        TrainingSnapshot s = run.snapshot(true, RunStatus.RUNNING, null);
        int n = 12;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = s.trainOutputs().get(i) - ctx.data().train().target(i);
        }
        // Parseval and the quadratic form, against the residual and Θ_0 directly: Σ (vᵢᵀr)² = ‖r‖²
        // and Σ λᵢ (vᵢᵀr)² = rᵀ Θ_0 r.
        double energy = 0;
        double weighted = 0;
        double normSq = 0;
        double quadratic = 0;
        for (int i = 0; i < n; i++) {
            energy += ctx.modeEnergiesInit().get(i);
            weighted += ctx.eigenvaluesInit().get(i) * ctx.modeEnergiesInit().get(i);
            normSq += r[i] * r[i];
            for (int j = 0; j < n; j++) {
                quadratic += r[i] * ctx.kernelInit().get(i, j) * r[j];
            }
            assertEquals(s.modeEnergies().get(i), ctx.modeEnergiesInit().get(i), 1e-12, "step 0 is the initial residual");
        }
        assertEquals(normSq, energy, 1e-10 * normSq);
        assertEquals(quadratic, weighted, 1e-10 * quadratic);
        int[] dominant = ctx.dominantModes(4);
        assertEquals(4, dominant.length);
        for (int k = 0; k < dominant.length; k++) {
            if (k > 0) {
                assertTrue(dominant[k] > dominant[k - 1], "ascending index, descending λ");
            }
            for (int i = 0; i < n; i++) {
                final int mode = i;
                if (java.util.Arrays.stream(dominant).noneMatch(d -> d == mode)) {
                    assertTrue(ctx.modeEnergiesInit().get(dominant[k]) >= ctx.modeEnergiesInit().get(i));
                }
            }
        }
        assertEquals(n, ctx.dominantModes(50).length, "never more than there are");
    }

    /** Θ(x₀, x_k) = ∇f(x₀)·∇f(x_k) from per-example backpropagation: the explicit Jacobian. */
    private static double[] explicitSlice(Network net, CircleSlice slice) {
        double[] g0 = net.parameterGradient(slice.anchor());
        double[] x = slice.points();
        double[] out = new double[slice.count()];
        for (int k = 0; k < out.length; k++) {
            double[] gk = net.parameterGradient(new double[] {x[2 * k], x[2 * k + 1]});
            for (int p = 0; p < gk.length; p++) {
                out[k] += g0[p] * gk[p];
            }
        }
        return out;
    }

    private static void assertClose(double[] expected, ReadOnlyVector actual, String what) {
        assertEquals(expected.length, actual.size(), what);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual.get(k), 1e-10 * Math.abs(expected[k]) + 1e-14, what + " at " + k);
        }
    }

    @Test
    void theCircleSliceIsTheExplicitJacobianProductFromOneZeroForEveryNetwork() {
        ExperimentSpec spec = new ExperimentSpec(new NetworkConfig(48, 3, Activation.RELU, Parameterization.NTK, 1.0, 0.1, 7),
                new DataSpec("normal-product", 10, 12, "", 0, 0, 2, null, null), new TrainingSpec(0.5, 100, 10).withMembers(3));
        TrainingRun run = run(spec);
        CircleSlice slice = CircleSlice.FIGURE_1;
        RunContext ctx = run.context();
        assertTrue(ctx.hasCircleSlice());
        assertArrayEquals(slice.angles(), ctx.circleSlice().angles().toArray(), 0.0);
        assertClose(explicitSlice(run.initialNetwork(), slice), ctx.circleSlice().init(), "Θ_0(x₀, ·)");
        double[] limit = new AnalyticKernel(Activation.RELU, 3, 1.0, 0.1).compute(slice.anchor(), 1, slice.points(), slice.count(), 2,
                () -> false).ntk();
        assertClose(limit, ctx.circleSlice().limit(), "Θ_∞(x₀, ·)");
        for (int i = 0; i < 6; i++) {
            assertTrue(run.advance());
        }
        TrainingSnapshot s = run.snapshot(true, RunStatus.RUNNING, null);
        assertClose(explicitSlice(run.network(), slice), s.circleSliceNow(), "Θ_t(x₀, ·) after 6 steps");
        assertTrue(run.snapshot(false, RunStatus.RUNNING, null).circleSliceNow().isEmpty(), "measured with the kernel only");
        // every member's slice is that of the single run of its seed, at t = 0 and now
        assertEquals(3, s.ensemble().circleSlices().size());
        for (int k = 1; k < 3; k++) {
            ExperimentSpec alone = spec.withNetwork(spec.network().withSeed(Ensemble.memberSeed(7, k)))
                    .withTraining(spec.training().withMembers(1));
            TrainingRun single = run(alone);
            assertArrayEquals(single.context().circleSlice().init().toArray(), s.ensemble().circleSlicesInit().get(k).toArray(), 0.0);
            for (int i = 0; i < 6; i++) {
                single.advance();
            }
            assertClose(explicitSlice(single.network(), slice), s.ensemble().circleSlices().get(k), "member " + k);
        }
        // f_α's kernel is α²Θ, its slice too
        TrainingRun scaled = run(spec.withNetwork(spec.network().withOutputScale(10)).withTraining(spec.training().withMembers(1)));
        double[] hundredfold = ctx.circleSlice().init().toArray();
        for (int k = 0; k < hundredfold.length; k++) {
            hundredfold[k] *= 100;
        }
        assertClose(hundredfold, scaled.context().circleSlice().init(), "α = 10");
        assertEquals(null, run(spec(16, 2, Parameterization.NTK, 0.1, 8)).context().circleSlice(), "circle data slices over its points");
    }
}
