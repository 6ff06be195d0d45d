package io.ntkstudio.engine;

/**
 * Cheap per-step numbers written by the training thread as it steps, so that views see every
 * step, not only the ones a frame happened to catch: the train loss, its kernel-regime
 * prediction, and the residual's energy along the run's tracked eigen-directions of Θ_0, the
 * network's and the kernel regime's.
 *
 * <p>Rows are kept at steps 0, s, 2s, … with stride s doubling whenever the capacity fills, so a run
 * of any length takes constant memory. Readers get a {@link StepLogView} without copying: rows
 * below a view's size are never written again (a decimation writes into new arrays), so a view
 * handed over through a volatile publication stays valid and unchanging. One writer thread.
 */
public final class StepLog {
    public static final int CAPACITY = 4096;
    /** How many eigen-directions of Θ_0 are followed (fewer when there are fewer train points). */
    public static final int TRACKED_MODES = 5;
    public static final int TRAIN_LOSS = 0;
    public static final int REGIME_TRAIN_LOSS = 1;

    private final int columns;
    private double[] steps = new double[CAPACITY];
    private double[][] values;
    private int size;
    private long stride = 1;

    public StepLog(int trackedModes) {
        this.columns = 2 + 2 * trackedModes;
        this.values = new double[columns][CAPACITY];
    }

    /** Column of the network's energy along tracked direction k. */
    public static int modeColumn(int k) {
        return 2 + 2 * k;
    }

    /** Column of the kernel regime's energy along tracked direction k. */
    public static int regimeModeColumn(int k) {
        return 3 + 2 * k;
    }

    /** Values per row: the two losses, then a network and a kernel-regime energy per tracked direction. */
    public int columns() {
        return columns;
    }

    /** Whether a row at this step would be kept; when not, the caller may skip computing it. */
    public boolean wants(long step) {
        return step % stride == 0 && (size == 0 || step > steps[size - 1]);
    }

    /** Appends {@code row} (one value per column) at {@code step}, if {@link #wants} it. */
    public void record(long step, double[] row) {
        if (!wants(step)) {
            return;
        }
        if (size == CAPACITY) {
            decimate();
            if (step % stride != 0) {
                return;
            }
        }
        steps[size] = step;
        for (int c = 0; c < columns; c++) {
            values[c][size] = row[c];
        }
        size++;
    }

    private void decimate() {
        double[] s = new double[CAPACITY];
        double[][] v = new double[columns][CAPACITY];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if ((long) steps[i] % (2 * stride) == 0) {
                s[kept] = steps[i];
                for (int c = 0; c < columns; c++) {
                    v[c][kept] = values[c][i];
                }
                kept++;
            }
        }
        steps = s;
        values = v;
        size = kept;
        stride *= 2;
    }

    /** The rows so far, for another thread once published. */
    public StepLogView view() {
        return new StepLogView(steps, values, size);
    }
}
