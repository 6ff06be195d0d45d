package io.ntkstudio.network;

/**
 * The 3 × 3 patches of an s × s image with SAME zero padding: for position p = (r, c) and offset
 * k = 3(dr + 1) + (dc + 1), the position (r + dr, c + dc), or −1 where it is padding. Immutable.
 */
public final class Patches {
    private final int side;
    private final int[] at;

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
}
