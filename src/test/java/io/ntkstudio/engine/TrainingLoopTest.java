package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.network.Parameterization;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class TrainingLoopTest {
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(2);
        }
    }

    private static TrainingLoop loop(double lr, long maxSteps) {
        ExperimentSpec spec = TrainingRunTest.spec(32, 2, Parameterization.NTK, lr, 10);
        return new TrainingLoop(() -> TrainingRunTest.run(spec), maxSteps, 5).start();
    }

    @Test
    void playPauseStepAndFinish() throws Exception {
        try (TrainingLoop loop = loop(0.3, Long.MAX_VALUE)) {
            await(() -> loop.snapshots().peek() != null, "the first snapshot");
            assertEquals(0, loop.snapshots().take().step());
            loop.stepOnce();
            await(() -> loop.snapshots().peek().step() == 1 && loop.status() == RunStatus.PAUSED, "one step");
            loop.stepOnce();
            loop.stepOnce();
            await(() -> loop.snapshots().peek().step() == 3 && loop.status() == RunStatus.PAUSED, "two more steps");
            loop.play();
            await(() -> loop.snapshots().peek().step() > 20, "steps while playing");
            loop.pause();
            await(() -> loop.status() == RunStatus.PAUSED, "pause");
            long paused = loop.snapshots().peek().step();
            Thread.sleep(50);
            assertEquals(paused, loop.snapshots().peek().step());
            assertTrue(loop.snapshots().peek().hasKernel(), "a paused run shows its current kernel");
            loop.setLearningRate(0.1);
            long budget = paused + 40;
            loop.setMaxSteps(budget);
            loop.play();
            await(() -> loop.status() == RunStatus.FINISHED, "the step budget");
            TrainingSnapshot last = loop.snapshots().peek();
            assertEquals(budget, last.step());
            assertEquals(0.1, last.learningRate(), 0.0);
            assertEquals(RunStatus.FINISHED, last.status());
        }
    }

    @Test
    void divergenceStopsTheLoopWithTheFix() throws Exception {
        try (TrainingLoop loop = loop(500, 100_000)) {
            loop.play();
            await(() -> loop.status() == RunStatus.DIVERGED, "divergence");
            TrainingSnapshot s = loop.snapshots().peek();
            assertEquals(RunStatus.DIVERGED, s.status());
            assertNotNull(s.message());
            assertTrue(s.message().contains("2n/λ_max(K)"), s.message());
            assertTrue(Double.isFinite(s.trainLoss()), "the last snapshot shown is the last finite one");
        }
    }

    @Test
    void closeEndsTheThreadAndABadRunReportsItsFailure() throws Exception {
        TrainingLoop loop = loop(0.3, 1_000_000);
        loop.play();
        await(() -> loop.snapshots().peek() != null, "running");
        loop.close();
        assertFalse(loop.isAlive());
        TrainingLoop failing = new TrainingLoop(() -> {
            throw new io.ntkstudio.input.InvalidInputException("data.n is too large");
        }, 10, 1).start();
        await(() -> failing.status() == RunStatus.FAILED, "the failure");
        assertEquals("data.n is too large", failing.failure());
        failing.close();
    }

    @Test
    void theLastLearningRateSetWhileRunningIsTheOneInForce() throws Exception {
        // Rates set from another thread as fast as possible while the loop steps: with a read-then-clear
        // of the request, a rate set between the two was lost and the run kept an older one.
        try (TrainingLoop loop = loop(0.01, Long.MAX_VALUE)) {
            loop.play();
            await(() -> loop.snapshots().peek() != null && loop.snapshots().peek().step() > 2, "running");
            for (int round = 0; round < 200; round++) {
                double last = 0;
                for (int k = 1; k <= 50; k++) {
                    last = 0.001 * (round % 7 + 1) + 1e-6 * k;
                    loop.setLearningRate(last);
                }
                double expected = last;
                // snapshots are published at least every 5 steps (the kernel interval), so the thread was
                // fewer than 5 steps past this one when the rate was set; a step two later read it
                long from = loop.snapshots().peek().step();
                await(() -> loop.snapshots().peek().step() > from + 8, "steps after the last rate");
                assertEquals(expected, loop.snapshots().peek().learningRate(), 0.0, "round " + round);
            }
        }
    }

    @Test
    void latestValueKeepsOnlyTheNewest() {
        LatestValue<Integer> slot = new LatestValue<>();
        assertEquals(null, slot.take());
        slot.publish(1);
        slot.publish(2);
        assertEquals(2, slot.take());
        assertEquals(null, slot.take());
        assertEquals(2, slot.peek());
    }
}
