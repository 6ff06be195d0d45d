package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.RunRecorder;
import io.ntkstudio.engine.StepLog;
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

    static TrainingRun run(long seed) {
        ExperimentSpec spec = new ExperimentSpec(new NetworkConfig(256, 1, Activation.RELU, Parameterization.NTK, Math.sqrt(2), 0.1, seed),
                new DataSpec("circle", 16, 32, "mix", 4, 0, 0, null, null), new TrainingSpec(LR, 100, 10));
        return TrainingRun.create(spec, DatasetFactory.build(spec.data(), Path.of(".")), false);
    }

    /** The snapshots of a run recorded every {@code every} steps, the kernel every 10. */
    static List<TrainingSnapshot> record(long seed, int steps, int every) {
        List<TrainingSnapshot> all = new ArrayList<>();
        RunRecorder.run(run(seed), steps, 10, every, all::add, (s, t, l) -> { });
        return all;
    }

    @Test
    void theCurvesHoldEveryStepThoughOnlyTheLastSnapshotWasSeen() {
        List<TrainingSnapshot> everyStep = record(0, 40, 1);
        TrainingRun twin = run(0);
        for (int i = 0; i < 40; i++) {
            twin.advance();
        }
        TrainingSnapshot last = twin.snapshot(true, io.ntkstudio.engine.RunStatus.RUNNING, null);
        RunHistory h = new RunHistory();
        h.add(last);
        ChartInputs in = h.inputs(last, last, HeatmapMode.CURRENT);
        ModeTrajectories tr = in.modeTrajectories();
        assertArrayEquals(last.context().dominantModes(StepLog.TRACKED_MODES), tr.modes());
        assertEquals(StepLog.TRACKED_MODES, tr.size());
        assertEquals(41, in.trainLoss().size(), "steps 0 to 40");
        int n = last.context().data().train().count();
        for (int j = 0; j <= 40; j++) {
            // Against the twin run's own snapshot at each step (the same seed trains bit-identically).
            TrainingSnapshot s = everyStep.get(j);
            assertEquals(j, in.trainLoss().x()[j], 0.0);
            assertEquals(s.trainLoss(), in.trainLoss().y()[j], 0.0);
            assertEquals(s.regimeTrainLoss(), in.regimeTrainLoss().y()[j], 1e-12 * s.regimeTrainLoss());
            for (int k = 0; k < tr.size(); k++) {
                int mode = tr.modes()[k];
                double lambda = last.context().eigenvaluesInit().get(mode);
                assertEquals(lambda, tr.eigenvalues()[k], 0.0);
                assertEquals(s.modeEnergies().get(mode), tr.network()[k].y()[j], 1e-12 * s.modeEnergies().get(mode) + 1e-300);
                // The linearised network under the same GD: (vᵢᵀr)² is multiplied by (1 − ηλᵢ/n)² per step (Lee et al. 2019).
                double closedForm = last.context().modeEnergiesInit().get(mode) * Math.pow(1 - LR * lambda / n, 2 * j);
                assertEquals(closedForm, tr.regime()[k].y()[j], 1e-9 * closedForm + 1e-300);
            }
        }
        assertEquals(1, in.testLoss().size(), "test losses only where a snapshot was seen");
    }

    @Test
    void aClearedHistoryKeepsNothingOfTheOldRun() {
        RunHistory h = new RunHistory();
        record(0, 20, 5).forEach(h::add);
        h.clear();
        List<TrainingSnapshot> second = record(7, 10, 5);
        second.forEach(h::add);
        TrainingSnapshot last = second.get(second.size() - 1);
        ChartInputs in = h.inputs(last, last, HeatmapMode.CURRENT);
        assertEquals(second.size(), in.testLoss().size());
        assertEquals(2, in.kernelChange().size(), "the kernel at steps 0 and 10");
        assertEquals(11, in.trainLoss().size());
        assertArrayEquals(last.context().trackedModes(), in.modeTrajectories().modes());
    }
}
