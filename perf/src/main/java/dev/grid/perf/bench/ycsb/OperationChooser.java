package dev.grid.perf.bench.ycsb;

import java.util.Map;
import java.util.SplittableRandom;

/** Draws operations in fixed proportions (YCSB's {@code DiscreteGenerator}). Immutable, thread-safe. */
public final class OperationChooser {
    private final Operation[] operations;
    private final double[] cumulative;

    OperationChooser(Map<Operation, Double> proportions) {
        operations = new Operation[proportions.size()];
        cumulative = new double[proportions.size()];
        double total = proportions.values().stream().mapToDouble(Double::doubleValue).sum();
        double sum = 0;
        int i = 0;
        for (Map.Entry<Operation, Double> e : proportions.entrySet()) {
            sum += e.getValue() / total;
            operations[i] = e.getKey();
            cumulative[i] = sum;
            i++;
        }
        cumulative[cumulative.length - 1] = 1.0;
    }

    /** @return the next operation */
    public Operation next(SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return operations[i];
            }
        }
        return operations[operations.length - 1];
    }
}
