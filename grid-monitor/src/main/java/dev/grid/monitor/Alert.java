package dev.grid.monitor;

import java.util.Map;

/**
 * An alert, firing or resolved, as kept in the cluster's alert map (it survives the loss of the
 * member that evaluated it).
 *
 * @param id              rule, scope and series: unique per alert
 * @param rule            the rule's name
 * @param severity        {@code info}, {@code warning} or {@code critical}
 * @param summary         the rule's summary
 * @param state           {@code FIRING} or {@code RESOLVED}
 * @param scope           {@code cluster}, or the address of the member whose metric fired
 * @param labels          the labels of the series that fired
 * @param value           the series' value when the alert last changed state
 * @param activeAtMillis  when the evaluating member first saw the rule's condition hold (epoch ms); the alert
 *                        fired {@code for} later (at the first evaluation at least that long after)
 * @param firedAtMillis   when it fired (epoch ms)
 * @param resolvedAtMillis when it resolved (epoch ms; 0 while firing)
 * @param evaluatedBy     the address of the member that fired (or resolved) it
 * @since 0.1
 */
public record Alert(String id, String rule, String severity, String summary, String state, String scope, Map<String, String> labels,
                    double value, long activeAtMillis, long firedAtMillis, long resolvedAtMillis, String evaluatedBy) {

    public Alert {
        labels = Map.copyOf(labels);
    }

    public boolean firing() {
        return "FIRING".equals(state);
    }
}
