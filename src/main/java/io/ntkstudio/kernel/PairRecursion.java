package io.ntkstudio.kernel;

import io.ntkstudio.network.Patches;
import io.ntkstudio.network.Readout;

/**
 * The {@link ConvKernel} recursion for one pair of images, on the table of position pairs it needs:
 * all s² × s² of them for global average pooling, the s² diagonal ones for flatten. The cells'
 * positions and their 3 × 3 neighbour cells (−1 where either position is padding) are tabled once.
 * Holds its own scratch; one per thread.
 */
final class PairRecursion {
    private final ConvKernel k;
    private final GaussianMoments moments;
    private final int s2;
    /** Cell → its positions p and q in the two images. */
    private final int[] cellP;
    private final int[] cellQ;
    /**
     * The 3 × 3 sum over (p + δ, q + δ) is separable: both positions shift by the same column offset,
     * then by the same row offset, and a shift is valid when it keeps both inside. Per cell, bits
     * 1, 2, 4, 8: the column shift −1, +1 and the row shift −1, +1 are valid; and the strides of a
     * column and a row shift in the cell index.
     */
    private final byte[] valid;
    private final int colStride;
    private final int rowStride;
    private final double[] scratchF;
    private final double[] scratchT;
    /** Per cell, the positions (p + δ) in image a and (q + δ) in image b, or −1: for the first layer, on the pixels. */
    private final int[] pixelA;
    private final int[] pixelB;
    private double[] sigma;
    private double[] theta;
    private double[] nextSigma;
    private double[] nextTheta;
    private final double[] f;
    private final double[] g;
    private final double[] out = new double[2];

    PairRecursion(ConvKernel k, Patches patches, GaussianMoments moments) {
        this.k = k;
        this.moments = moments;
        this.s2 = patches.size();
        boolean full = k.readout() == Readout.GAP;
        int cells = full ? s2 * s2 : s2;
        cellP = new int[cells];
        cellQ = new int[cells];
        valid = new byte[cells];
        int side = (int) Math.round(Math.sqrt(s2));
        colStride = full ? s2 + 1 : 1;
        rowStride = full ? side * (s2 + 1) : side;
        pixelA = new int[cells * 9];
        pixelB = new int[cells * 9];
        for (int cell = 0; cell < cells; cell++) {
            int p = full ? cell / s2 : cell;
            int q = full ? cell % s2 : cell;
            cellP[cell] = p;
            cellQ[cell] = q;
            for (int o = 0; o < 9; o++) {
                int pp = patches.at(p, o);
                int qq = patches.at(q, o);
                boolean in = pp >= 0 && qq >= 0;
                pixelA[cell * 9 + o] = in ? pp : -1;
                pixelB[cell * 9 + o] = in ? qq : -1;
            }
            int r1 = p / side;
            int c1 = p % side;
            int r2 = q / side;
            int c2 = q % side;
            valid[cell] = (byte) ((c1 > 0 && c2 > 0 ? 1 : 0) | (c1 < side - 1 && c2 < side - 1 ? 2 : 0)
                    | (r1 > 0 && r2 > 0 ? 4 : 0) | (r1 < side - 1 && r2 < side - 1 ? 8 : 0));
        }
        scratchF = new double[cells];
        scratchT = new double[cells];
        sigma = new double[cells];
        theta = new double[cells];
        nextSigma = new double[cells];
        nextTheta = new double[cells];
        f = new double[cells];
        g = new double[cells];
    }

    /** 𝒦 into result[0] and Θ into result[1] for images a of x1 and b of x2, with their own variances va, vb [layer][p]. */
    void compute(double[] x1, int a, double[][] va, double[] x2, int b, double[][] vb, double[] result) {
        double sw = k.sigmaW() * k.sigmaW() / 9;
        double sb = k.sigmaB() * k.sigmaB();
        int cells = sigma.length;
        int offA = a * s2;
        int offB = b * s2;
        for (int cell = 0; cell < cells; cell++) {
            double sum = 0;
            for (int o = cell * 9, end = o + 9; o < end; o++) {
                int pa = pixelA[o];
                if (pa >= 0) {
                    sum += x1[offA + pa] * x2[offB + pixelB[o]];
                }
            }
            sigma[cell] = sw * sum + sb;
            theta[cell] = sigma[cell];
        }
        for (int l = 1; l < k.depth(); l++) {
            moments(va[l - 1], vb[l - 1]);
            // Σ_δ over the patch: first the column shifts (θ·φ' products formed on the way), then the row shifts
            for (int cell = 0; cell < cells; cell++) {
                int v = valid[cell];
                double sf = f[cell];
                double st = theta[cell] * g[cell];
                if ((v & 1) != 0) {
                    sf += f[cell - colStride];
                    st += theta[cell - colStride] * g[cell - colStride];
                }
                if ((v & 2) != 0) {
                    sf += f[cell + colStride];
                    st += theta[cell + colStride] * g[cell + colStride];
                }
                scratchF[cell] = sf;
                scratchT[cell] = st;
            }
            for (int cell = 0; cell < cells; cell++) {
                int v = valid[cell];
                double sf = scratchF[cell];
                double st = scratchT[cell];
                if ((v & 4) != 0) {
                    sf += scratchF[cell - rowStride];
                    st += scratchT[cell - rowStride];
                }
                if ((v & 8) != 0) {
                    sf += scratchF[cell + rowStride];
                    st += scratchT[cell + rowStride];
                }
                double sig = sw * sf + sb;
                nextSigma[cell] = sig;
                nextTheta[cell] = sig + sw * st;
            }
            double[] t = sigma;
            sigma = nextSigma;
            nextSigma = t;
            t = theta;
            theta = nextTheta;
            nextTheta = t;
        }
        // the dense output layer on the flattened or pooled last feature maps
        moments(va[k.depth() - 1], vb[k.depth() - 1]);
        double sf = 0;
        double st = 0;
        for (int cell = 0; cell < cells; cell++) {
            sf += f[cell];
            st += theta[cell] * g[cell];
        }
        double w2 = k.sigmaW() * k.sigmaW() / cells;
        result[0] = w2 * sf + sb;
        result[1] = result[0] + w2 * st;
    }

    /** E[φφ] into f and E[φ'φ'] into g at every cell, from 𝒦_l and the images' own variances. */
    private void moments(double[] va, double[] vb) {
        for (int cell = 0; cell < sigma.length; cell++) {
            moments.compute(va[cellP[cell]], sigma[cell], vb[cellQ[cell]], out);
            f[cell] = out[0];
            g[cell] = out[1];
        }
    }
}
