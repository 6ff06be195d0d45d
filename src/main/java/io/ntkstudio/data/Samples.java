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
