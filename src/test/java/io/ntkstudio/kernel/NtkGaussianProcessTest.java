package io.ntkstudio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntkstudio.network.Activation;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The NTK-GP and the NNGP posterior against a direct dense computation of their formulas. */
class NtkGaussianProcessTest {
    private static final int N = 7;
    private static final int M = 5;

    private static DMatrixRMaj block(double[] all, int rows0, int rows, int cols0, int cols, int stride) {
        DMatrixRMaj b = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                b.set(i, j, all[(rows0 + i) * stride + cols0 + j]);
            }
        }
        return b;
    }

    @Test
    void meanAndVarianceMatchTheDenseFormulasAtEveryStep() {
        Random r = new Random(41);
        double[] x = new double[(N + M) * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        AnalyticKernel.Result k = new AnalyticKernel(Activation.ERF, 2, 1.6, 0.2).compute(x, N + M, x, N + M, 2);
        int s = N + M;
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = Math.sin(3 * x[2 * i]);
        }
        DMatrixRMaj theta = block(k.ntk(), 0, N, 0, N, s);
        DMatrixRMaj thetaCross = block(k.ntk(), N, M, 0, N, s);
        DMatrixRMaj kk = block(k.nngp(), 0, N, 0, N, s);
        DMatrixRMaj kCross = block(k.nngp(), N, M, 0, N, s);
        double[] kDiag = new double[M];
        for (int a = 0; a < M; a++) {
            kDiag[a] = k.nngp()[(N + a) * s + N + a];
        }
        NtkGaussianProcess gp = new NtkGaussianProcess(theta.data, thetaCross.data, kk.data, kCross.data, kDiag, y);
        double lambdaMax = Spectrum.of(theta.data, N, false).largest();
        double eta = 1.2 * N / lambdaMax;
        for (int t : new int[] {0, 1, 7, 60}) {
            // E_t = (I − ηΘ/n)^t by repeated products; T = Θ(x,X) Θ⁻¹ (I − E_t)
            DMatrixRMaj step = CommonOps_DDRM.identity(N);
            CommonOps_DDRM.addEquals(step, -eta / N, theta);
            DMatrixRMaj e = CommonOps_DDRM.identity(N);
            for (int i = 0; i < t; i++) {
                DMatrixRMaj next = new DMatrixRMaj(N, N);
                CommonOps_DDRM.mult(e, step, next);
                e = next;
            }
            DMatrixRMaj oneMinus = CommonOps_DDRM.identity(N);
            CommonOps_DDRM.subtractEquals(oneMinus, e);
            DMatrixRMaj inv = theta.copy();
            CommonOps_DDRM.invert(inv);
            DMatrixRMaj tmp = new DMatrixRMaj(N, N);
            CommonOps_DDRM.mult(inv, oneMinus, tmp);
            DMatrixRMaj tr = new DMatrixRMaj(M, N);
            CommonOps_DDRM.mult(thetaCross, tmp, tr);
            NtkGaussianProcess.Moments mo = gp.at(gp.afterSteps(eta, t));
            for (int a = 0; a < M; a++) {
                double mean = 0;
                double cross = 0;
                double quad = 0;
                for (int j = 0; j < N; j++) {
                    mean += tr.get(a, j) * y[j];
                    cross += tr.get(a, j) * kCross.get(a, j);
                    for (int i = 0; i < N; i++) {
                        quad += tr.get(a, i) * kk.get(i, j) * tr.get(a, j);
                    }
                }
                double variance = kDiag[a] + quad - 2 * cross;
                assertEquals(mean, mo.mean()[a], 1e-9 * Math.max(1, Math.abs(mean)), "mean at step " + t);
                assertEquals(variance, mo.variance()[a], 1e-9 * Math.max(1, kDiag[a]), "variance at step " + t);
            }
        }
        // the NNGP posterior: 𝒦(x,X)𝒦⁻¹y and 𝒦(x,x) − 𝒦(x,X)𝒦⁻¹𝒦(X,x) (𝒦 is well conditioned here)
        DMatrixRMaj kInv = kk.copy();
        CommonOps_DDRM.invert(kInv);
        NtkGaussianProcess.Moments post = gp.nngpPosterior();
        for (int a = 0; a < M; a++) {
            double mean = 0;
            double explained = 0;
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    mean += kCross.get(a, i) * kInv.get(i, j) * y[j];
                    explained += kCross.get(a, i) * kInv.get(i, j) * kCross.get(a, j);
                }
            }
            assertEquals(mean, post.mean()[a], 1e-9 * Math.max(1, Math.abs(mean)));
            assertEquals(kDiag[a] - explained, post.variance()[a], 1e-9 * Math.max(1, kDiag[a]));
        }
        // at step 0 the GP is the prior: mean 0, variance 𝒦(x, x)
        NtkGaussianProcess.Moments prior = gp.at(gp.start());
        for (int a = 0; a < M; a++) {
            assertEquals(0, prior.mean()[a], 0.0);
            assertEquals(kDiag[a], prior.variance()[a], 1e-12 * kDiag[a]);
        }
    }
}
