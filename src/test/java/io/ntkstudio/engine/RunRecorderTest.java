package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.network.Parameterization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRecorderTest {
    @Test
    void recordsTheKernelAtZeroEveryIntervalAndTheLastStepAndLossesBetween() {
        TrainingRun run = TrainingRunTest.run(TrainingRunTest.spec(32, 1, Parameterization.NTK, 0.3, 8));
        List<TrainingSnapshot> seen = new ArrayList<>();
        assertNull(RunRecorder.run(run, 23, 10, 4, seen::add, (s, t, l) -> { }));
        List<Long> kernelSteps = seen.stream().filter(TrainingSnapshot::hasKernel).map(TrainingSnapshot::step).toList();
        List<Long> lightSteps = seen.stream().filter(s -> !s.hasKernel()).map(TrainingSnapshot::step).toList();
        assertEquals(List.of(0L, 10L, 20L, 23L), kernelSteps);
        assertEquals(List.of(4L, 8L, 12L, 16L), lightSteps);
        assertEquals(23, run.step());
    }

    @Test
    void divergenceEndsTheRecordWithTheMessageAndOnlyFiniteSnapshots() {
        TrainingRun run = TrainingRunTest.run(TrainingRunTest.spec(64, 2, Parameterization.NTK, 400, 12));
        List<TrainingSnapshot> seen = new ArrayList<>();
        String message = RunRecorder.run(run, 5000, 1, 0, seen::add, (s, t, l) -> { });
        assertNotNull(message);
        assertTrue(message.contains("2n/λ_max(K)"), message);
        assertTrue(seen.stream().allMatch(s -> Double.isFinite(s.trainLoss())));
        assertTrue(run.step() < 5000);
    }
}
