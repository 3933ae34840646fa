package dev.grid.monitor.impl.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The JSON of {@link dev.grid.monitor.HeuristicOutcome}, in the cluster map {@code grid.monitor.heuristics} and the API. */
@JsonPropertyOrder({"txId", "outcome", "node", "resources", "at", "publisher"})
interface HeuristicOutcomeMixIn {
    @JsonProperty("at")
    long atMillis();
}
