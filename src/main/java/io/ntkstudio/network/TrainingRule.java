package io.ntkstudio.network;

import java.util.ArrayList;
import java.util.List;

import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.input.Range;

/**
 * How parameters move, one object read by the network's step, the linearised model, the NTK-GP
 * and the stable-rate hint (docs/ntk-math.md, "Training rules"): the loss, the momentum β of
 * PyTorch's SGD (v ← βv + ∇L(θ), θ ← θ − ηv, v_0 = 0) and the batch size B (0: full batch; else
 * {@link BatchSchedule}). β = 0 and full batch is plain gradient descent.
 */
public record TrainingRule(Loss loss, double momentum, int batchSize) {
    public static final Range MOMENTUM = Range.numbers("training.momentum", 0, 0.999);
    public static final Range BATCH_SIZE = Range.integers("training.batchSize", 1, 1_000_000);
    public static final TrainingRule GD = new TrainingRule(Loss.MSE, 0, 0);

    public TrainingRule {
        if (loss == null) {
            throw new IllegalArgumentException("training.loss is missing");
        }
        MOMENTUM.check(momentum);
        if (batchSize != 0) {
            BATCH_SIZE.check(batchSize);
        }
    }

    public boolean fullBatch() {
        return batchSize == 0;
    }

    /**
     * What sets this rule apart from full-batch GD on the square loss, for captions: e.g.
     * "β = 0.9, batch 4" or "logistic loss"; empty for plain GD.
     */
    public String label() {
        List<String> parts = new ArrayList<>();
        if (loss != Loss.MSE) {
            parts.add(loss.label() + " loss");
        }
        if (momentum != 0) {
            parts.add("β = " + momentum);
        }
        if (batchSize != 0) {
            parts.add("batch " + batchSize);
        }
        return String.join(", ", parts);
    }

    /** Plain full-batch gradient descent on the square loss, whose kernel regime has a closed form per mode. */
    public boolean isPlainGd() {
        return loss == Loss.MSE && momentum == 0 && batchSize == 0;
    }

    /**
     * The largest stable learning rate of the linearised model under this rule, 2(1 + β) · h · n / λ_max
     * with h the loss's {@link Loss#curvatureHeadroom}: a mode of GD with heavy-ball momentum decays
     * while ηλ/n &lt; 2(1 + β) (Polyak 1964; Goh 2017, "Why momentum really works"). For minibatches
     * this is only the full-batch bound: the batch sequence can diverge below it (docs/ntk-math.md,
     * "Training rules").
     */
    public double largestStableLearningRate(int n, double lambdaMax) {
        return 2.0 * (1 + momentum) * loss.curvatureHeadroom() * n / lambdaMax;
    }

    /** {@link #largestStableLearningRate}'s formula as the messages write it, e.g. "2n/λ_max(K)" or "2(1 + β)n/λ_max(K)". */
    public String stableRateFormula() {
        String head = loss.curvatureHeadroom() == 1 ? "2" : String.valueOf(2 * (int) loss.curvatureHeadroom());
        return head + (momentum == 0 ? "" : "(1 + β)") + "n/λ_max(K)";
    }

    /** The effective batch size on n points: B, or n for full batch; refuses B &gt; n. */
    public int batchOn(int n) {
        if (batchSize > n) {
            throw new InvalidInputException("training.batchSize is " + batchSize + " but there are only " + n
                    + " train points; use at most " + n + ", or leave it out for full batch");
        }
        return batchSize == 0 ? n : batchSize;
    }

    /** Refuses targets that this rule's loss cannot train on. */
    public void checkTargets(double[] y) {
        checkTargets(y, 0);
    }

    /** Refuses targets ({@code classes} C ≥ 2 of them one-hot per point, or 0 for scalar targets) that this rule's loss cannot train on. */
    public void checkTargets(double[] y, int classes) {
        if (loss.needsClasses() && classes == 0) {
            throw new InvalidInputException("training.loss \"" + loss.id() + "\" needs class data (one output per class): "
                    + "use data.source \"digits\", or a CSV file with data.classes; or training.loss \"mse\"");
        }
        if (classes > 0 && loss.needsLabels()) {
            throw new InvalidInputException("training.loss \"" + loss.id() + "\" trains one output on labels ±1; for class data "
                    + "(one output per class) use training.loss \"softmax\" or \"mse\" (one-hot targets)");
        }
        if (!loss.needsLabels()) {
            return;
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 1 && y[i] != -1) {
                throw new InvalidInputException("training.loss \"" + loss.id() + "\" needs labels ±1, but train target "
                        + i + " is " + y[i] + "; use a label data set (xor, circles, spirals, gaussians) or training.loss \"mse\"");
            }
        }
    }

    public TrainingRule withLoss(Loss l) {
        return new TrainingRule(l, momentum, batchSize);
    }

    public TrainingRule withMomentum(double beta) {
        return new TrainingRule(loss, beta, batchSize);
    }

    public TrainingRule withBatchSize(int b) {
        return new TrainingRule(loss, momentum, b);
    }
}
