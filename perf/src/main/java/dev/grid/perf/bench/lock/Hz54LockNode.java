package dev.grid.perf.bench.lock;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.lock.FencedLock;

import java.util.Arrays;
import java.util.List;

/**
 * Hazelcast 5.4's side of {@code grid bench lock}, run in child JVMs whose class path is only
 * Hazelcast 5.4.0's jar and this class with {@link LockLoop}. Compiled against Hazelcast 5.7 using
 * only APIs that 5.4 has unchanged: {@code Hazelcast.newHazelcastInstance}, the network and join
 * config, {@code getCPSubsystemConfig().setCPMemberCount(3)}, {@code HazelcastClient} and
 * {@code getCPSubsystem().getLock(name)}.
 *
 * <pre>
 * member CLUSTER PORT ADDR,ADDR,ADDR                       # a CP member; prints READY, stops when stdin closes
 * driver CLUSTER ADDR,ADDR,ADDR WARMUP_MS DURATION_MS THREADS   # a client; prints RESULT lines (see LockLoop)
 * </pre>
 */
public final class Hz54LockNode {
    /** The line a member prints once started. */
    public static final String READY = "HZ54-READY";
    private static final int CP_MEMBERS = 3;
    private static final long GROUP_TIMEOUT_SECONDS = 120;

    private Hz54LockNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("member")) {
            member(args[1], Integer.parseInt(args[2]), Arrays.asList(args[3].split(",")));
        } else if (args.length == 6 && args[0].equals("driver")) {
            driver(args[1], Arrays.asList(args[2].split(",")), Long.parseLong(args[3]), Long.parseLong(args[4]), Integer.parseInt(args[5]));
        } else {
            System.err.println("usage: member CLUSTER PORT ADDRESSES | driver CLUSTER ADDRESSES WARMUP_MS DURATION_MS THREADS");
            System.exit(2);
        }
    }

    private static void member(String cluster, int port, List<String> addresses) throws Exception {
        Config config = new Config();
        config.setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(addresses);
        config.getCPSubsystemConfig().setCPMemberCount(CP_MEMBERS);
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        System.out.println(READY + " " + ProcessHandle.current().pid());
        System.out.flush();
        byte[] buffer = new byte[64];
        while (System.in.read(buffer) >= 0) {
            Arrays.fill(buffer, (byte) 0);
        }
        hz.getLifecycleService().terminate();
        System.exit(0);
    }

    private static void driver(String cluster, List<String> addresses, long warmupMillis, long durationMillis, int threads)
            throws InterruptedException {
        ClientConfig config = new ClientConfig();
        config.setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setAddresses(addresses);
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        try {
            FencedLock lock = client.getCPSubsystem().getLock("bench");
            LockLoop.awaitUsable(lock, GROUP_TIMEOUT_SECONDS);
            LockLoop.phase("uncontended", lock, 1, warmupMillis, durationMillis);
            LockLoop.phase("contended", lock, threads, warmupMillis, durationMillis);
        } finally {
            client.shutdown();
        }
        System.exit(0);
    }
}
