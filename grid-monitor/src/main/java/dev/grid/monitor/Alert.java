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
 * @param activeAtMillis  the evaluation that first saw the rule's condition hold (epoch ms of its evaluation interval
 *                        boundary, on the evaluating member's clock); the alert fired at the first evaluation at least
 *                        {@code for} later
 * @param firedAtMillis   the evaluation that fired it (epoch ms, an evaluation interval boundary)
 * @param resolvedAtMillis the evaluation that resolved it (epoch ms, an evaluation interval boundary; 0 while firing)
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
