package dev.grid.server.impl.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one {@code grid chaos} run does.
 *
 * @param kills                     members killed, one at a time (each restarted before the next kill)
 * @param faults                    how they are killed, in turn
 * @param members                   {@code grid start} member processes
 * @param writers                   client threads writing sequence numbers, each to its own keys
 * @param keys                      keys written
 * @param inFlightPerWriter         asynchronous writes each writer keeps outstanding (at most one per key)
 * @param writesPerSecond           all writers together, 0 for as fast as the cluster answers
 * @param partitions                the cluster's partition count
 * @param memberJvmOptions          JVM options of every member process besides grid's own flags (heap, JIT)
 * @param directory                 where member configurations, data and logs go
 * @param indeterminateAsSuccess    the mutant: members and client treat an indeterminate write (backup
 *                                  acknowledgement missing) as a success, as Hazelcast does by default
 * @param seed                      seeds the choice of victims
 * @param settleTimeout             how long the cluster may take to be safe again after a kill or a restart
 */
public record ChaosSettings(int kills, List<ChaosFault> faults, int members, int writers, int keys, int inFlightPerWriter, int writesPerSecond, int partitions,
                            List<String> memberJvmOptions, Path directory, boolean indeterminateAsSuccess, long seed,
                            Duration settleTimeout) {

    public ChaosSettings {
        positive("kills", kills, 0);
        faults = List.copyOf(faults);
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("faults must name at least one fault");
        }
        positive("members", members, 2);
        positive("writers", writers, 1);
        positive("keys", keys, writers);
        positive("inFlightPerWriter", inFlightPerWriter, 1);
        positive("writesPerSecond", writesPerSecond, 0);
        positive("partitions", partitions, 1);
        memberJvmOptions = List.copyOf(memberJvmOptions);
        if (inFlightPerWriter * 2 > keys / writers) {
            throw new IllegalArgumentException("each writer needs at least twice as many keys as writes in flight: keys/writers = "
                    + keys / writers + ", inFlightPerWriter = " + inFlightPerWriter);
        }
    }

    private static void positive(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }
}
