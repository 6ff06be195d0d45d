package io.ntkstudio.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * {@link MatrixBackend} on EJML's pure-Java multi-threaded products; small products stay on one
 * thread, where the fork costs more than it saves.
 */
public final class EjmlBackend implements MatrixBackend {
    public static final EjmlBackend INSTANCE = new EjmlBackend();
    private static final long PARALLEL_FLOPS = 1L << 18;

    private EjmlBackend() {
    }

    @Override
    public void multTransB(double alpha, double[] a, double[] b, double[] c, int m, int k, int n) {
        DMatrixRMaj ma = DMatrixRMaj.wrap(m, k, a);
        DMatrixRMaj mb = DMatrixRMaj.wrap(n, k, b);
        DMatrixRMaj mc = DMatrixRMaj.wrap(m, n, c);
        if (big(m, k, n)) {
            CommonOps_MT_DDRM.multTransB(alpha, ma, mb, mc);
        } else {
            CommonOps_DDRM.multTransB(alpha, ma, mb, mc);
        }
    }

    @Override
    public void mult(double alpha, double[] a, double[] b, double[] c, int m, int k, int n) {
        DMatrixRMaj ma = DMatrixRMaj.wrap(m, k, a);
        DMatrixRMaj mb = DMatrixRMaj.wrap(k, n, b);
        DMatrixRMaj mc = DMatrixRMaj.wrap(m, n, c);
        if (big(m, k, n)) {
            CommonOps_MT_DDRM.mult(alpha, ma, mb, mc);
        } else {
            CommonOps_DDRM.mult(alpha, ma, mb, mc);
        }
    }

    /** C (m×n) += alpha · Aᵀ · B, A stored k×m, B stored k×n. */
    private void multAddTransA(double alpha, double[] a, double[] b, double[] c, int k, int m, int n) {
        DMatrixRMaj ma = DMatrixRMaj.wrap(k, m, a);
        DMatrixRMaj mb = DMatrixRMaj.wrap(k, n, b);
        DMatrixRMaj mc = DMatrixRMaj.wrap(m, n, c);
        if (big(m, k, n)) {
            CommonOps_MT_DDRM.multAddTransA(alpha, ma, mb, mc);
        } else {
            CommonOps_DDRM.multAddTransA(alpha, ma, mb, mc);
        }
    }

    @Override
    public void multTransB(double alpha, double[] h, WeightStorage w, double[] z, int m, int k, int n) {
        multTransB(alpha, h, w.read(), z, m, k, n);
    }

    @Override
    public void mult(double alpha, double[] g, WeightStorage w, double[] c, int m, int k, int n) {
        mult(alpha, g, w.read(), c, m, k, n);
    }

    @Override
    public void multAddTransA(double alpha, double[] g, double[] h, WeightStorage w, int k, int m, int n) {
        multAddTransA(alpha, g, h, w.write(), k, m, n);
    }

    @Override
    public void multTransAInto(double alpha, double[] g, double[] h, double keep, WeightStorage v, int k, int m, int n) {
        double[] c = v.write();
        for (int i = 0; i < c.length; i++) {
            c[i] *= keep;
        }
        multAddTransA(alpha, g, h, c, k, m, n);
    }

    @Override
    public void addScaled(double a, WeightStorage x, WeightStorage y) {
        double[] xs = x.read();
        double[] ys = y.write();
        for (int i = 0; i < ys.length; i++) {
            ys[i] += a * xs[i];
        }
    }

    @Override
    public void gram(double alpha, double[] a, double[] c, int m, int k) {
        multTransB(alpha, a, a, c, m, k, m);
    }

    @Override
    public String name() {
        return "ejml-mt";
    }

    private static boolean big(long m, long k, long n) {
        return m * k * n >= PARALLEL_FLOPS;
    }
}
