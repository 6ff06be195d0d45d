package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunRecorder;
import io.ntkstudio.engine.TrainingRun;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.model.Activation;
import io.ntkstudio.model.DataSpec;
import io.ntkstudio.model.DatasetFactory;
import io.ntkstudio.model.NetworkConfig;
import io.ntkstudio.model.Parameterization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunHistoryTest {
    static final double LR = 0.5;

    /** Every snapshot of a short run on the circle, the kernel every 10 steps. */
    static List<TrainingSnapshot> record(long seed, int steps) {
        ExperimentSpec spec = new ExperimentSpec(new NetworkConfig(256, 1, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, seed),
                new DataSpec("circle", 16, 32, "mix", 4, 0, 0, null, null), new TrainingSpec(LR, steps, 10));
        TrainingRun run = TrainingRun.create(spec, DatasetFactory.build(spec.data(), Path.of(".")), false);
        List<TrainingSnapshot> all = new ArrayList<>();
        RunRecorder.run(run, steps, 10, 1, all::add, (s, t, l) -> { });
        return all;
    }

    @Test
    void followsTheDominantModesOfTheRunOverEveryStep() {
        List<TrainingSnapshot> snaps = record(0, 40);
        RunHistory h = new RunHistory();
        snaps.forEach(h::add);
        TrainingSnapshot last = snaps.get(snaps.size() - 1);
        ModeTrajectories tr = h.inputs(last, last, HeatmapMode.CURRENT).modeTrajectories();
        assertArrayEquals(last.context().dominantModes(RunHistory.TRACKED_MODES), tr.modes());
        assertEquals(RunHistory.TRACKED_MODES, tr.size());
        int n = last.context().data().train().count();
        for (int k = 0; k < tr.size(); k++) {
            int mode = tr.modes()[k];
            double lambda = last.context().eigenvaluesInit().get(mode);
            assertEquals(lambda, tr.eigenvalues()[k], 0.0);
            assertEquals(snaps.size(), tr.network()[k].size());
            for (int j = 0; j < snaps.size(); j++) {
                TrainingSnapshot s = snaps.get(j);
                assertEquals(s.step(), tr.network()[k].x()[j], 0.0);
                assertEquals(s.modeEnergies().get(mode), tr.network()[k].y()[j], 0.0);
                // Gradient flow with a constant kernel: (vᵢᵀr)² decays as e^{−2ηλᵢt/n} (Jacot et al. 2018).
                double closedForm = last.context().modeEnergiesInit().get(mode) * Math.exp(-2 * LR * lambda * s.step() / n);
                assertEquals(closedForm, tr.regime()[k].y()[j], 1e-9 * closedForm + 1e-300);
            }
        }
    }

    @Test
    void aClearedHistoryFollowsTheNextRunsOwnModes() {
        RunHistory h = new RunHistory();
        List<TrainingSnapshot> first = record(0, 5);
        first.forEach(h::add);
        h.clear();
        TrainingSnapshot any = first.get(0);
        assertEquals(0, h.inputs(any, any, HeatmapMode.CURRENT).modeTrajectories().size(), "nothing left of the old run");
        List<TrainingSnapshot> second = record(7, 5);
        second.forEach(h::add);
        TrainingSnapshot last = second.get(second.size() - 1);
        ModeTrajectories tr = h.inputs(last, last, HeatmapMode.CURRENT).modeTrajectories();
        assertArrayEquals(last.context().dominantModes(RunHistory.TRACKED_MODES), tr.modes());
        assertEquals(second.size(), tr.network()[0].size());
        assertNotEquals(first.get(0).context().modeEnergiesInit().get(0), last.context().modeEnergiesInit().get(0));
        assertTrue(h.inputs(last, last, HeatmapMode.CURRENT).trainLoss().size() == second.size());
    }
}
