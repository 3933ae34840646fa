package dev.grid.perf.bench.stream;

import java.util.SplittableRandom;

/** The events' products and amounts: a seeded sequence, the same for both systems; each amount 1 to 100. */
final class Sales {
    private final SplittableRandom random;
    private final int products;
    private int product;
    private long amount;

    Sales(long seed, int products) {
        this.random = new SplittableRandom(seed);
        this.products = products;
    }

    /** Draws the next event's product and amount. */
    void next() {
        product = random.nextInt(products);
        amount = 1 + random.nextInt(100);
    }

    int product() {
        return product;
    }

    long amount() {
        return amount;
    }
}
