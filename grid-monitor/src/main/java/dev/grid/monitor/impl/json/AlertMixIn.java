package dev.grid.monitor.impl.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/** The JSON of {@link dev.grid.monitor.Alert}, in the alert map, the API and webhook posts: times in epoch ms named without "Millis", labels sorted. */
@JsonPropertyOrder({"id", "rule", "severity", "summary", "state", "scope", "labels", "value", "activeAt", "firedAt", "resolvedAt", "evaluatedBy"})
interface AlertMixIn {
    @JsonFormat(with = JsonFormat.Feature.WRITE_SORTED_MAP_ENTRIES)
    Map<String, String> labels();

    @JsonProperty("activeAt")
    long activeAtMillis();

    @JsonProperty("firedAt")
    long firedAtMillis();

    @JsonProperty("resolvedAt")
    long resolvedAtMillis();
}
