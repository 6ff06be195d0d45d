package io.ntkstudio.figure;

import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.RunContext;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.linalg.ReadOnlyMatrix;
import io.ntkstudio.linalg.ReadOnlyVector;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers behind each view as CSV text (header row, full double precision), so that a figure
 * can be re-plotted elsewhere exactly.
 */
public final class ChartData {
    private ChartData() {
    }

    /** CSV for the view with that id ({@link Views}). */
    public static String csv(String view, ChartInputs in) {
        return Views.byId(view).csv().write(in);
    }

    /**
     * An overlay's numbers: the view's own CSV for run A and for run B (its companion) in one
     * table, with a first column {@code run} saying which.
     */
    static String overlay(String view, ChartInputs in) {
        StringBuilder out = new StringBuilder();
        String[] runs = {"A", "B"};
        ChartInputs[] inputs = {in, in.companion()};
        for (int r = 0; r < 2; r++) {
            if (inputs[r] == null) {
                continue;
            }
            List<String> lines = csv(view, inputs[r]).lines().toList();
            if (out.length() == 0 && !lines.isEmpty()) {
                out.append("run,").append(lines.get(0)).append('\n');
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                out.append(runs[r]).append(',').append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static TrainingSnapshot kernelOf(ChartInputs in) {
        return in.kernelSnapshot() != null && in.kernelSnapshot().hasKernel() ? in.kernelSnapshot() : null;
    }

    /** The function view's numbers. */
    static String function(ChartInputs in) {
        TrainingSnapshot s = in.snapshot();
        RunContext ctx = s.context();
        StringBuilder b = new StringBuilder();
        Samples test = ctx.data().test();
        b.append(test.inputHeader()).append("target,network,kernel_regime,kernel_regime_limit\n");
        for (int i = 0; i < test.count(); i++) {
            b.append(test.inputCells(i)).append(test.target(i)).append(',').append(s.testOutputs().get(i)).append(',')
                    .append(s.regimeTest().get(i)).append(',')
                    .append(s.limitRegimeTest().isEmpty() ? Double.NaN : s.limitRegimeTest().get(i)).append('\n');
        }
        return b.toString();
    }

    /** The heatmap view's numbers. */
    static String heatmap(ChartInputs in) {
        TrainingSnapshot s = in.snapshot();
        RunContext ctx = s.context();
        TrainingSnapshot ks = kernelOf(in);
        StringBuilder b = new StringBuilder();
        ReadOnlyMatrix k = ks != null ? ks.kernel() : ctx.kernelInit();
        for (int i = 0; i < k.rows(); i++) {
            List<String> row = new ArrayList<>();
            for (int j = 0; j < k.cols(); j++) {
                row.add(Double.toString(k.get(i, j)));
            }
            b.append(String.join(",", row)).append('\n');
        }
        return b.toString();
    }

    /** The losses view's numbers. */
    static String losses(ChartInputs in) {
        StringBuilder b = new StringBuilder();
        // The train curves hold every (decimated) step, the test curves the snapshots seen:
        // one row per step of either, empty where a curve has no value.
        b.append("step,train_loss,test_loss,regime_train_loss,regime_test_loss\n");
        Series[] cols = {in.trainLoss(), in.testLoss(), in.regimeTrainLoss(), in.regimeTestLoss()};
        int[] at = new int[cols.length];
        while (true) {
            double step = Double.POSITIVE_INFINITY;
            for (int c = 0; c < cols.length; c++) {
                if (at[c] < cols[c].size()) {
                    step = Math.min(step, cols[c].x()[at[c]]);
                }
            }
            if (step == Double.POSITIVE_INFINITY) {
                break;
            }
            b.append((long) step);
            for (int c = 0; c < cols.length; c++) {
                b.append(',');
                if (at[c] < cols[c].size() && cols[c].x()[at[c]] == step) {
                    b.append(cols[c].y()[at[c]++]);
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The spectrum view's numbers. */
    static String spectrum(ChartInputs in) {
        TrainingSnapshot s = in.snapshot();
        RunContext ctx = s.context();
        TrainingSnapshot ks = kernelOf(in);
        StringBuilder b = new StringBuilder();
        ReadOnlyVector now = ks != null ? ks.eigenvalues() : ctx.eigenvaluesInit();
        b.append("i,lambda_t,lambda_0,lambda_limit\n");
        for (int i = 0; i < now.size(); i++) {
            b.append(i + 1).append(',').append(now.get(i)).append(',').append(ctx.eigenvaluesInit().get(i)).append(',')
                    .append(ctx.hasLimit() ? ctx.eigenvaluesLimit().get(i) : Double.NaN).append('\n');
        }
        return b.toString();
    }

    /**
     * The slice view's numbers ({@link KernelSlice}): over the train points by train index and
     * input key, or over the unit circle by angle; an ensemble's drawn networks in two columns
     * each (at t = 0 and now).
     */
    static String slice(ChartInputs in) {
        KernelSlice s = KernelSlice.of(in);
        StringBuilder b = new StringBuilder(s.trainIndex() != null ? "train_index,input_key" : "gamma");
        b.append(",theta_0,theta_t,theta_limit");
        for (int k = 1; k <= s.drawn(); k++) {
            b.append(",theta_0_net").append(k).append(",theta_t_net").append(k);
        }
        b.append('\n');
        Samples train = in.snapshot().context().data().train();
        for (int i = 0; i < s.x().length; i++) {
            if (s.trainIndex() != null) {
                int j = s.trainIndex()[i];
                b.append(j).append(',').append(HeatmapChart.sortKey(train, j));
            } else {
                b.append(s.x()[i]);
            }
            b.append(',').append(s.init()[i]).append(',').append(s.now()[i]).append(',').append(s.limit()[i]);
            for (int k = 0; k < s.drawn(); k++) {
                b.append(',').append(s.membersInit()[k][i]).append(',').append(s.membersNow()[k][i]);
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The modes view's numbers. */
    static String modes(ChartInputs in) {
        TrainingSnapshot s = in.snapshot();
        RunContext ctx = s.context();
        StringBuilder b = new StringBuilder();
        // Long form, one row per (step, direction): the followed directions over the earlier
        // steps, then every direction at the current step.
        b.append("step,i,lambda_0,energy,kernel_regime_energy\n");
        ModeTrajectories tr = in.modeTrajectories();
        for (int k = 0; k < tr.size(); k++) {
            Series net = tr.network()[k];
            for (int j = 0; j < net.size() && net.x()[j] < s.step(); j++) {
                b.append((long) net.x()[j]).append(',').append(tr.modes()[k] + 1).append(',').append(tr.eigenvalues()[k])
                        .append(',').append(net.y()[j]).append(',').append(at(tr.regime()[k], j)).append('\n');
            }
        }
        for (int i = 0; i < s.modeEnergies().size(); i++) {
            b.append(s.step()).append(',').append(i + 1).append(',').append(ctx.eigenvaluesInit().get(i)).append(',')
                    .append(s.modeEnergies().get(i)).append(',').append(s.regimeModeEnergies().get(i)).append('\n');
        }
        return b.toString();
    }

    private static double at(Series s, int i) {
        return i < s.size() ? s.y()[i] : Double.NaN;
    }
}
