package dev.grid.monitor.impl.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The JSON of {@link dev.grid.monitor.LogEntry} in the API. */
@JsonPropertyOrder({"sequence", "time", "member", "severity", "source", "message"})
interface LogEntryMixIn {
    @JsonProperty("time")
    long timeMillis();
}
