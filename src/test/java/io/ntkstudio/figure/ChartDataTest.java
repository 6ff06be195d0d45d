package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntkstudio.engine.TrainingSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartDataTest {
    @Test
    void modesCsvHoldsEachFollowedModeOverTimeAndEveryModeNow() {
        List<TrainingSnapshot> snaps = RunHistoryTest.record(0, 12, 1);
        TrainingSnapshot last = snaps.get(snaps.size() - 1);
        ChartInputs in = RunHistory.inputs(last, last, HeatmapMode.CURRENT);
        String[] lines = ChartData.csv("modes", in).split("\n");
        assertEquals("step,i,lambda_0,energy,kernel_regime_energy", lines[0]);
        int n = last.modeEnergies().size();
        int tracked = in.modeTrajectories().size();
        assertEquals(1 + tracked * (snaps.size() - 1) + n, lines.length, "one row per (step, direction), none twice");
        assertEquals(13, snaps.size());
        int row = 1;
        for (int k = 0; k < tracked; k++) {
            int mode = in.modeTrajectories().modes()[k];
            for (int j = 0; j < snaps.size() - 1; j++) {
                double[] v = parse(lines[row++]);
                TrainingSnapshot s = snaps.get(j);
                assertEquals(s.step(), v[0], 0.0);
                assertEquals(mode + 1, v[1], 0.0);
                assertEquals(last.context().eigenvaluesInit().get(mode), v[2], 0.0);
                assertEquals(s.modeEnergies().get(mode), v[3], 0.0, "exact numbers");
                assertEquals(s.regimeModeEnergies().get(mode), v[4], 0.0);
            }
        }
        for (int i = 0; i < n; i++) {
            double[] v = parse(lines[row++]);
            assertEquals(last.step(), v[0], 0.0);
            assertEquals(i + 1, v[1], 0.0);
            assertEquals(last.modeEnergies().get(i), v[3], 0.0);
            assertEquals(last.regimeModeEnergies().get(i), v[4], 0.0);
        }
    }

    private static double[] parse(String line) {
        String[] c = line.split(",");
        double[] v = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            v[i] = Double.parseDouble(c[i]);
        }
        return v;
    }

    @Test
    void lossesCsvMergesEveryStepWithTheKernelSnapshotsTestLosses() {
        List<TrainingSnapshot> snaps = RunHistoryTest.record(0, 12, 4);
        TrainingSnapshot last = snaps.get(snaps.size() - 1);
        String[] lines = ChartData.csv("losses", RunHistory.inputs(last, last, HeatmapMode.CURRENT)).split("\n");
        assertEquals("step,train_loss,test_loss,regime_train_loss,regime_test_loss", lines[0]);
        assertEquals(1 + 13, lines.length, "steps 0 to 12, once each");
        for (TrainingSnapshot s : snaps.stream().filter(TrainingSnapshot::hasKernel).toList()) {
            String[] c = lines[1 + (int) s.step()].split(",", -1);
            assertEquals(s.step(), Long.parseLong(c[0]));
            assertEquals(s.trainLoss(), Double.parseDouble(c[1]), 0.0);
            assertEquals(s.testLoss(), Double.parseDouble(c[2]), 0.0, "exact numbers");
            assertEquals(s.regimeTestLoss(), Double.parseDouble(c[4]), 0.0);
        }
        assertEquals("", lines[5].split(",", -1)[2], "no test loss where no kernel was computed (step 4)");
    }
}
