package io.ntkstudio.network;

import io.ntkstudio.input.InvalidInputException;

/**
 * The 3 × 3 patches of an s × s image with SAME zero padding: for position p = (r, c) and offset
 * k = 3(dr + 1) + (dc + 1), the position (r + dr, c + dc), or −1 where it is padding. Immutable.
 */
public final class Patches {
    private final int side;
    private final int[] at;

    /** The side s of square images of {@code dim} pixels, refused in one line when dim is not a square. */
    public static int sideOf(int dim) {
        int s = (int) Math.round(Math.sqrt(dim));
        if (s * s != dim) {
            throw new InvalidInputException("network.architecture \"conv\" needs square one-channel images, but the inputs have " + dim
                    + " columns, which is not a square (s × s pixels, e.g. 64 for 8 × 8); use architecture \"dense\" or other data");
        }
        return s;
    }

    public Patches(int side) {
        this.side = side;
        this.at = new int[side * side * 9];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                for (int k = 0; k < 9; k++) {
                    int rr = r + k / 3 - 1;
                    int cc = c + k % 3 - 1;
                    at[(r * side + c) * 9 + k] = rr >= 0 && rr < side && cc >= 0 && cc < side ? rr * side + cc : -1;
                }
            }
        }
    }

    /** s², the positions. */
    public int size() {
        return side * side;
    }

    /** The position at offset k of p's patch, or −1 for padding. */
    public int at(int p, int k) {
        return at[p * 9 + k];
    }

    /**
     * The patch rows (i, p) × (k·C_in + c') of n images' feature maps with C_in channels
     * (position-major, (i·s² + p)·C_in + c'), into {@code out}; padding is 0 (im2col).
     */
    void im2col(double[] maps, int n, int cin, double[] out) {
        int s2 = size();
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < s2; p++) {
                int row = (i * s2 + p) * 9 * cin;
                for (int k = 0; k < 9; k++) {
                    int q = at(p, k);
                    if (q >= 0) {
                        System.arraycopy(maps, (i * s2 + q) * cin, out, row + k * cin, cin);
                    } else {
                        java.util.Arrays.fill(out, row + k * cin, row + (k + 1) * cin, 0.0);
                    }
                }
            }
        }
    }

    /** The gradient with respect to the feature maps from the one with respect to their patch rows, into {@code out}: each patch entry adds to its pixel (col2im). */
    void col2im(double[] dPatches, int n, int cin, double[] out) {
        int s2 = size();
        java.util.Arrays.fill(out, 0, n * s2 * cin, 0.0);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < s2; p++) {
                int row = (i * s2 + p) * 9 * cin;
                for (int k = 0; k < 9; k++) {
                    int q = at(p, k);
                    if (q < 0) {
                        continue;
                    }
                    int to = (i * s2 + q) * cin;
                    for (int ch = 0; ch < cin; ch++) {
                        out[to + ch] += dPatches[row + k * cin + ch];
                    }
                }
            }
        }
    }
}
