package io.ntkstudio.linalg;

import java.util.function.Function;

/**
 * One layer's weight matrix: a Java array, and optionally a native mirror that a native
 * {@link MatrixBackend} computes on so the matrix is not copied on every product. Whichever side
 * was written last is the current one; the other is refreshed only when it is next read. Owned,
 * like its network, by a single thread.
 */
public final class WeightStorage {
    private final double[] heap;
    private NativeMirror mirror;
    private boolean heapNewer = true;
    private boolean nativeNewer;

    public WeightStorage(double[] heap) {
        this.heap = heap;
    }

    public int length() {
        return heap.length;
    }

    /** The Java array, current, for reading only. */
    public double[] read() {
        if (nativeNewer) {
            mirror.download(heap);
            nativeNewer = false;
        }
        return heap;
    }

    /** The Java array, current, which the caller may change: the mirror is refreshed before its next use. */
    public double[] write() {
        read();
        heapNewer = true;
        return heap;
    }

    /** The native mirror, current, created by {@code create} on first use. */
    @SuppressWarnings("unchecked")
    public <M extends NativeMirror> M mirror(Function<Integer, M> create) {
        if (mirror == null) {
            mirror = create.apply(heap.length);
            heapNewer = true;
        }
        if (heapNewer) {
            mirror.upload(heap);
            heapNewer = false;
        }
        return (M) mirror;
    }

    /** Records that the backend changed the mirror: the Java array is refreshed before its next read. */
    public void mirrorWritten() {
        nativeNewer = true;
    }
}
