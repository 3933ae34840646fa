package dev.grid.server.impl.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Cuts the links between members on the loopback interface with Linux traffic control: every
 * packet from one member's address to the others' is dropped, while the client's traffic, from
 * 127.0.0.1, still flows. TCP keeps what it could not deliver in its retransmission queue, so a
 * member killed while cut takes that data with it: the backups it sent in the meantime never
 * arrive, although it answered the client.
 *
 * <p>How: an {@code htb} root qdisc on {@code lo} whose default class passes everything (at a rate
 * no loopback reaches) and whose second class ends in a {@code blackhole} qdisc; a {@code u32}
 * filter sends the cut packets there. (The small kernels of CI machines lack {@code netem} and
 * the drop action; these two qdiscs and u32 are there.) The root qdisc is added on the first cut
 * and removed when the last filter goes. Every filter of a run has a priority of its own and goes
 * at {@link #heal()} and {@link #close()}. Needs root and {@code tc} (iproute2);
 * {@link #unavailableReason()} says why not.
 */
final class LoopbackCut implements AutoCloseable {
    private static final String DEVICE = "lo";
    private static final String PASS = "1:10";
    private static final String DROP = "1:20";

    private final int priority = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
    private boolean cut;

    /** @return null if links can be cut here, else why not */
    static String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "cutting links needs root (tc), this runs as " + System.getProperty("user.name");
        }
        for (List<String> probe : List.of(List.of("tc", "qdisc", "show", "dev", DEVICE), List.of("ss", "-V"))) {
            try {
                Result result = run(probe);
                if (result.exit != 0) {
                    return "'" + String.join(" ", probe) + "' failed: " + result.output.trim();
                }
            } catch (IOException e) {
                return "no '" + probe.get(0) + "' command (install iproute2): " + e.getMessage();
            }
        }
        return null;
    }

    /**
     * Drops every packet {@code member} sends to each of {@code others}, except TCP resets. The other
     * direction still flows: once the member is dead, its kernel answers the others' packets with
     * resets and they see it go at once, while the data it had not delivered stays undelivered (its
     * kernel goes on retransmitting it into the cut).
     */
    void cutOutgoing(String member, List<String> others) {
        ensureRootQdisc();
        cut = true;
        for (String other : others) {
            // the TCP flags byte is at 33: a 20-byte IP header (loopback packets carry no options), then 13
            tc("filter", "add", "dev", DEVICE, "parent", "1:", "protocol", "ip", "prio", Integer.toString(priority), "u32",
                    "match", "ip", "src", member + "/32", "match", "ip", "dst", other + "/32", "match", "ip", "protocol", "6", "0xff",
                    "match", "u8", "0x04", "0x04", "at", "33", "flowid", PASS);
            tc("filter", "add", "dev", DEVICE, "parent", "1:", "protocol", "ip", "prio", Integer.toString(priority + 1), "u32",
                    "match", "ip", "src", member + "/32", "match", "ip", "dst", other + "/32", "flowid", DROP);
        }
    }

    /**
     * Aborts every TCP connection of a dead member's address ({@code ss -K src ADDRESS}): its kernel
     * forgets the data it had not delivered, as a machine that lost power would, and resets the
     * connections (the resets pass the cut). Without it the kernel would retransmit that data once
     * the cut heals, long after the process died.
     */
    void abortConnectionsOf(String member) {
        List<String> command = List.of("ss", "-K", "-t", "src", member);
        try {
            Result result = run(command);
            if (result.exit != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed (exit " + result.exit + "): "
                        + result.output.trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run '" + String.join(" ", command) + "': " + e.getMessage(), e);
        }
    }

    /** Removes this run's filters, and the root qdisc when no filter is left. */
    void heal() {
        if (!cut) {
            return;
        }
        tc("filter", "del", "dev", DEVICE, "parent", "1:", "prio", Integer.toString(priority));
        tc("filter", "del", "dev", DEVICE, "parent", "1:", "prio", Integer.toString(priority + 1));
        cut = false;
        if (tc("filter", "show", "dev", DEVICE, "parent", "1:").isBlank()) {
            tc("qdisc", "del", "dev", DEVICE, "root");
        }
    }

    private static void ensureRootQdisc() {
        String qdiscs = tc("qdisc", "show", "dev", DEVICE);
        if (qdiscs.contains("qdisc htb 1: root")) {
            return;
        }
        if (!qdiscs.contains("qdisc noqueue 0: root")) {
            throw new IllegalStateException("lo has a root qdisc of its own; not replacing it to cut links: " + qdiscs.trim());
        }
        tc("qdisc", "add", "dev", DEVICE, "root", "handle", "1:", "htb", "default", "10");
        tc("class", "add", "dev", DEVICE, "parent", "1:", "classid", PASS, "htb", "rate", "100gbit");
        tc("class", "add", "dev", DEVICE, "parent", "1:", "classid", DROP, "htb", "rate", "100gbit");
        tc("qdisc", "add", "dev", DEVICE, "parent", DROP, "handle", "20:", "blackhole");
    }

    @Override
    public void close() {
        heal();
    }
    private static String tc(String... args) {
        List<String> command = new ArrayList<>();
        command.add("tc");
        command.addAll(List.of(args));
        try {
            Result result = run(command);
            if (result.exit != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed (exit " + result.exit + "): "
                        + result.output.trim());
            }
            return result.output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run '" + String.join(" ", command) + "': " + e.getMessage(), e);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("'" + String.join(" ", command) + "' did not finish within 10 s");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }
}
