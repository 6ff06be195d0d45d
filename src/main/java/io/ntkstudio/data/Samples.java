package io.ntkstudio.data;

/**
 * Inputs (count × dim, row-major) with one scalar target each. Immutable: the arrays are copied
 * in, and out only as copies.
 */
public final class Samples {
    private final int count;
    private final int dim;
    private final double[] inputs;
    private final double[] targets;

    public Samples(int count, int dim, double[] inputs, double[] targets) {
        if (inputs.length != (long) count * dim || targets.length != count) {
            throw new IllegalArgumentException("inputs must be count × dim and targets count long");
        }
        this.count = count;
        this.dim = dim;
        this.inputs = inputs.clone();
        this.targets = targets.clone();
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

    public double target(int i) {
        return targets[i];
    }

    public double[] copyInputs() {
        return inputs.clone();
    }

    public double[] copyTargets() {
        return targets.clone();
    }

    /** Whether every target is a label ±1 (the 2-D label sets, a CSV of ±1): accuracy applies. */
    public boolean labelled() {
        for (double y : targets) {
            if (y != 1 && y != -1) {
                return false;
            }
        }
        return count > 0;
    }

    /** The share of points whose output has the sign of its label, sign(f) = y (f = 0 counts as wrong). */
    public double accuracy(double[] f) {
        int right = 0;
        for (int i = 0; i < count; i++) {
            if (f[i] * targets[i] > 0) {
                right++;
            }
        }
        return (double) right / count;
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
