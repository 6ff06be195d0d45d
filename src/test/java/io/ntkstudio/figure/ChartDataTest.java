package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.data.DataSpec;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.engine.TrainingSpec;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.Parameterization;
import java.nio.file.Path;
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

    @Test
    void sliceCsvOnTheCircleHoldsTheEngineNumbersForEveryNetwork() {
        ExperimentSpec spec = new ExperimentSpec(new NetworkConfig(32, 2, Activation.RELU, Parameterization.NTK, 1.0, 0.1, 1),
                new DataSpec("normal-product", 8, 10, "", 0, 0, 1, null, null), new TrainingSpec(0.5, 20, 10).withMembers(3));
        ChartInputs in = Trained.inputs(spec, Path.of("."), 20);
        TrainingSnapshot ks = in.kernelSnapshot();
        String[] lines = ChartData.csv("slice", in).split("\n");
        assertEquals("gamma,theta_0,theta_t,theta_limit,theta_0_net1,theta_t_net1,theta_0_net2,theta_t_net2,theta_0_net3,theta_t_net3",
                lines[0]);
        var slice = ks.context().circleSlice();
        assertEquals(1 + slice.angles().size(), lines.length);
        for (int k = 0; k < slice.angles().size(); k++) {
            double[] v = parse(lines[k + 1]);
            assertEquals(slice.angles().get(k), v[0], 0.0);
            assertEquals(slice.init().get(k), v[1], 0.0);
            assertEquals(ks.circleSliceNow().get(k), v[2], 0.0, "exact numbers");
            assertEquals(slice.limit().get(k), v[3], 0.0);
            for (int m = 0; m < 3; m++) {
                assertEquals(ks.ensemble().circleSlicesInit().get(m).get(k), v[4 + 2 * m], 0.0);
                assertEquals(ks.ensemble().circleSlices().get(m).get(k), v[5 + 2 * m], 0.0);
            }
        }
        assertEquals(ks.circleSliceNow().toArray()[60], ks.ensemble().circleSlices().get(0).get(60), 0.0, "network 1 is the run's own");
    }

    @Test
    void sliceCsvOverTheTrainPointsKeepsItsColumnsAndFollowsThePicturesOrder() {
        ExperimentSpec spec = new ExperimentSpec(new NetworkConfig(32, 2, Activation.RELU, Parameterization.NTK, 1.4, 0.1, 1),
                DataSpec.circle(12, 12, "sin", 1), new TrainingSpec(0.5, 10, 10));
        ChartInputs in = Trained.inputs(spec, Path.of("."), 10).with(HeatmapMode.CURRENT, 3);
        String[] lines = ChartData.csv("slice", in).split("\n");
        assertEquals("train_index,input_key,theta_0,theta_t,theta_limit", lines[0]);
        int x0 = 3;
        double previous = Double.NEGATIVE_INFINITY;
        for (int r = 1; r < lines.length; r++) {
            double[] v = parse(lines[r]);
            int j = (int) v[0];
            assertEquals(in.snapshot().context().kernelInit().get(x0, j), v[2], 0.0);
            assertEquals(in.kernelSnapshot().kernel().get(x0, j), v[3], 0.0);
            double fromAnchor = SliceChart.centred(v[1] - HeatmapChart.sortKey(in.snapshot().context().data().train(), x0));
            assertTrue(fromAnchor >= previous, "rows by angle from x₀, as drawn");
            previous = fromAnchor;
        }
        assertEquals(13, lines.length);
    }
}
