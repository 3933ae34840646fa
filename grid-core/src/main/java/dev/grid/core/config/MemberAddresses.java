package dev.grid.core.config;

import dev.grid.core.config.GridConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Member addresses as grid's configuration writes them, {@code host}, {@code host:port} or
 * {@code host:first-last}, checked and expanded in this one place for the member's TCP/IP join list
 * ({@code grid.network.members}) and the client's address list. Hazelcast takes {@code host:port}
 * only (a range stopped a member with {@code NumberFormatException}): a range becomes one address per
 * port. A bare host stays bare; Hazelcast then tries its default ports.
 */
public final class MemberAddresses {
    /** The most ports one range may span, as many as port auto-increment tries. */
    public static final int MAX_RANGE_PORTS = 100;

    private static final Pattern ADDRESS = Pattern.compile(
            "(?<host>[A-Za-z0-9._\\-]+|\\[[0-9A-Fa-f:.]+\\])(?::(?<first>\\d{1,5})(?:-(?<last>\\d{1,5}))?)?");

    private MemberAddresses() {
    }

    /**
     * @param key     the configuration key, for the message
     * @param address the address as configured
     * @return the address, trimmed
     * @throws GridConfigException naming the key and the value when it is not {@code host}, {@code host:port} or
     *                             {@code host:first-last} with ports 1..65535, first &lt;= last, at most
     *                             {@value #MAX_RANGE_PORTS} ports in a range
     */
    public static String check(String key, String address) {
        Matcher m = address == null ? null : ADDRESS.matcher(address.trim());
        if (m == null || !m.matches()) {
            throw new GridConfigException(key, key + " must be host, host:port or host:first-last, was " + quote(address));
        }
        if (m.group("first") != null) {
            int first = Integer.parseInt(m.group("first"));
            int last = m.group("last") == null ? first : Integer.parseInt(m.group("last"));
            if (first < 1 || last > 65535 || last < first) {
                throw new GridConfigException(key, key + " must have ports between 1 and 65535 (first <= last), was " + quote(address));
            }
            if (last - first + 1 > MAX_RANGE_PORTS) {
                throw new GridConfigException(key, key + " must span at most " + MAX_RANGE_PORTS + " ports, was " + quote(address)
                        + " (" + (last - first + 1) + " ports)");
            }
        }
        return address.trim();
    }

    /**
     * @param address a checked address
     * @return {@code host:first-last} as one {@code host:port} per port in order; any other address unchanged
     */
    public static List<String> expand(String address) {
        Matcher m = ADDRESS.matcher(address);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a checked member address: " + quote(address));
        }
        if (m.group("last") == null) {
            return List.of(address);
        }
        List<String> addresses = new ArrayList<>();
        for (int port = Integer.parseInt(m.group("first")), last = Integer.parseInt(m.group("last")); port <= last; port++) {
            addresses.add(m.group("host") + ":" + port);
        }
        return addresses;
    }

    /** @return every address of the list expanded, in order */
    public static List<String> expandAll(List<String> addresses) {
        List<String> expanded = new ArrayList<>();
        addresses.forEach(address -> expanded.addAll(expand(address)));
        return expanded;
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
