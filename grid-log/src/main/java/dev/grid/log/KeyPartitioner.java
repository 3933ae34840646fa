package dev.grid.log;

/**
 * The stable hash that places a keyed record: murmur3 (x86, 32 bit, seed 0x01000193) of the key's bytes,
 * made non-negative, modulo the partition count. Written out here, not taken from a library, because it
 * must never change: every member and client, of every version, must place a key in the same partition.
 */
final class KeyPartitioner {
    private static final int SEED = 0x01000193;

    private KeyPartitioner() {
    }

    static int partition(byte[] key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions " + partitions + " must be positive");
        }
        return (murmur3(key) & 0x7fffffff) % partitions;
    }

    static int murmur3(byte[] data) {
        int h = SEED;
        int n = data.length & ~3;
        for (int i = 0; i < n; i += 4) {
            int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | (data[i + 3] & 0xff) << 24;
            h ^= mix(k);
            h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
        }
        int tail = data.length & 3;
        if (tail > 0) {
            int k = data[n] & 0xff;
            if (tail > 1) {
                k |= (data[n + 1] & 0xff) << 8;
            }
            if (tail > 2) {
                k |= (data[n + 2] & 0xff) << 16;
            }
            h ^= mix(k);
        }
        h ^= data.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int mix(int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        return k * 0x1b873593;
    }
}
