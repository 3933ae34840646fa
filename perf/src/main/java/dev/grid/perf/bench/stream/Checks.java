package dev.grid.perf.bench.stream;

import dev.grid.perf.bench.signal.StopSignal;

/** What every run checks at its end: no window result with a wrong value, and each product's total right in the whole sink. */
final class Checks {
    private Checks() {
    }

    /** @return the run, failed if its sink holds a wrong value */
    static StreamRun apply(StreamRun run, Lane lane, ExpectedResults expected, StopSignal stop) {
        if (stop.stopping()) {
            return run;
        }
        StreamRun checked = run;
        if (expected.wrongCount() > 0) {
            checked = checked.failed(expected.wrongCount() + " window results differ from their events' sums: "
                    + String.join("; ", expected.wrong()));
        }
        String totals = SumCheck.differences(expected.totals(), lane.allResults());
        if (totals != null) {
            checked = checked.failed(totals);
        }
        return checked;
    }
}
