package io.ntkstudio.kernel;

import java.util.Arrays;

/**
 * Where full-batch gradient descent has taken the linearised network, mode by mode: for each
 * eigenvalue λ_i of the train kernel K, after steps with rates η_1 … η_t on n points
 * (docs/ntk-math.md, "Training dynamics"; Lee et al. 2019, the linearised network trained by the
 * same optimiser),
 *
 * <pre>
 *   decay_i = Π_s (1 − η_s λ_i / n)            the residual's factor along v_i: E_t = (I − ηK/n)^t
 *   gain_i  = (1 − decay_i) / λ_i = Σ_s decay_i(s−1) η_s / n    the eigenvalue of K⁻¹(I − E_t)
 * </pre>
 *
 * The gain is accumulated by its own recurrence, so it stays exact as λ_i → 0 (where
 * (1 − decay)/λ would cancel) and needs no K⁻¹. A mode decays while η λ_i / n &lt; 2 and
 * oscillates with growing amplitude beyond it. As η → 0 with ηt fixed, decay → e^{−λτ/n}: gradient
 * flow. Mutable, owned by one thread; {@link #copy} for a snapshot.
 */
public final class GdDecay {
    private final double[] lambda;
    private final int n;
    private final double[] decay;
    private final double[] gain;
    /** Heavy-ball momentum β, and each mode's velocity a_i (its share of v = J_0ᵀ a, per unit r_0), null at β = 0. */
    private final double beta;
    private final double[] velocity;

    /** The state before any step of plain GD: every decay 1, every gain 0. */
    public GdDecay(double[] eigenvalues, int n) {
        this(eigenvalues, n, 0);
    }

    /**
     * The state before any step of GD with momentum β (PyTorch's form, v ← βv + ∇L, θ ← θ − ηv):
     * per mode a ← βa + decay/n, gain ← gain + ηa, decay ← decay − ηλa, an oscillator that rings
     * for β &gt; 0 (Goh 2017, "Why momentum really works"). β = 0 is plain GD exactly.
     */
    public GdDecay(double[] eigenvalues, int n, double beta) {
        this.lambda = eigenvalues.clone();
        this.n = n;
        this.decay = new double[lambda.length];
        this.gain = new double[lambda.length];
        Arrays.fill(decay, 1.0);
        this.beta = beta;
        this.velocity = beta == 0 ? null : new double[lambda.length];
    }

    private GdDecay(GdDecay other) {
        this.lambda = other.lambda;
        this.n = other.n;
        this.decay = other.decay.clone();
        this.gain = other.gain.clone();
        this.beta = other.beta;
        this.velocity = other.velocity == null ? null : other.velocity.clone();
    }

    /** After {@code steps} steps at the constant rate {@code eta} with momentum β, stepped (closed form at β = 0). */
    public static GdDecay afterSteps(double[] eigenvalues, int n, double eta, long steps, double beta) {
        if (beta == 0) {
            return afterSteps(eigenvalues, n, eta, steps);
        }
        GdDecay d = new GdDecay(eigenvalues, n, beta);
        for (long s = 0; s < steps; s++) {
            d.step(eta);
        }
        return d;
    }

    /** After {@code steps} steps of plain GD at the constant rate {@code eta}, in closed form. */
    public static GdDecay afterSteps(double[] eigenvalues, int n, double eta, long steps) {
        GdDecay d = new GdDecay(eigenvalues, n);
        for (int i = 0; i < d.lambda.length; i++) {
            double x = eta * d.lambda[i] / n;
            double q = 1 - x;
            if (x == 0) {
                d.gain[i] = steps * eta / n;
            } else if (Math.abs(x) < 0.5) {
                // 1 − q^t through expm1/log1p: no cancellation for the slow modes
                double oneMinus = -Math.expm1(steps * Math.log1p(-x));
                d.decay[i] = 1 - oneMinus;
                d.gain[i] = oneMinus / x * eta / n;
            } else {
                d.decay[i] = Math.pow(q, steps);
                d.gain[i] = (1 - d.decay[i]) / x * eta / n;
            }
        }
        return d;
    }

    /** One more step at rate {@code eta}; allocates nothing. */
    public void step(double eta) {
        if (velocity == null) {
            for (int i = 0; i < lambda.length; i++) {
                gain[i] += decay[i] * eta / n;
                decay[i] *= 1 - eta * lambda[i] / n;
            }
            return;
        }
        for (int i = 0; i < lambda.length; i++) {
            velocity[i] = beta * velocity[i] + decay[i] / n;
            gain[i] += eta * velocity[i];
            decay[i] -= eta * lambda[i] * velocity[i];
        }
    }

    public int size() {
        return lambda.length;
    }

    /** Π_s (1 − η_s λ_i / n). */
    public double decay(int i) {
        return decay[i];
    }

    /** (1 − decay_i) / λ_i, the eigenvalue of K⁻¹(I − E_t), finite as λ_i → 0. */
    public double gain(int i) {
        return gain[i];
    }

    /** The modes that grow at rate {@code eta}: η λ_i / n &gt; 2(1 + β) (|1 − ηλ_i/n| &gt; 1 at β = 0). */
    public int unstableModes(double eta) {
        int count = 0;
        for (double l : lambda) {
            if (velocity == null ? Math.abs(1 - eta * l / n) > 1 : eta * l / n > 2 * (1 + beta)) {
                count++;
            }
        }
        return count;
    }

    public GdDecay copy() {
        return new GdDecay(this);
    }
}
