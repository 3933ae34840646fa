package dev.grid.lock.test;

import dev.grid.core.Grid;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.lock.impl.CpService;
import dev.grid.lock.impl.LockService;
import dev.grid.lock.impl.proxy.SessionManager;
import dev.grid.lock.impl.raft.CpGroupView;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Reaches into members' CP services: who leads, the group's view, sessions. */
public final class CpTestSupport {
    private CpTestSupport() {
    }

    public static CpService cp(Grid member) {
        return EmbeddedGrid.nodeEngine(member.hazelcast()).getService(CpService.SERVICE_NAME);
    }

    public static SessionManager sessions(Grid member) {
        LockService service = EmbeddedGrid.nodeEngine(member.hazelcast()).getService(LockService.SERVICE_NAME);
        return service.sessions();
    }

    public static UUID uuid(Grid member) {
        return member.hazelcast().getCluster().getLocalMember().getUuid();
    }

    /** @return the member that leads the CP group, if one of these does and the others agree */
    public static Optional<Grid> leader(List<Grid> members) {
        for (Grid member : members) {
            if (member.isRunning() && cp(member).group().isLeader()) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    /** Waits until one of these members leads and every running CP member among them knows it. */
    public static Grid awaitLeader(List<Grid> members, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(10)).until(() -> {
            Optional<Grid> leader = leader(members);
            if (leader.isEmpty()) {
                return false;
            }
            UUID uuid = uuid(leader.get());
            for (Grid member : members) {
                if (member.isRunning() && cp(member).group().isMember() && !uuid.equals(cp(member).group().leader())) {
                    return false;
                }
            }
            return true;
        });
        return leader(members).orElseThrow();
    }

    public static CpGroupView view(Grid member) {
        return cp(member).group().view();
    }
}
