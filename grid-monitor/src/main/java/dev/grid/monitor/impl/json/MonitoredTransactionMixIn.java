package dev.grid.monitor.impl.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The JSON of {@link dev.grid.monitor.MonitoredTransaction} in the cluster map {@code grid.monitor.transactions}. */
@JsonPropertyOrder({"txId", "state", "node", "resources", "beganAt", "preparedAt", "publisher"})
interface MonitoredTransactionMixIn {
    @JsonProperty("beganAt")
    long beganAtMillis();

    @JsonProperty("preparedAt")
    long preparedAtMillis();
}
