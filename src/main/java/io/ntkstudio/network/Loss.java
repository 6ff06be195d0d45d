package io.ntkstudio.network;

import java.util.Locale;

/**
 * The training loss over the outputs f of a set S of points with targets y (docs/ntk-math.md,
 * "Training rules", "Classes"). Its value and its gradient ∂L/∂f_i are averaged over |S|, so a
 * minibatch's loss is the mean over the batch. A network with C outputs has f_i and y_i of C
 * numbers each, stored point by point (row i at i·C); the square and logistic losses sum over
 * them, softmax couples them. One registry line per loss: the window, the spec reader and the
 * help texts list these constants.
 */
public enum Loss {
    /** L = 1/(2|S|) Σ (f_i − y_i)², any real targets. */
    MSE("mse", "square") {
        @Override
        public double pointLoss(double f, double y) {
            double d = f - y;
            return 0.5 * d * d;
        }

        @Override
        public double slope(double f, double y) {
            return f - y;
        }

        @Override
        public double mean(double[] f, double[] y) {
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                double d = f[i] - y[i];
                s += d * d;
            }
            return s / (2.0 * y.length);
        }
    },
    /** L = 1/|S| Σ log(1 + e^(−y_i f_i)), labels y_i = ±1. */
    LOGISTIC("logistic", "logistic") {
        @Override
        public double pointLoss(double f, double y) {
            double z = -y * f;
            // log(1 + e^z) without overflow for large z nor loss of digits for very negative z
            return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }

        @Override
        public double slope(double f, double y) {
            double z = y * f;
            // −y σ(−y f), σ(u) = 1/(1 + e^(−u))
            return z >= 0 ? -y * Math.exp(-z) / (1 + Math.exp(-z)) : -y / (1 + Math.exp(z));
        }
    },
    /**
     * L = (1/|S|) Σ −log softmax(f_i)[y_i] with one-hot targets y_i: per point
     * log Σ_c e^(f_ic) − Σ_c y_ic f_ic, slope softmax(f_i) − y_i.
     */
    SOFTMAX("softmax", "softmax") {
        @Override
        public double pointLoss(double f, double y) {
            throw new UnsupportedOperationException("softmax couples a point's outputs: use rowLoss");
        }

        @Override
        public double slope(double f, double y) {
            throw new UnsupportedOperationException("softmax couples a point's outputs: use rowSlopes");
        }

        @Override
        public double rowLoss(double[] f, int fAt, double[] y, int yAt, int outputs) {
            double top = max(f, fAt, outputs);
            double sum = 0;
            double dot = 0;
            for (int c = 0; c < outputs; c++) {
                sum += Math.exp(f[fAt + c] - top);
                dot += y[yAt + c] * f[fAt + c];
            }
            return top + Math.log(sum) - dot;
        }

        @Override
        public void rowSlopes(double[] f, int fAt, double[] y, int yAt, int outputs, double scale, double[] out, int outAt) {
            double top = max(f, fAt, outputs);
            double sum = 0;
            for (int c = 0; c < outputs; c++) {
                sum += Math.exp(f[fAt + c] - top);
            }
            for (int c = 0; c < outputs; c++) {
                out[outAt + c] = scale * (Math.exp(f[fAt + c] - top) / sum - y[yAt + c]);
            }
        }
    };

    private static double max(double[] f, int at, int count) {
        double m = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < count; c++) {
            m = Math.max(m, f[at + c]);
        }
        return m;
    }

    private final String id;
    private final String label;

    Loss(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The loss of one point, before averaging. */
    public abstract double pointLoss(double f, double y);

    /** ∂(pointLoss)/∂f at one point. */
    public abstract double slope(double f, double y);

    /** The loss of point i, before averaging: its C outputs at {@code f[fAt…]}, its targets at {@code y[yAt…]}. */
    public double rowLoss(double[] f, int fAt, double[] y, int yAt, int outputs) {
        double s = 0;
        for (int c = 0; c < outputs; c++) {
            s += pointLoss(f[fAt + c], y[yAt + c]);
        }
        return s;
    }

    /** Writes {@code scale} · ∂(rowLoss)/∂f_ic for c = 0…C−1 into {@code out[outAt…]}. */
    public void rowSlopes(double[] f, int fAt, double[] y, int yAt, int outputs, double scale, double[] out, int outAt) {
        for (int c = 0; c < outputs; c++) {
            out[outAt + c] = scale * slope(f[fAt + c], y[yAt + c]);
        }
    }

    /** The mean loss over the points of outputs {@code f} (C per point) against {@code y}: Σ rowLoss / n. */
    public double mean(double[] f, double[] y, int outputs) {
        if (outputs == 1) {
            return mean(f, y);
        }
        int n = y.length / outputs;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += rowLoss(f, i * outputs, y, i * outputs, outputs);
        }
        return s / n;
    }

    /**
     * Bounds the loss's curvature in f by {@code factor}/|S| (the square loss's is exactly 1/|S|,
     * the logistic loss's σ(1 − σ)/|S| ≤ 1/(4|S|)), so GD on the linearised model is stable for
     * η < 2 · factor · n / λ_max.
     */
    public double curvatureHeadroom() {
        return switch (this) {
            case MSE -> 1;
            case LOGISTIC -> 4;
            // the softmax Hessian diag(p) − ppᵀ has eigenvalues ≤ max_c p_c ≤ 1, and ≤ 1/2 (Böhning 1992)
            case SOFTMAX -> 2;
        };
    }

    /** The loss as the loss view's title writes it, for C outputs per point when {@code classes}. */
    public String formula(boolean classes) {
        return classes && this == MSE ? "L = 1/(2n) Σ ‖f − y‖²" : formula();
    }

    /** The loss as the loss view's title writes it, in the charts' markup. */
    public String formula() {
        return switch (this) {
            case MSE -> "L = 1/(2n) Σ (f − y)²";
            case LOGISTIC -> "L = (1/n) Σ log(1 + e^(−y f))";
            case SOFTMAX -> "L = −(1/n) Σ log softmax(f)_y";
        };
    }

    /** Whether this loss needs labels ±1. */
    public boolean needsLabels() {
        return switch (this) {
            case MSE, SOFTMAX -> false;
            case LOGISTIC -> true;
        };
    }

    /** Whether this loss needs class data (one-hot targets, one output per class). */
    public boolean needsClasses() {
        return switch (this) {
            case MSE, LOGISTIC -> false;
            case SOFTMAX -> true;
        };
    }

    /** Whether the linearised network's outputs stay Gaussian in the initial function (a GP exists). */
    public boolean keepsGaussian() {
        return switch (this) {
            case MSE -> true;
            case LOGISTIC, SOFTMAX -> false;
        };
    }

    /** The mean loss of outputs {@code f} against {@code y} over all points. */
    public double mean(double[] f, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += pointLoss(f[i], y[i]);
        }
        return s / y.length;
    }

    public String id() {
        return id;
    }

    /** The word the window shows. */
    public String label() {
        return label;
    }

    /** What the window's list shows: "square", "logistic". */
    @Override
    public String toString() {
        return label;
    }

    /** The loss named {@code id} ("mse" or "logistic"), or an error listing them. */
    public static Loss parse(String id) {
        for (Loss l : values()) {
            if (l.id.equals(id.toLowerCase(Locale.ROOT))) {
                return l;
            }
        }
        throw new IllegalArgumentException("training.loss must be one of " + ids() + ", got '" + id + "'");
    }

    /** The ids, comma-separated, for help texts. */
    public static String ids() {
        StringBuilder b = new StringBuilder();
        for (Loss l : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(l.id);
        }
        return b.toString();
    }
}
