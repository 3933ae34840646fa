package dev.grid.lock;

import dev.grid.core.GridEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events grid-lock publishes on a member's event bus ({@code grid.events()}), one record per kind (why
 * records: {@link GridEvent}). Each member publishes what it sees of the CP group, so a cluster-wide change is
 * published by every member that sees it.
 *
 * @since 0.1
 */
public sealed interface CpEvent extends GridEvent permits CpEvent.MajorityLost, CpEvent.MajorityRegained {

    /** @return the CP group's id */
    String group();

    /**
     * A majority of the CP group's voting members has been missing from the cluster for longer than
     * {@code grid.cp.leaderHeartbeatTimeout} (on the member's clock): FencedLock calls fail until enough of them
     * return (they time out after {@code grid.cp.sessionTtl}). ERROR.
     *
     * @param present voting members in the cluster
     * @param voting  voting members of the group
     */
    record MajorityLost(long timeMillis, String group, int present, int voting) implements CpEvent {
        /** The kind's name. */
        public static final String TYPE = "cp.majority-lost";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Severity severity() {
            return Severity.ERROR;
        }

        @Override
        public String message() {
            return "the CP group " + group + " has lost its majority: " + present + " of its " + voting
                    + " voting members are in the cluster, it needs " + (voting / 2 + 1) + "; FencedLock calls fail until enough of them return";
        }

        @Override
        public Map<String, String> attributes() {
            return CpEvent.attributes(group, present, voting);
        }
    }

    /**
     * The CP group has a majority of its voting members in the cluster again, after {@link MajorityLost}. WARN (so it
     * reaches the cluster's log next to the loss).
     *
     * @param present voting members in the cluster
     * @param voting  voting members of the group
     */
    record MajorityRegained(long timeMillis, String group, int present, int voting) implements CpEvent {
        /** The kind's name. */
        public static final String TYPE = "cp.majority-regained";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Severity severity() {
            return Severity.WARN;
        }

        @Override
        public String message() {
            return "the CP group " + group + " has a majority again: " + present + " of its " + voting + " voting members are in the cluster";
        }

        @Override
        public Map<String, String> attributes() {
            return CpEvent.attributes(group, present, voting);
        }
    }

    private static Map<String, String> attributes(String group, int present, int voting) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("group", group);
        attributes.put("present", Integer.toString(present));
        attributes.put("voting", Integer.toString(voting));
        return attributes;
    }
}
