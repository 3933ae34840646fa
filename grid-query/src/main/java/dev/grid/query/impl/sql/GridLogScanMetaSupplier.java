package dev.grid.query.impl.sql;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.core.ProcessorMetaSupplier;
import com.hazelcast.jet.core.ProcessorSupplier;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import com.hazelcast.sql.impl.QueryException;
import dev.grid.log.spi.MemberLog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides, on the query's coordinator and once per query, which member reads which log partition: the member that owns
 * the cluster partition the log partition lives on (so the read runs there), or, if that member is not part of the
 * query, one of the others (round robin; its reads go to the owner). Deciding in one place reads every log partition
 * exactly once, whatever the members' views of the partition table when their processors start.
 */
final class GridLogScanMetaSupplier implements ProcessorMetaSupplier, DataSerializable {
    private static final long serialVersionUID = 1L;

    private GridLogScanSupplier template;
    private transient Map<Address, List<Integer>> byOwner;

    @SuppressWarnings("unused")
    GridLogScanMetaSupplier() {
        // for deserialization
    }

    GridLogScanMetaSupplier(GridLogScanSupplier template) {
        this.template = template;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(template);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        template = in.readObject();
    }

    @Override
    public int preferredLocalParallelism() {
        return GridLogScanSupplier.LOCAL_PARALLELISM;
    }

    @Override
    public void init(Context context) {
        HazelcastInstance hz = context.hazelcastInstance();
        MemberLog log = MemberLog.of(hz);
        String topic = template.topic();
        int partitions;
        try {
            partitions = log.partitions(topic);
        } catch (RuntimeException e) {
            throw QueryException.error("reading GridLog topic '" + topic + "': " + e.getMessage(), e);
        }
        byOwner = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            Member owner = hz.getPartitionService().getPartition(log.clusterPartition(topic, p)).getOwner();
            byOwner.computeIfAbsent(owner == null ? null : owner.getAddress(), a -> new ArrayList<>()).add(p);
        }
    }

    @Override
    public Function<? super Address, ? extends ProcessorSupplier> get(List<Address> addresses) {
        Map<Address, List<Integer>> assignment = new HashMap<>();
        int next = 0;
        for (Map.Entry<Address, List<Integer>> owned : byOwner.entrySet()) {
            if (addresses.contains(owned.getKey())) {
                assignment.computeIfAbsent(owned.getKey(), a -> new ArrayList<>()).addAll(owned.getValue());
            } else {
                for (int p : owned.getValue()) {
                    assignment.computeIfAbsent(addresses.get(next++ % addresses.size()), a -> new ArrayList<>()).add(p);
                }
            }
        }
        Map<Address, ProcessorSupplier> suppliers = new HashMap<>();
        for (Address address : addresses) {
            List<Integer> mine = assignment.getOrDefault(address, List.of());
            suppliers.put(address, template.withPartitions(mine.stream().mapToInt(Integer::intValue).toArray()));
        }
        return (FunctionEx<Address, ProcessorSupplier>) suppliers::get;
    }
}
