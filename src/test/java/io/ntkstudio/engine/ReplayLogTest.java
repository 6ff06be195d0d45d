package io.ntkstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.network.Parameterization;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayLogTest {
    @Test
    void keepsTheFirstAndLatestAndThinsLogUniformlyWithinItsCapacity() {
        TrainingRun run = TrainingRunTest.run(TrainingRunTest.spec(16, 1, Parameterization.NTK, 0.3, 8));
        ReplayLog log = new ReplayLog(8);
        TrainingSnapshot withKernel = run.snapshot(true, RunStatus.RUNNING, null);
        TrainingSnapshot light = run.snapshot(false, RunStatus.RUNNING, null);
        log.offer(light);
        assertTrue(log.frames().isEmpty(), "only kernel snapshots can be replayed");
        // the same snapshot content at many steps stands in for a long run: only the steps matter here
        for (long step = 0; step <= 100_000; step += 7) {
            log.offer(at(withKernel, step));
        }
        List<TrainingSnapshot> frames = log.frames();
        assertEquals(log.capacity(), frames.size());
        assertEquals(0, frames.get(0).step());
        assertEquals(99_995, frames.get(frames.size() - 1).step(), "the latest is kept");
        // log-uniform: successive frames are either neighbours in the run or within a few mean log-gaps
        double meanGap = (Math.log1p(99_995) - Math.log1p(7)) / (frames.size() - 2);
        for (int i = 2; i < frames.size(); i++) {
            double gap = Math.log1p(frames.get(i).step()) - Math.log1p(frames.get(i - 1).step());
            boolean adjacent = frames.get(i).step() - frames.get(i - 1).step() == 7;
            assertTrue(adjacent || gap < 3 * meanGap, "no hole in log-step at " + frames.get(i).step() + ": " + gap + " vs " + meanGap);
        }
        assertEquals(frames.get(1).step(), ReplayLog.nearest(frames, frames.get(1).step() + 1).step());
        assertNull(ReplayLog.nearest(List.of(), 5));
    }

    @Test
    void bigKernelsGetFewerFrames() {
        assertEquals(ReplayLog.MAX_FRAMES, new ReplayLog(40).capacity());
        ReplayLog big = new ReplayLog(2000);
        assertTrue(big.capacity() >= 2 && big.capacity() < ReplayLog.MAX_FRAMES, "capacity " + big.capacity());
        assertTrue(big.capacity() * 8L * 2000 * 2000 <= ReplayLog.MAX_BYTES, "capacity " + big.capacity());
    }

    private static TrainingSnapshot at(TrainingSnapshot s, long step) {
        return s.atStep(step);
    }
}
