package dev.grid.lock.impl;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.Grid;
import dev.grid.core.GridMode;
import dev.grid.core.config.StructureNames;
import dev.grid.core.spi.MemberContext;
import dev.grid.lock.CpStatus;
import dev.grid.lock.GridLocks;
import dev.grid.lock.LockInfo;
import dev.grid.lock.LockOwner;
import dev.grid.lock.LockWaiter;
import dev.grid.lock.impl.commands.DescribeLocksQuery;
import dev.grid.lock.impl.statemachine.LocksDescription;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** grid-lock's {@link GridLocks}: locks are Hazelcast distributed objects of {@link LockService}; the rest asks {@link CpService}. */
public final class DefaultGridLocks implements GridLocks {
    private static final Set<Grid> WITH_METRICS = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    private final Grid grid;

    DefaultGridLocks(Grid grid) {
        this.grid = grid;
    }

    /** @return the locks of the grid's cluster; on a member, the CP group's metrics registered once per grid */
    static GridLocks of(Grid grid) {
        Objects.requireNonNull(grid, "grid must not be null");
        if (grid.mode() == GridMode.EMBEDDED && WITH_METRICS.add(grid)) {
            CpService cp = MemberContext.of(grid).service(CpService.class);
            grid.metrics().register(new CpMetrics(cp));
        }
        return new DefaultGridLocks(grid);
    }

    @Override
    public FencedLock get(String name) {
        StructureNames.check(LockService.NAME_KIND, name);
        return (FencedLock) grid.hazelcast().getDistributedObject(LockService.SERVICE_NAME, name);
    }

    @Override
    public List<LockInfo> describe() {
        try {
            return describeAsync().toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    @Override
    public CompletionStage<List<LockInfo>> describeAsync() {
        if (grid.mode() != GridMode.EMBEDDED) {
            throw new UnsupportedOperationException("GridLocks.describe() runs on members; on a client, read a member's monitor "
                    + "(GET /api/locks)");
        }
        CpService cp = MemberContext.of(grid).service(CpService.class);
        return cp.invoker().invoke(new DescribeLocksQuery()).thenApply(answer -> toInfos((LocksDescription) answer));
    }

    private static List<LockInfo> toInfos(LocksDescription description) {
        List<LockInfo> infos = new ArrayList<>();
        for (LocksDescription.Entry entry : description.entries()) {
            List<LockWaiter> waiters = new ArrayList<>();
            for (int i = 0; i < entry.waiters.size(); i++) {
                waiters.add(new LockWaiter(owner(entry.waiters.get(i)), entry.waitingSince.get(i)));
            }
            infos.add(new LockInfo(entry.name, entry.fence, entry.count, owner(entry.holder), entry.acquiredAt, waiters));
        }
        return infos;
    }

    private static LockOwner owner(LocksDescription.Owner owner) {
        return new LockOwner(owner.sessionId(), owner.owner(), owner.ownerName(), owner.threadId());
    }

    @Override
    public CpStatus status() {
        CpService cp = cpService();
        boolean formed = cp.group().view() != null;
        return new CpStatus(cp.config().getMemberCount() > 0, formed, formed && cp.membership().majorityAvailable(), cp.group().isLeader());
    }

    private CpService cpService() {
        if (grid.mode() != GridMode.EMBEDDED) {
            throw new UnsupportedOperationException("the CP group's status is known on members; on a client, read a member's monitor "
                    + "(GET /api/locks)");
        }
        return MemberContext.of(grid).service(CpService.class);
    }

    @Override
    public Grid grid() {
        return grid;
    }

    @Override
    public String toString() {
        return "GridLocks[" + grid + "]";
    }
}
