package dev.grid.core.config;

import dev.grid.core.config.MemberAddresses;

import java.util.ArrayList;
import java.util.List;

/**
 * How a member finds and talks to the others ({@code grid.network.*} in {@code grid.yaml}).
 * Members join over TCP/IP to the listed addresses; multicast is off unless enabled.
 * The defaults form a cluster of members on this machine (127.0.0.1, ports from 5701).
 *
 * @since 0.1
 */
public final class GridNetworkConfig {
    /** Default port of the first member on a host. */
    public static final int DEFAULT_PORT = 5701;

    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private boolean portAutoIncrement = true;
    private List<String> members = List.of("127.0.0.1");
    private boolean multicast;

    /** @return the address this member binds to and announces to the others (default 127.0.0.1) */
    public String getHost() {
        return host;
    }

    public GridNetworkConfig setHost(String host) {
        this.host = Require.nonBlank("grid.network.host", host);
        return this;
    }

    /** @return the port this member listens on, or the first one tried with auto-increment (default 5701) */
    public int getPort() {
        return port;
    }

    public GridNetworkConfig setPort(int port) {
        this.port = Require.between("grid.network.port", port, 1, 65535);
        return this;
    }

    /** @return whether the next port is tried when the configured one is taken (default true) */
    public boolean isPortAutoIncrement() {
        return portAutoIncrement;
    }

    public GridNetworkConfig setPortAutoIncrement(boolean portAutoIncrement) {
        this.portAutoIncrement = portAutoIncrement;
        return this;
    }

    /**
     * @return the addresses joined over TCP/IP: {@code host} (ports port..port+2),
     *         {@code host:port} or {@code host:first-last} (every port of the range, at most 100); default {@code [127.0.0.1]}
     */
    public List<String> getMembers() {
        return members;
    }

    public GridNetworkConfig setMembers(List<String> members) {
        Require.nonNull("grid.network.members", members);
        List<String> checked = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            checked.add(MemberAddresses.check("grid.network.members[" + i + "]", members.get(i)));
        }
        this.members = List.copyOf(checked);
        return this;
    }

    /** @return whether members also discover each other by multicast (default false) */
    public boolean isMulticast() {
        return multicast;
    }

    public GridNetworkConfig setMulticast(boolean multicast) {
        this.multicast = multicast;
        return this;
    }

    void validate() {
        if (members.isEmpty() && !multicast) {
            throw new GridConfigException("grid.network.members",
                    "grid.network.members must list at least one address when grid.network.multicast is false, was []");
        }
    }
}
