package io.ntkstudio.network;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which train points step t uses. Full batch: all n, in order. Minibatches of B: epoch e is a
 * permutation of 0 … n − 1 drawn from (seed, e) and cut into ⌈n/B⌉ batches in turn; the last one
 * keeps the n mod B points left over (nothing is dropped), and its loss is averaged over its own
 * size. A batch lists its indices ascending, so B = n is full batch to the bit. Any step can be
 * asked for in any order: the network, the linearised models and the Gaussian process each read
 * the same sequence. Caches one epoch; owned by one thread.
 */
public final class BatchSchedule {
    private final int n;
    private final int size;
    private final long seed;
    private final int perEpoch;
    private final int[] order;
    private final int[] batch;
    private long cachedEpoch = -1;

    /** {@code size} = n is full batch. */
    public BatchSchedule(int n, int size, long seed) {
        if (size < 1 || size > n) {
            throw new IllegalArgumentException("batch size " + size + " on " + n + " points");
        }
        this.n = n;
        this.size = size;
        this.seed = seed;
        this.perEpoch = (n + size - 1) / size;
        this.order = new int[n];
        this.batch = new int[size];
    }

    /** The same sequence, with a cache of its own: for another thread. */
    public BatchSchedule copy() {
        return new BatchSchedule(n, size, seed);
    }

    public boolean fullBatch() {
        return size == n;
    }

    public int batchSize() {
        return size;
    }

    /**
     * Step {@code t}'s batch: its indices, ascending, in the first {@link #count(long)} entries of
     * the returned buffer (valid until the next call).
     */
    public int[] indices(long t) {
        if (fullBatch()) {
            if (cachedEpoch != 0) {
                for (int i = 0; i < n; i++) {
                    batch[i] = i;
                }
                cachedEpoch = 0;
            }
            return batch;
        }
        long epoch = t / perEpoch;
        if (epoch != cachedEpoch) {
            permute(epoch);
        }
        int start = (int) (t % perEpoch) * size;
        int count = count(t);
        System.arraycopy(order, start, batch, 0, count);
        Arrays.sort(batch, 0, count);
        return batch;
    }

    /** How many points step {@code t} uses: B, or the remainder for an epoch's last batch. */
    public int count(long t) {
        int k = (int) (t % perEpoch);
        return k < perEpoch - 1 ? size : n - (perEpoch - 1) * size;
    }

    private void permute(long epoch) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        cachedEpoch = epoch;
    }
}
