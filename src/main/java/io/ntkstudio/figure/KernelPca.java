package io.ntkstudio.figure;

import io.ntkstudio.kernel.KernelMetrics;
import io.ntkstudio.kernel.Spectrum;
import io.ntkstudio.linalg.ReadOnlyMatrix;

/**
 * Kernel principal components of the train points (Schölkopf, Smola &amp; Müller 1998): the
 * kernel centred, K_c = HKH with H = I − 11ᵀ/n, and each point at √λ_k v_k(i) on its top two
 * eigenvectors. Centring removes the constant mode that dominates a kernel on images. Each
 * component's sign is free; {@link #alignedTo} fixes it against another kernel's, so that the
 * picture of Θ_t does not flip against Θ_0's as it moves.
 */
record KernelPca(double[] first, double[] second, double[] variance) {
    /** The top two components of an n × n kernel, and the share of the centred kernel's trace each holds. */
    static KernelPca of(ReadOnlyMatrix k) {
        int n = k.rows();
        double[] c = KernelMetrics.centred(k.toArray(), n);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += c[i * n + i];
        }
        Spectrum s = Spectrum.of(c, n, true);
        double[] a = new double[n];
        double[] b = new double[n];
        double la = Math.sqrt(Math.max(0, s.value(0)));
        double lb = n > 1 ? Math.sqrt(Math.max(0, s.value(1))) : 0;
        for (int i = 0; i < n; i++) {
            a[i] = la * s.vector(0, i);
            b[i] = n > 1 ? lb * s.vector(1, i) : 0;
        }
        return new KernelPca(a, b, new double[] {s.value(0) / trace, n > 1 ? s.value(1) / trace : 0});
    }

    /** These components with each sign chosen to agree with {@code reference}'s (their inner product ≥ 0). */
    KernelPca alignedTo(KernelPca reference) {
        return new KernelPca(agree(first, reference.first), agree(second, reference.second), variance);
    }

    private static double[] agree(double[] v, double[] ref) {
        double dot = 0;
        for (int i = 0; i < v.length; i++) {
            dot += v[i] * ref[i];
        }
        if (dot >= 0) {
            return v;
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }
}
