package io.ntkstudio.linalg;

import io.ntkstudio.input.InvalidInputException;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * {@link MatrixBackend} on OpenBLAS through JavaCPP's bindings, row-major CBLAS calls.
 *
 * <p>Weight matrices live in native mirrors ({@link WeightStorage}), so the largest operands are
 * never copied and the gradient step updates them in place. Activations (n × width) are staged
 * through per-thread native scratch buffers allocated once and grown on demand: a copy of
 * O(n·width) beside the O(n·width²) product, and no allocation per call. Gram matrices use
 * {@code dsyrk}, half the arithmetic of a general product, filling the upper triangle.
 */
final class OpenBlasBackend implements MatrixBackend {
    private static final int ROW = openblas.CblasRowMajor;
    private static final int N = openblas.CblasNoTrans;
    private static final int T = openblas.CblasTrans;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private OpenBlasBackend() {
    }

    /** Why the last load failed, for the user (null after a success). */
    static volatile String lastFailure;

    /** The backend, or null when OpenBLAS cannot be loaded on this machine. */
    static MatrixBackend loadOrNull() {
        lastFailure = null;
        try {
            Loader.load(openblas.class);
            OpenBlasBackend b = new OpenBlasBackend();
            double[] c = new double[1];
            b.multTransB(1.0, new double[] {2}, new double[] {3}, c, 1, 1, 1);
            if (c[0] != 6.0) {
                lastFailure = "its self-test gave a wrong product";
                return null;
            }
            return b;
        } catch (Throwable e) {
            // Any failure to link (other OS or CPU, missing natives) means: use the pure-Java backend.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            lastFailure = "no OpenBLAS natives load on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + " (" + InvalidInputException.quote(why) + ")";
            return null;
        }
    }

    @Override
    public int threads() {
        // JavaCPP reports −1 until the count is set: OpenBLAS then uses every core
        int t = openblas.blas_get_num_threads();
        return t > 0 ? t : Runtime.getRuntime().availableProcessors();
    }

    @Override
    public void multTransB(double alpha, double[] a, double[] b, double[] c, int m, int k, int n) {
        Scratch s = scratch.get();
        DoublePointer pa = s.in(0, a, m * k);
        DoublePointer pb = s.in(1, b, n * k);
        DoublePointer pc = s.buffer(2, m * n);
        NativeCalls.enter();
        try {
            openblas.cblas_dgemm(ROW, N, T, m, n, k, alpha, pa, k, pb, k, 0.0, pc, n);
        } finally {
            NativeCalls.leave();
        }
        pc.get(c, 0, m * n);
    }

    @Override
    public void mult(double alpha, double[] a, double[] b, double[] c, int m, int k, int n) {
        Scratch s = scratch.get();
        DoublePointer pa = s.in(0, a, m * k);
        DoublePointer pb = s.in(1, b, k * n);
        DoublePointer pc = s.buffer(2, m * n);
        NativeCalls.enter();
        try {
            openblas.cblas_dgemm(ROW, N, N, m, n, k, alpha, pa, k, pb, n, 0.0, pc, n);
        } finally {
            NativeCalls.leave();
        }
        pc.get(c, 0, m * n);
    }

    @Override
    public void multTransB(double alpha, double[] h, WeightStorage w, double[] z, int m, int k, int n) {
        Scratch s = scratch.get();
        DoublePointer ph = s.in(0, h, m * k);
        DoublePointer pz = s.buffer(2, m * n);
        NativeCalls.enter();
        try {
            openblas.cblas_dgemm(ROW, N, T, m, n, k, alpha, ph, k, resident(w), k, 0.0, pz, n);
        } finally {
            NativeCalls.leave();
        }
        pz.get(z, 0, m * n);
    }

    @Override
    public void mult(double alpha, double[] g, WeightStorage w, double[] c, int m, int k, int n) {
        Scratch s = scratch.get();
        DoublePointer pg = s.in(0, g, m * k);
        DoublePointer pc = s.buffer(2, m * n);
        NativeCalls.enter();
        try {
            openblas.cblas_dgemm(ROW, N, N, m, n, k, alpha, pg, k, resident(w), n, 0.0, pc, n);
        } finally {
            NativeCalls.leave();
        }
        pc.get(c, 0, m * n);
    }

    @Override
    public void multAddTransA(double alpha, double[] g, double[] h, WeightStorage w, int k, int m, int n) {
        Scratch s = scratch.get();
        DoublePointer pg = s.in(0, g, k * m);
        DoublePointer ph = s.in(1, h, k * n);
        NativeCalls.enter();
        try {
            openblas.cblas_dgemm(ROW, T, N, m, n, k, alpha, pg, m, ph, n, 1.0, resident(w), n);
        } finally {
            NativeCalls.leave();
        }
        w.mirrorWritten();
    }

    @Override
    public void multTransAInto(double alpha, double[] g, double[] h, double keep, WeightStorage v, int k, int m, int n) {
        Scratch s = scratch.get();
        DoublePointer pg = s.in(0, g, k * m);
        DoublePointer ph = s.in(1, h, k * n);
        NativeCalls.enter();
        try {
            openblas.cblas_dgemm(ROW, T, N, m, n, k, alpha, pg, m, ph, n, keep, resident(v), n);
        } finally {
            NativeCalls.leave();
        }
        v.mirrorWritten();
    }

    @Override
    public void addScaled(double a, WeightStorage x, WeightStorage y) {
        NativeCalls.enter();
        try {
            openblas.cblas_daxpy(y.length(), a, resident(x), 1, resident(y), 1);
        } finally {
            NativeCalls.leave();
        }
        y.mirrorWritten();
    }

    @Override
    public void gram(double alpha, double[] a, double[] c, int m, int k) {
        Scratch s = scratch.get();
        DoublePointer pa = s.in(0, a, m * k);
        DoublePointer pc = s.buffer(2, m * m);
        NativeCalls.enter();
        try {
            openblas.cblas_dsyrk(ROW, openblas.CblasUpper, N, m, k, alpha, pa, k, 0.0, pc, m);
        } finally {
            NativeCalls.leave();
        }
        pc.get(c, 0, m * m);
    }

    @Override
    public void setThreads(int threads) {
        openblas.blas_set_num_threads(Math.max(1, threads));
    }

    @Override
    public String name() {
        return "openblas";
    }

    private static DoublePointer resident(WeightStorage w) {
        return w.mirror(Mirror::new).pointer;
    }

    /** Three native staging buffers per thread, grown to the largest size seen. */
    private static final class Scratch {
        private final DoublePointer[] buffers = new DoublePointer[3];

        DoublePointer buffer(int slot, long length) {
            DoublePointer p = buffers[slot];
            if (p == null || p.capacity() < length) {
                if (p != null) {
                    p.close();
                }
                p = new DoublePointer(Math.max(length, 1));
                buffers[slot] = p;
            }
            return p;
        }

        DoublePointer in(int slot, double[] data, int length) {
            DoublePointer p = buffer(slot, length);
            p.put(data, 0, length);
            return p;
        }
    }

    /** A weight matrix in native memory, freed with its pointer when unreachable. */
    private static final class Mirror implements NativeMirror {
        private final DoublePointer pointer;

        Mirror(int length) {
            pointer = new DoublePointer(length);
        }

        @Override
        public void upload(double[] heap) {
            pointer.put(heap, 0, heap.length);
        }

        @Override
        public void download(double[] heap) {
            pointer.get(heap, 0, heap.length);
        }
    }
}
