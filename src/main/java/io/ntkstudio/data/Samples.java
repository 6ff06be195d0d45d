package io.ntkstudio.data;

/**
 * Inputs (count × dim, row-major) with one scalar target each, or with a class 0…C−1 each
 * ({@link #ofClasses}): then the targets are one-hot, C per point (point i's at i·C), for a
 * network with C outputs (docs/ntk-math.md, "Classes"). Immutable: the arrays are copied in,
 * and out only as copies.
 */
public final class Samples {
    private final int count;
    private final int dim;
    private final double[] inputs;
    private final double[] targets;
    /** C for class data, 0 for scalar targets. */
    private final int classes;
    private final int[] labels;

    public Samples(int count, int dim, double[] inputs, double[] targets) {
        this(count, dim, inputs, targets, 0, null);
    }

    private Samples(int count, int dim, double[] inputs, double[] targets, int classes, int[] labels) {
        if (inputs.length != (long) count * dim || targets.length != (long) count * Math.max(1, classes)) {
            throw new IllegalArgumentException("inputs must be count × dim and targets count × outputs long");
        }
        this.count = count;
        this.dim = dim;
        this.inputs = inputs.clone();
        this.targets = targets.clone();
        this.classes = classes;
        this.labels = labels == null ? null : labels.clone();
    }

    /** Inputs with a class 0…{@code classes}−1 each, {@code classes} ≥ 2, as one-hot targets. */
    public static Samples ofClasses(int count, int dim, double[] inputs, int[] labels, int classes) {
        if (classes < 2 || labels.length != count) {
            throw new IllegalArgumentException("class data needs at least two classes and one label per point");
        }
        double[] y = new double[count * classes];
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of point " + i + " is not a class 0…" + (classes - 1));
            }
            y[i * classes + labels[i]] = 1;
        }
        return new Samples(count, dim, inputs, y, classes, labels);
    }

    /** C for class data, 0 for scalar targets. */
    public int classes() {
        return classes;
    }

    /** The outputs a network trained on these needs: C for class data, else 1. */
    public int outputs() {
        return Math.max(1, classes);
    }

    /** The class of point i (class data only). */
    public int label(int i) {
        return labels[i];
    }

    /** How many points there are of each class (class data only). */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    public int count() {
        return count;
    }

    public int dim() {
        return dim;
    }

    public double input(int i, int k) {
        return inputs[i * dim + k];
    }

    /** Point i's target: its class for class data. */
    public double target(int i) {
        return classes > 0 ? labels[i] : targets[i];
    }

    public double[] copyInputs() {
        return inputs.clone();
    }

    public double[] copyTargets() {
        return targets.clone();
    }

    /** Whether every target is a label ±1 (the 2-D label sets, a CSV of ±1) or a class: accuracy applies. */
    public boolean labelled() {
        if (classes > 0) {
            return true;
        }
        for (double y : targets) {
            if (y != 1 && y != -1) {
                return false;
            }
        }
        return count > 0;
    }

    /**
     * The share of points whose output has the sign of its label, sign(f) = y (f = 0 counts as
     * wrong); for class data, whose largest output is its class's.
     */
    public double accuracy(double[] f) {
        int right = 0;
        if (classes > 0) {
            for (int i = 0; i < count; i++) {
                if (predictedClass(f, i, classes) == labels[i]) {
                    right++;
                }
            }
            return (double) right / count;
        }
        for (int i = 0; i < count; i++) {
            if (f[i] * targets[i] > 0) {
                right++;
            }
        }
        return (double) right / count;
    }

    /** The class with the largest of point i's C outputs in {@code f} (the first of equal ones). */
    public static int predictedClass(double[] f, int i, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (f[i * classes + c] > f[i * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    /** "x1,x2," for two input columns: the inputs' CSV header, each name followed by a comma. */
    public String inputHeader() {
        StringBuilder b = new StringBuilder();
        for (int k = 1; k <= dim; k++) {
            b.append('x').append(k).append(',');
        }
        return b.toString();
    }

    /** Input i's coordinates for a CSV row, each in full precision and followed by a comma. */
    public String inputCells(int i) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < dim; k++) {
            b.append(input(i, k)).append(',');
        }
        return b.toString();
    }

    /** Row i as a new array. */
    public double[] row(int i) {
        double[] r = new double[dim];
        System.arraycopy(inputs, i * dim, r, 0, dim);
        return r;
    }
}
