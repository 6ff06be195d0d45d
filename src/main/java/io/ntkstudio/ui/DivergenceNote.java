package io.ntkstudio.ui;

import io.ntkstudio.engine.TrainingSnapshot;
import io.ntkstudio.plotmath.Numbers;
import java.util.Locale;

/** The window's message when a run diverges. */
final class DivergenceNote {
    private DivergenceNote() {
    }

    /**
     * What the window says when a run diverges, in the words of the panel (η, not a file's key):
     * where it happened, the kernel regime's limit, and that the network's own limit lies above it
     * (the catapult converges there) but below this rate. {@code eta}: the rate in force, as the panel shows it.
     */
    static String of(TrainingSnapshot last, double eta, String engineMessage) {
        double limit = last.context().largestStableLearningRate();
        String formula = last.context().spec().training().rule().stableRateFormula().replace("(K)", "");
        String who = engineMessage.contains("of the ensemble") ? "One of the networks" : "The network";
        if (!(eta > limit)) {
            return String.format(Locale.ROOT, "%s diverged after step %,d at η = %s: its loss is no longer finite, though η is "
                    + "below the kernel regime's limit %s = %s at initialisation: its kernel grew in training. Lower the "
                    + "learning rate η in the panel and press Reset (R).", who, last.step(), Numbers.readable(eta), formula,
                    Numbers.readable(limit));
        }
        return String.format(Locale.ROOT, "%s diverged after step %,d at η = %s: its loss is no longer finite. The kernel regime "
                + "is stable only below %s = %s; just above it a network can still converge by moving its kernel "
                + "(the catapult), but not at η = %s. Lower the learning rate η in the panel and press Reset (R).",
                who, last.step(), Numbers.readable(eta), formula, Numbers.readable(limit), Numbers.readable(eta));
    }
}
