package io.ntkstudio.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel snapshots a run can be replayed from: every one the training thread computes is
 * offered, and at most {@link #capacity()} are kept, spaced about evenly in log(step + 1) (the
 * early steps, where most happens, stay dense) plus always the first and the latest. When full,
 * the interior snapshot whose neighbours are closest in log-step is dropped. The capacity also
 * keeps the frames' memory under {@link #MAX_BYTES} and a quarter of the free heap. Written by the training thread, read by any.
 */
public final class ReplayLog {
    public static final int MAX_FRAMES = 300;
    public static final long MAX_BYTES = 128L << 20;
    private final int capacity;
    private final List<TrainingSnapshot> frames = new ArrayList<>();

    /** For kernels of {@code n} × {@code n} doubles. */
    public ReplayLog(int n) {
        this(n, n, 1);
    }

    /**
     * For runs of {@code members} networks on {@code n} train and {@code m} test points, each frame
     * holding every member's kernel and outputs. The frames also stay within a quarter of the heap
     * that is free when the replay starts, so that history never costs the run itself its memory.
     */
    public ReplayLog(int n, int m, int members) {
        long bytesPerFrame = members * MemoryEstimate.snapshotBytes(n, m, FunctionGrid.LIVE_SIZE * FunctionGrid.LIVE_SIZE);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long budget = Math.min(MAX_BYTES, free / 4);
        this.capacity = (int) Math.max(2, Math.min(MAX_FRAMES, budget / bytesPerFrame));
    }

    public int capacity() {
        return capacity;
    }

    /** Keeps {@code s} if it has the kernel and is later than the latest kept. */
    public synchronized void offer(TrainingSnapshot s) {
        if (!s.hasKernel() || !frames.isEmpty() && s.step() <= frames.get(frames.size() - 1).step()) {
            return;
        }
        frames.add(s);
        if (frames.size() > capacity) {
            int drop = 1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 1; i < frames.size() - 1; i++) {
                double gap = Math.log1p(frames.get(i + 1).step()) - Math.log1p(frames.get(i - 1).step());
                if (gap < best) {
                    best = gap;
                    drop = i;
                }
            }
            frames.remove(drop);
        }
    }

    /** The frames kept, in step order (a copy). */
    public synchronized List<TrainingSnapshot> frames() {
        return List.copyOf(frames);
    }

    /** The kept frame nearest to {@code step} (null when empty). */
    public static TrainingSnapshot nearest(List<TrainingSnapshot> frames, long step) {
        TrainingSnapshot best = null;
        for (TrainingSnapshot f : frames) {
            if (best == null || Math.abs(f.step() - step) < Math.abs(best.step() - step)) {
                best = f;
            }
        }
        return best;
    }
}
