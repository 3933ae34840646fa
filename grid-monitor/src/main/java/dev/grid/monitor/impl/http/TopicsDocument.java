package dev.grid.monitor.impl.http;

import dev.grid.log.PartitionInfo;
import dev.grid.log.TopicDescription;
import dev.grid.monitor.impl.cluster.LogView;
import dev.grid.monitor.impl.cluster.MemberView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code GET /api/topics}: every grid-log topic with its partitions and the consumer groups reading it. The topics and
 * their partition counts are the cluster's ({@code GridLog.describeTopic}, cached briefly); a partition's row is what its
 * owner last published in its member view (offsets, size, appends and append rates over the owner's refresh interval),
 * or, for a partition no owner has published (its member runs no monitor, or has not published since), the described
 * offsets with no appends. A group's lag is what the member that coordinates it last published. Like
 * {@link MapsDocument}, everything per member comes from the members' views.
 *
 * @param topics  the topics, by name
 * @param problem why the topics could not be described just now (the last description is shown), or null
 */
record TopicsDocument(List<Topic> topics, String problem) {

    static TopicsDocument of(List<TopicDescription> described, String problem, List<MemberView> views) {
        Map<String, Reported> partitions = new HashMap<>();
        Map<String, Map<String, Coordinated>> groups = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>();
        for (MemberView view : views) {
            for (LogView.Partition p : view.log().partitions()) {
                names.add(p.topic());
                partitions.merge(p.topic() + "#" + p.partition(), new Reported(p, view.address(), view.updatedAt()), Reported::newer);
            }
            Map<String, Coordinated> byGroupAndTopic = new LinkedHashMap<>();
            for (LogView.GroupLag lag : view.log().groups()) {
                names.add(lag.topic());
                byGroupAndTopic.computeIfAbsent(lag.group() + "\n" + lag.topic(), k -> new Coordinated(lag.group(), view.address(),
                        view.updatedAt(), new ArrayList<>())).lags().add(lag);
            }
            byGroupAndTopic.values().forEach(c -> groups.computeIfAbsent(c.lags().get(0).topic(), t -> new TreeMap<>())
                    .merge(c.group(), c, Coordinated::newer));
        }
        Map<String, TopicDescription> byName = new HashMap<>();
        described.forEach(d -> byName.put(d.name(), d));
        names.addAll(byName.keySet());
        List<Topic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(topic(name, byName.get(name), partitions, groups.getOrDefault(name, Map.of())));
        }
        return new TopicsDocument(topics, problem);
    }

    private static Topic topic(String name, TopicDescription described, Map<String, Reported> reported, Map<String, Coordinated> groups) {
        Map<Integer, PartitionInfo> infos = new HashMap<>();
        int count = 0;
        if (described != null) {
            count = described.config().getPartitions();
            described.partitions().forEach(info -> infos.put(info.partition(), info));
        } else {
            for (Reported r : reported.values()) {
                if (r.partition().topic().equals(name)) {
                    count = Math.max(count, r.partition().partition() + 1);
                }
            }
            for (Coordinated c : groups.values()) {
                for (LogView.GroupLag lag : c.lags()) {
                    count = Math.max(count, lag.partition() + 1);
                }
            }
        }
        List<Partition> rows = new ArrayList<>();
        long records = 0;
        long size = 0;
        long appendedRecords = 0;
        long appendedBytes = 0;
        double recordsPerSecond = 0;
        double bytesPerSecond = 0;
        for (int p = 0; p < count; p++) {
            Map<String, Long> lag = new LinkedHashMap<>();
            for (Coordinated c : groups.values()) {
                for (LogView.GroupLag l : c.lags()) {
                    if (l.partition() == p) {
                        lag.put(c.group(), l.lag());
                    }
                }
            }
            Reported r = reported.get(name + "#" + p);
            PartitionInfo info = infos.get(p);
            Partition row;
            if (r != null) {
                LogView.Partition v = r.partition();
                row = new Partition(p, r.address(), true, v.startOffset(), v.highWatermark(), v.endOffset(), v.highWatermark() - v.startOffset(),
                        v.sizeBytes(), v.segments(), v.appendedRecords(), v.appendedBytes(), v.segmentsDeleted(), v.recordsPerSecond(),
                        v.bytesPerSecond(), lag);
            } else if (info != null) {
                row = new Partition(p, info.owner(), false, info.startOffset(), info.highWatermark(), info.endOffset(),
                        info.highWatermark() - info.startOffset(), info.sizeBytes(), info.segments(), 0, 0, 0, 0, 0, lag);
            } else {
                continue;
            }
            rows.add(row);
            records += row.records();
            size += row.sizeBytes();
            appendedRecords += row.appendedRecords();
            appendedBytes += row.appendedBytes();
            recordsPerSecond += row.recordsPerSecond();
            bytesPerSecond += row.bytesPerSecond();
        }
        List<Group> groupRows = new ArrayList<>();
        for (Coordinated c : groups.values()) {
            List<GroupPartition> lags = new ArrayList<>();
            long total = 0;
            for (LogView.GroupLag l : c.lags()) {
                lags.add(new GroupPartition(l.partition(), l.committedOffset(), l.highWatermark(), l.lag()));
                total += l.lag();
            }
            groupRows.add(new Group(c.group(), c.coordinator(), total, lags));
        }
        return new Topic(name, count, records, size, appendedRecords, appendedBytes, round(recordsPerSecond), round(bytesPerSecond), rows,
                groupRows);
    }

    private static double round(double perSecond) {
        return Math.round(perSecond * 1000) / 1000.0;
    }

    /**
     * One topic over the cluster; totals are over the partitions shown.
     *
     * @param name             the topic
     * @param partitionCount   its partitions
     * @param records          records kept: the sum of high watermark minus start offset
     * @param sizeBytes        bytes of the owners' segment files
     * @param appendedRecords  records the owners appended while they owned the partitions
     * @param appendedBytes    bytes of those records' batches
     * @param recordsPerSecond records appended per second (the owners' last refresh intervals)
     * @param bytesPerSecond   bytes appended per second
     * @param partitions       its partitions, by index
     * @param groups           the consumer groups with a position in it, by name
     */
    record Topic(String name, int partitionCount, long records, long sizeBytes, long appendedRecords, long appendedBytes,
                 double recordsPerSecond, double bytesPerSecond, List<Partition> partitions, List<Group> groups) {
    }

    /**
     * One partition.
     *
     * @param partition        its index
     * @param owner            its owner's address (null if it has none)
     * @param fromOwner        whether the row is what the owner published (with appends and rates), not the topic's description
     * @param startOffset      first offset still kept
     * @param highWatermark    what readers see up to
     * @param endOffset        the owner's log end
     * @param records          high watermark minus start offset
     * @param sizeBytes        bytes of its segment files on the owner
     * @param segments         its segment files on the owner
     * @param appendedRecords  records the owner appended while it owned it
     * @param appendedBytes    bytes of those records' batches
     * @param segmentsDeleted  segments the owner deleted by retention
     * @param recordsPerSecond records appended per second
     * @param bytesPerSecond   bytes appended per second
     * @param lag              per consumer group, records it has yet to process here
     */
    record Partition(int partition, String owner, boolean fromOwner, long startOffset, long highWatermark, long endOffset, long records,
                     long sizeBytes, int segments, long appendedRecords, long appendedBytes, long segmentsDeleted, double recordsPerSecond,
                     double bytesPerSecond, Map<String, Long> lag) {
    }

    /**
     * A consumer group's position in the topic.
     *
     * @param group       the group
     * @param coordinator the address of the member that coordinates it (and measured the lag)
     * @param lag         records it has yet to process, over the topic's partitions
     * @param partitions  per partition, its committed offset and lag
     */
    record Group(String group, String coordinator, long lag, List<GroupPartition> partitions) {
    }

    /** A group in one partition: committed offset (-1: none), the high watermark it was measured against, lag. */
    record GroupPartition(int partition, long committedOffset, long highWatermark, long lag) {
    }

    /** A partition as a member published it. */
    private record Reported(LogView.Partition partition, String address, long updatedAt) {
        Reported newer(Reported other) {
            return other.updatedAt > updatedAt ? other : this;
        }
    }

    /** A group's lags on one topic as its coordinator's member published them. */
    private record Coordinated(String group, String coordinator, long updatedAt, List<LogView.GroupLag> lags) {
        Coordinated newer(Coordinated other) {
            return other.updatedAt > updatedAt ? other : this;
        }
    }
}
