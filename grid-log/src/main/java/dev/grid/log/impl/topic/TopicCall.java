package dev.grid.log.impl.topic;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.executionservice.ExecutionService;
import com.hazelcast.cluster.Member;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.core.spi.MemberContext;
import dev.grid.log.TopicExistsException;
import dev.grid.log.UnknownTopicException;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.GridLogService;
import dev.grid.log.impl.invoke.MemberCall;
import dev.grid.log.impl.operations.DropTopicOperation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Creates, finds, lists or deletes topics, on any member. The cluster keeps topics in the Hazelcast map
 * {@value #TOPICS_MAP} (name to {@link TopicMeta}, with the cluster's backups); deleting a topic also drops its
 * replicas on every member. Runs on Hazelcast's async executor (it waits for the map).
 */
public final class TopicCall implements MemberCall<Object> {
    /** The Hazelcast map holding the cluster's topics. */
    public static final String TOPICS_MAP = "grid.log.topics";

    /** What the call does. */
    public enum Kind { CREATE, FIND, FIND_OR_CREATE, LIST, DELETE }

    private Kind kind;
    private String name;
    private TopicMeta created;

    public TopicCall() {
    }

    private TopicCall(Kind kind, String name, TopicMeta created) {
        this.kind = kind;
        this.name = name;
        this.created = created;
    }

    public static TopicCall create(GridTopicConfig config, long nowMillis) {
        return new TopicCall(Kind.CREATE, config.getName(), new TopicMeta(config.validate(), UUID.randomUUID(), nowMillis));
    }

    /** Finds a topic; creates it with the member's defaults if {@code grid.log.autoCreateTopics} is on and {@code create}. */
    public static TopicCall find(String name, boolean create) {
        return new TopicCall(create ? Kind.FIND_OR_CREATE : Kind.FIND, name, null);
    }

    public static TopicCall list() {
        return new TopicCall(Kind.LIST, "", null);
    }

    public static TopicCall delete(String name) {
        return new TopicCall(Kind.DELETE, name, null);
    }

    @Override
    public CompletableFuture<Object> run(NodeEngine nodeEngine) {
        return CompletableFuture.supplyAsync(() -> execute(nodeEngine),
                nodeEngine.getExecutionService().getExecutor(ExecutionService.ASYNC_EXECUTOR));
    }

    private Object execute(NodeEngine nodeEngine) {
        HazelcastInstance hz = nodeEngine.getHazelcastInstance();
        IMap<String, TopicMeta> topics = hz.getMap(TOPICS_MAP);
        switch (kind) {
            case CREATE: {
                TopicMeta existing = topics.putIfAbsent(name, created);
                if (existing != null) {
                    throw new TopicExistsException("topic " + name + " exists already: " + existing.config());
                }
                return created;
            }
            case FIND:
            case FIND_OR_CREATE: {
                TopicMeta found = topics.get(name);
                if (found != null) {
                    return found;
                }
                GridConfig config = MemberContext.orDefaults(nodeEngine.getConfig().getUserContext()).config();
                if (kind == Kind.FIND_OR_CREATE && config.getLog().isAutoCreateTopics()) {
                    TopicMeta fresh = new TopicMeta(config.getLog().defaultTopic(name), UUID.randomUUID(), config.getClock().millis());
                    TopicMeta raced = topics.putIfAbsent(name, fresh);
                    return raced != null ? raced : fresh;
                }
                throw UnknownTopicException.of(name);
            }
            case LIST: {
                List<String> names = new ArrayList<>(topics.keySet());
                names.sort(null);
                return names;
            }
            case DELETE: {
                TopicMeta removed = topics.remove(name);
                if (removed == null) {
                    return Boolean.FALSE;
                }
                List<CompletableFuture<Object>> drops = new ArrayList<>();
                for (Member member : nodeEngine.getClusterService().getMembers()) {
                    drops.add(nodeEngine.getOperationService()
                            .invokeOnTarget(GridLogService.SERVICE_NAME, new DropTopicOperation(name, removed.incarnation()), member.getAddress()));
                }
                CompletableFuture.allOf(drops.toArray(new CompletableFuture<?>[0])).join();
                return Boolean.TRUE;
            }
            default:
                throw new IllegalStateException("no such topic call " + kind);
        }
    }

    @Override
    public int getFactoryId() {
        return GridLogDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.TOPIC_CALL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByte(kind.ordinal());
        out.writeString(name);
        out.writeObject(created);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        int k = in.readByte();
        if (k < 0 || k >= Kind.values().length) {
            throw new IOException("no topic call of kind " + k);
        }
        kind = Kind.values()[k];
        name = in.readString();
        created = in.readObject();
    }
}
