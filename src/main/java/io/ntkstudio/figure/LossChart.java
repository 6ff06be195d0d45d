package io.ntkstudio.figure;

import io.ntkstudio.data.Samples;
import io.ntkstudio.engine.StepLog;
import io.ntkstudio.engine.StepLogView;
import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.plotmath.Numbers;
import io.ntkstudio.plotmath.Scale;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The loss view: train and test loss L = 1/(2n) Σ (f − y)² with their kernel-regime predictions
 * (the linearised network under the same GD, Lee et al. 2019), an ensemble's other members faint
 * and the mean of all the networks' train losses bold,
 * and below, the kernel metrics over training.
 */
public final class LossChart {
    private LossChart() {
    }

    /** Train and test loss with their kernel-regime predictions, and the kernel metrics. */
    public static void paint(Graphics2D g, double w, double h, ChartInputs in) {
        PanelSplit split = PanelSplit.of(w, h, in);
        if (split.first()) {
            losses(g, split, in);
        }
        if (split.both()) {
            metrics(g, split, in);
        }
    }

    /** Train and test loss, their kernel-regime predictions, an ensemble's other networks and mean. */
    private static void losses(Graphics2D g, PanelSplit split, ChartInputs in) {
        // an ensemble's other networks: their train losses, faint, behind network 1's
        List<Series> members = new ArrayList<>();
        if (in.snapshot().ensemble() != null) {
            for (StepLogView log : in.snapshot().ensemble().memberSteps()) {
                members.add(RunHistory.column(log, StepLog.TRAIN_LOSS));
            }
        }
        Series[] measured = new Series[2 + members.size()];
        measured[0] = in.trainLoss();
        measured[1] = in.testLoss();
        for (int k = 0; k < members.size(); k++) {
            measured[2 + k] = members.get(k);
        }
        double[] r = LogRange.withPredictions(measured, new Series[] {in.regimeTrainLoss(), in.regimeTestLoss()});
        // a blow-up leaves through the top, six decades above the start, so that the descent before it keeps its scale
        double ceiling = in.trainLoss().size() == 0 ? Double.NaN : LogRange.BLOW_UP * in.trainLoss().y()[0];
        String title = title(in.snapshot());
        if (r[1] > ceiling && ceiling > 0) {
            title += "; it blew up to " + Numbers.readable(r[1]);
            r[1] = ceiling;
        }
        Chart c = Chart.draw(g, 0, 0, split.firstWidth(), split.firstHeight(), title, "step", "loss",
                new double[] {0, Math.max(1, r[2])}, false, Scale.padded(r[0], r[1], true), true);
        for (Series member : members) {
            c.line(g, member, EnsembleCurves.MEMBER, 1f, false);
        }
        c.line(g, in.regimeTrainLoss(), Palette.BLUE, 1.5f, true);
        c.line(g, in.regimeTestLoss(), Palette.ORANGE, 1.5f, true);
        c.line(g, in.trainLoss(), Palette.BLUE, 2.2f, false);
        c.line(g, in.testLoss(), Palette.ORANGE, 2.2f, false);
        if (!members.isEmpty()) {
            c.line(g, EnsembleCurves.meanLoss(in.trainLoss(), members), EnsembleCurves.MEAN_LOSS, 3f, false);
        }
        if (in.testLoss().size() <= 30) {
            // the test loss is measured at kernel intervals only: mark the real samples
            c.dots(g, in.testLoss().x(), in.testLoss().y(), Palette.ORANGE, 2.5);
        }
        if (in.replaying()) {
            c.cursor(g, in.cursorStep());
        }
        if (members.isEmpty()) {
            c.legend(g, new String[] {"train", "test", "train, kernel regime", "test, kernel regime"},
                    new Color[] {Palette.BLUE, Palette.ORANGE, Palette.BLUE, Palette.ORANGE}, new boolean[] {false, false, true, true});
        } else {
            c.legend(g, new String[] {"train, network 1", "test, network 1", "train, networks 2–" + (members.size() + 1),
                    "train, mean of the " + (members.size() + 1), "train, kernel regime", "test, kernel regime"},
                    new Color[] {Palette.BLUE, Palette.ORANGE, EnsembleCurves.MEMBER, EnsembleCurves.MEAN_LOSS, Palette.BLUE, Palette.ORANGE},
                    new boolean[] {false, false, false, false, true, true});
        }
    }

    /**
     * The loss's formula, with the accuracy now for labelled data (sign(f) = y): the logistic loss
     * can fall while the labels it gets right do not change.
     */
    static String title(TrainingSnapshot s) {
        String loss = "loss  " + s.context().spec().training().rule().loss().formula(s.context().data().classes() > 0);
        Samples train = s.context().data().train();
        Samples test = s.context().data().test();
        if (!train.labelled() || !test.labelled()) {
            return loss;
        }
        return String.format(Locale.ROOT, "%s; accuracy %.0f %% train, %.0f %% test", loss,
                100 * train.accuracy(s.trainOutputs().toArray()), 100 * test.accuracy(s.testOutputs().toArray()));
    }

    /**
     * The kernel metrics over training: kernel change, distance to Θ_∞, alignment and weight
     * change; for class data the centred alignment (the plain one is the constant mode's) and the
     * test accuracy of the network and of its kernel regime instead of the last two.
     */
    private static void metrics(Graphics2D g, PanelSplit split, ChartInputs in) {
        KernelCurves k = in.kernel();
        boolean classes = in.snapshot().context().data().classes() > 0;
        Series[] all = classes
                ? new Series[] {k.kernelChange(), k.distanceToLimit(), k.alignmentCentred(), k.testAccuracy(), k.regimeTestAccuracy()}
                : new Series[] {k.kernelChange(), k.distanceToLimit(), k.alignment(), k.weightChange()};
        String[] names = classes
                ? new String[] {"‖Θ_t − Θ_0‖ / ‖Θ_0‖", "‖Θ_t − Θ_∞‖ / ‖Θ_∞‖", "centred alignment", "test accuracy", "… kernel regime"}
                : new String[] {"‖Θ_t − Θ_0‖ / ‖Θ_0‖", "‖Θ_t − Θ_∞‖ / ‖Θ_∞‖", "alignment yᵀΘy / (‖Θ‖ ‖y‖²)", "‖θ_t − θ_0‖ / ‖θ_0‖"};
        Color[] colors = classes ? new Color[] {Palette.RED, Palette.GREEN, Palette.PURPLE, Palette.ORANGE, Palette.ORANGE}
                : new Color[] {Palette.RED, Palette.GREEN, Palette.PURPLE, Palette.BROWN};
        boolean[] dashes = new boolean[all.length];
        if (classes) {
            dashes[4] = true;
        }
        double[] mr = LogRange.of(all);
        Chart m = Chart.draw(g, split.secondX(), split.secondY(), split.secondWidth(), split.secondHeight(), "kernel metrics", "step", "value",
                new double[] {0, Math.max(1, Math.max(mr[2], in.snapshot().step()))}, false, Scale.padded(mr[0], mr[1], true), true);
        for (int i = 0; i < all.length; i++) {
            m.line(g, all[i], colors[i], 2f, dashes[i]);
        }
        if (in.replaying()) {
            m.cursor(g, in.cursorStep());
        }
        m.legend(g, names, colors, dashes);
    }
}
