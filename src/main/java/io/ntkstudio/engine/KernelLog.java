package io.ntkstudio.engine;

/**
 * The numbers of every kernel snapshot the training thread computes, written as it computes them,
 * so that the curves of the kernel metrics, the top eigenvalues and the test loss hold every
 * kernel interval however few snapshots a window caught (at full speed a frame sees one in many).
 *
 * <p>Kernel steps need not be evenly spaced (the interval can change during a run), so the log
 * decimates by row: when full it keeps every other row and from then on every other row offered,
 * so a run of any length takes constant memory. Readers get a {@link StepLogView} without copying,
 * as for {@link StepLog}: rows below a view's size are never written again. One writer thread.
 */
public final class KernelLog {
    public static final int CAPACITY = 2048;
    public static final int TOP_EIGENVALUES = 5;
    public static final int TEST_LOSS = 0;
    public static final int REGIME_TEST_LOSS = 1;
    public static final int KERNEL_CHANGE = 2;
    public static final int DISTANCE_TO_LIMIT = 3;
    public static final int ALIGNMENT = 4;
    public static final int WEIGHT_CHANGE = 5;
    public static final int ALIGNMENT_CENTRED = 6;
    /** The network's and the kernel regime's (Θ_0) test accuracy; NaN without labels ±1 or classes. */
    public static final int TEST_ACCURACY = 7;
    public static final int REGIME_TEST_ACCURACY = 8;
    /** Column of eigenvalue i (0-based, descending) of Θ_t; NaN when the kernel has fewer. */
    public static final int TOP_EIGENVALUE = 9;
    public static final int COLUMNS = TOP_EIGENVALUE + TOP_EIGENVALUES;

    private double[] steps = new double[CAPACITY];
    private double[][] values = new double[COLUMNS][CAPACITY];
    private int size;
    private long offered;
    private long keepEvery = 1;

    /** Appends a row at {@code step} (after the last one), subject to the decimation. */
    public void record(long step, double[] row) {
        if (size > 0 && step <= steps[size - 1]) {
            return;
        }
        if (offered++ % keepEvery != 0) {
            return;
        }
        if (size == CAPACITY) {
            decimate();
        }
        steps[size] = step;
        for (int c = 0; c < COLUMNS; c++) {
            values[c][size] = row[c];
        }
        size++;
    }

    private void decimate() {
        double[] s = new double[CAPACITY];
        double[][] v = new double[COLUMNS][CAPACITY];
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            s[kept] = steps[i];
            for (int c = 0; c < COLUMNS; c++) {
                v[c][kept] = values[c][i];
            }
            kept++;
        }
        steps = s;
        values = v;
        size = kept;
        keepEvery *= 2;
    }

    /** The rows so far, for another thread once published. */
    public StepLogView view() {
        return new StepLogView(steps, values, size);
    }
}
