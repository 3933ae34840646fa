package dev.grid.lock.impl.statemachine;

import dev.grid.core.GridClock;
import dev.grid.lock.impl.commands.CpCommand;
import dev.grid.lock.impl.commands.NewTermCommand;
import dev.grid.lock.impl.commands.TimedCommand;
import dev.grid.lock.impl.statemachine.LockState.Waiter;
import dev.grid.lock.impl.statemachine.Session.LastCall;
import io.microraft.statemachine.StateMachine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The replicated state behind every FencedLock: sessions, locks, wait queues. MicroRaft applies
 * committed commands to it on its Raft thread, in log order, on every member of the CP group, so
 * every replica holds the same state.
 *
 * <p>Determinism: the state machine never reads a clock. Time comes from the commands: the leader
 * stamps each one with its clock before replicating it ({@link TimedCommand}), and the state
 * machine's time is the largest stamp applied so far. Session expiry and wait timeouts are decided
 * against that time, so every replica decides the same.
 *
 * <p>Fences: a lock acquired in the entry at commit index {@code i} gets fence {@code i}. One entry
 * grants a lock at most once, so a lock's fences strictly increase; a reentrant acquisition keeps
 * the fence it has.
 *
 * <p>Read from other threads: only the volatile counters and {@link #nextDeadline()}.
 */
public final class LockStateMachine implements StateMachine {
    /** No deadline: a wait without timeout, or nothing due. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;
    static final int LOCKS_PER_CHUNK = 512;

    private final GridClock leaderClock;
    private final WaitListener waitListener;

    private long now;
    private final Map<Long, Session> sessions = new HashMap<>();
    private final Map<String, LockState> locks = new HashMap<>();
    private final PriorityQueue<Waiter> timedWaiters = new PriorityQueue<>(Comparator.comparingLong((Waiter w) -> w.deadline));
    private long earliestSessionExpiry = NO_DEADLINE;

    private volatile long nextDeadline = NO_DEADLINE;
    private volatile long appliedIndex;
    private volatile long acquires;
    private volatile long waits;
    private volatile long sessionExpiries;
    private volatile int heldLocks;
    private volatile int sessionCount;

    /**
     * @param leaderClock  the clock this member stamps commands with when it leads (its {@link GridClock#millis()})
     * @param waitListener told when a waiting call ends
     */
    public LockStateMachine(GridClock leaderClock, WaitListener waitListener) {
        this.leaderClock = leaderClock;
        this.waitListener = waitListener;
    }

    // ---- MicroRaft's StateMachine ----

    @Override
    public Object runOperation(long commitIndex, Object operation) {
        if (!(operation instanceof CpCommand)) {
            throw new IllegalArgumentException("not a grid CP command: " + operation);
        }
        CpCommand command = (CpCommand) operation;
        if (command instanceof TimedCommand) {
            appliedIndex = commitIndex;
            now = Math.max(now, ((TimedCommand) command).now());
            if (command instanceof NewTermCommand) {
                extendSessions();
            }
            expireDue(commitIndex);
        }
        Object result = command.applyTo(this, commitIndex);
        if (command instanceof TimedCommand) {
            updateNextDeadline();
        }
        return result;
    }

    @Override
    public void takeSnapshot(long commitIndex, Consumer<Object> chunks) {
        SessionsSnapshot header = new SessionsSnapshot();
        header.now = now;
        header.acquires = acquires;
        header.waits = waits;
        header.sessionExpiries = sessionExpiries;
        for (Session session : sessions.values()) {
            header.sessions.add(session.copy());
        }
        chunks.accept(header);
        LocksSnapshot chunk = new LocksSnapshot();
        for (LockState lock : locks.values()) {
            chunk.locks.add(lock.copy());
            if (chunk.locks.size() == LOCKS_PER_CHUNK) {
                chunks.accept(chunk);
                chunk = new LocksSnapshot();
            }
        }
        if (!chunk.locks.isEmpty()) {
            chunks.accept(chunk);
        }
    }

    @Override
    public void installSnapshot(long commitIndex, List<Object> chunks) {
        sessions.clear();
        locks.clear();
        timedWaiters.clear();
        int held = 0;
        for (Object chunk : chunks) {
            if (chunk instanceof SessionsSnapshot) {
                SessionsSnapshot header = (SessionsSnapshot) chunk;
                now = header.now;
                acquires = header.acquires;
                waits = header.waits;
                sessionExpiries = header.sessionExpiries;
                for (Session session : header.sessions) {
                    sessions.put(session.id, session.copy());
                }
            } else if (chunk instanceof LocksSnapshot) {
                for (LockState lock : ((LocksSnapshot) chunk).locks) {
                    LockState copy = lock.copy();
                    locks.put(copy.name, copy);
                    held += copy.holder != null ? 1 : 0;
                    for (Waiter waiter : copy.waiters) {
                        if (waiter.deadline != NO_DEADLINE) {
                            timedWaiters.add(waiter);
                        }
                    }
                }
            } else {
                throw new IllegalArgumentException("not a grid lock snapshot chunk: " + chunk);
            }
        }
        heldLocks = held;
        appliedIndex = commitIndex;
        updateNextDeadline();
        waitListener.stateReplaced();
    }

    /** Called by MicroRaft on the member that has just become leader; the first entry of its term. */
    @Override
    public Object getNewTermOperation() {
        return new NewTermCommand(leaderClock.millis());
    }

    // ---- sessions ----

    public long createSession(long commitIndex, UUID owner, String ownerName, long ttlMillis) {
        Session session = new Session(commitIndex, owner, ownerName, ttlMillis, now);
        sessions.put(session.id, session);
        return session.id;
    }

    public long heartbeat(long sessionId) {
        Session session = sessions.get(sessionId);
        if (session == null) {
            return LockResults.SESSION_EXPIRED;
        }
        session.lastHeartbeat = Math.max(session.lastHeartbeat, now);
        return LockResults.OK;
    }

    public long closeSession(long commitIndex, long sessionId) {
        Session session = sessions.get(sessionId);
        if (session == null) {
            return LockResults.SESSION_EXPIRED;
        }
        removeSession(session, commitIndex);
        return LockResults.OK;
    }

    /** A new leader has no idea how long the election took: every session gets a full TTL from now. */
    private void extendSessions() {
        for (Session session : sessions.values()) {
            session.lastHeartbeat = Math.max(session.lastHeartbeat, now);
        }
    }

    private void removeSession(Session session, long commitIndex) {
        sessions.remove(session.id);
        List<LockState> touched = new ArrayList<>();
        for (LockState lock : locks.values()) {
            boolean affected = false;
            for (Iterator<Waiter> it = lock.waitersIterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (waiter.endpoint.sessionId() == session.id) {
                    it.remove();
                    waiter.done = true;
                    waitListener.waitEnded(waiter.uid, LockResults.SESSION_EXPIRED);
                    affected = true;
                }
            }
            if (lock.holder != null && lock.holder.sessionId() == session.id) {
                affected = true;
            }
            if (affected) {
                touched.add(lock);
            }
        }
        for (LockState lock : touched) {
            if (lock.holder != null && lock.holder.sessionId() == session.id) {
                lock.holder = null;
                lock.count = 0;
                heldLocks--;
                grantNext(lock, commitIndex);
            }
            dropIfIdle(lock);
        }
    }

    // ---- locks ----

    /**
     * @param timeoutMillis 0: do not wait; negative: wait without limit; positive: wait at most so long
     * @param reentrancyLimit 0: no limit
     * @return the fence, or {@link LockResults#WAITING}, {@link LockResults#NOT_ACQUIRED},
     *         {@link LockResults#SESSION_EXPIRED}, {@link LockResults#REENTRANCY_LIMIT_REACHED}
     */
    public long acquire(long commitIndex, String name, long sessionId, long threadId, UUID uid, long timeoutMillis,
                        int reentrancyLimit) {
        Session session = sessions.get(sessionId);
        if (session == null) {
            return LockResults.SESSION_EXPIRED;
        }
        Long repeated = session.repeated(threadId, uid);
        if (repeated != null) {
            return repeated;
        }
        LockEndpoint endpoint = new LockEndpoint(sessionId, threadId);
        LockState lock = locks.computeIfAbsent(name, LockState::new);
        if (lock.holder == null) {
            grant(lock, endpoint, uid, commitIndex);
            return commitIndex;
        }
        if (lock.holder.equals(endpoint)) {
            if (reentrancyLimit > 0 && lock.count >= reentrancyLimit) {
                session.record(threadId, uid, LockResults.REENTRANCY_LIMIT_REACHED);
                return LockResults.REENTRANCY_LIMIT_REACHED;
            }
            lock.count++;
            acquires++;
            session.record(threadId, uid, lock.fence);
            return lock.fence;
        }
        if (lock.waiter(uid) != null) {
            return LockResults.WAITING;
        }
        abandonEarlierWaits(lock, endpoint);
        if (timeoutMillis == 0) {
            session.record(threadId, uid, LockResults.NOT_ACQUIRED);
            return LockResults.NOT_ACQUIRED;
        }
        long deadline = timeoutMillis < 0 ? NO_DEADLINE : saturatedAdd(now, timeoutMillis);
        Waiter waiter = new Waiter(name, endpoint, uid, deadline, now);
        lock.waiters.add(waiter);
        if (deadline != NO_DEADLINE) {
            timedWaiters.add(waiter);
        }
        waits++;
        return LockResults.WAITING;
    }

    /**
     * A thread waits for one lock call at a time: a new call from it means it gave up on any earlier
     * one still queued (its caller failed or was interrupted), which must not be granted behind its back.
     */
    private void abandonEarlierWaits(LockState lock, LockEndpoint endpoint) {
        for (Iterator<Waiter> it = lock.waitersIterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.endpoint.equals(endpoint)) {
                it.remove();
                waiter.done = true;
                waitListener.waitEnded(waiter.uid, LockResults.NOT_ACQUIRED);
            }
        }
    }

    /** @return the holds left (0: released), or {@link LockResults#SESSION_EXPIRED}, {@link LockResults#NOT_HOLDER} */
    public long release(long commitIndex, String name, long sessionId, long threadId, UUID uid) {
        Session session = sessions.get(sessionId);
        if (session == null) {
            return LockResults.SESSION_EXPIRED;
        }
        Long repeated = session.repeated(threadId, uid);
        if (repeated != null) {
            return repeated;
        }
        LockState lock = locks.get(name);
        if (lock == null || !new LockEndpoint(sessionId, threadId).equals(lock.holder)) {
            return LockResults.NOT_HOLDER;
        }
        long left = releaseOnce(lock, commitIndex);
        session.record(threadId, uid, left);
        return left;
    }

    /**
     * Withdraws a waiting call whose caller gave up (interrupted): if it still waits it leaves the
     * queue; if it was granted meanwhile, that acquisition is undone.
     */
    public long cancelWait(long commitIndex, String name, long sessionId, long threadId, UUID uid) {
        Session session = sessions.get(sessionId);
        if (session == null) {
            return LockResults.SESSION_EXPIRED;
        }
        LockState lock = locks.get(name);
        if (lock != null) {
            Waiter waiter = lock.waiter(uid);
            if (waiter != null) {
                lock.waiters.remove(waiter);
                waiter.done = true;
                session.record(threadId, uid, LockResults.NOT_ACQUIRED);
                waitListener.waitEnded(uid, LockResults.NOT_ACQUIRED);
                dropIfIdle(lock);
                return LockResults.NOT_ACQUIRED;
            }
        }
        LastCall last = session.lastCall(threadId);
        if (last != null && last.uid.equals(uid) && last.result > 0 && lock != null
                && new LockEndpoint(sessionId, threadId).equals(lock.holder)) {
            releaseOnce(lock, commitIndex);
            session.record(threadId, uid, LockResults.NOT_ACQUIRED);
        }
        return LockResults.NOT_ACQUIRED;
    }

    /** Removes the lock: its holder loses it, its waiters get {@link LockResults#DESTROYED}. */
    public long destroy(String name) {
        LockState lock = locks.remove(name);
        if (lock != null) {
            if (lock.holder != null) {
                heldLocks--;
            }
            for (Waiter waiter : lock.waiters) {
                waiter.done = true;
                Session session = sessions.get(waiter.endpoint.sessionId());
                if (session != null) {
                    session.record(waiter.endpoint.threadId(), waiter.uid, LockResults.DESTROYED);
                }
                waitListener.waitEnded(waiter.uid, LockResults.DESTROYED);
            }
        }
        return LockResults.OK;
    }

    public LockOwnership ownership(String name) {
        LockState lock = locks.get(name);
        if (lock == null || lock.holder == null) {
            return LockOwnership.FREE;
        }
        return new LockOwnership(lock.fence, lock.count, lock.holder.sessionId(), lock.holder.threadId());
    }

    /**
     * Every held lock with its holder and queue (a query: runs on the leader, changes nothing).
     *
     * @return the locks, sorted by name
     */
    public LocksDescription describe() {
        LocksDescription description = new LocksDescription(now);
        List<LockState> sorted = new ArrayList<>(locks.values());
        sorted.sort(Comparator.comparing((LockState l) -> l.name));
        for (LockState lock : sorted) {
            if (lock.holder == null) {
                continue;
            }
            LocksDescription.Entry entry = new LocksDescription.Entry(lock.name, lock.fence, lock.count, owner(lock.holder), lock.acquiredAt);
            for (Waiter waiter : lock.waiters) {
                entry.waiters.add(owner(waiter.endpoint));
                entry.waitingSince.add(waiter.since);
            }
            description.entries.add(entry);
        }
        return description;
    }

    private LocksDescription.Owner owner(LockEndpoint endpoint) {
        Session session = sessions.get(endpoint.sessionId());
        return new LocksDescription.Owner(endpoint.sessionId(), session == null ? null : session.owner,
                session == null ? "session " + endpoint.sessionId() : session.ownerName, endpoint.threadId());
    }

    /** @return the holds the releasing thread has left (the next holder's count is not its business) */
    private long releaseOnce(LockState lock, long commitIndex) {
        int left = --lock.count;
        if (left == 0) {
            lock.holder = null;
            heldLocks--;
            grantNext(lock, commitIndex);
            dropIfIdle(lock);
        }
        return left;
    }

    private void grant(LockState lock, LockEndpoint endpoint, UUID uid, long commitIndex) {
        lock.holder = endpoint;
        lock.count = 1;
        lock.fence = commitIndex;
        lock.acquiredAt = now;
        heldLocks++;
        acquires++;
        sessions.get(endpoint.sessionId()).record(endpoint.threadId(), uid, commitIndex);
    }

    /** Hands a lock just freed to the first waiter, with this entry's index as its fence. */
    private void grantNext(LockState lock, long commitIndex) {
        Waiter next = lock.waiters.poll();
        if (next != null) {
            next.done = true;
            grant(lock, next.endpoint, next.uid, commitIndex);
            waitListener.waitEnded(next.uid, commitIndex);
        }
    }

    private void dropIfIdle(LockState lock) {
        if (lock.isIdle()) {
            locks.remove(lock.name, lock);
        }
    }

    // ---- time ----

    /** Expires the sessions and waits that are due at the state machine's current time. */
    private void expireDue(long commitIndex) {
        if (now > earliestSessionExpiry) {
            List<Session> expired = new ArrayList<>();
            for (Session session : sessions.values()) {
                if (now > session.expiresAfter()) {
                    expired.add(session);
                }
            }
            for (Session session : expired) {
                sessionExpiries++;
                removeSession(session, commitIndex);
            }
        }
        while (!timedWaiters.isEmpty() && timedWaiters.peek().deadline <= now) {
            Waiter waiter = timedWaiters.poll();
            if (waiter.done) {
                continue;
            }
            LockState lock = locks.get(waiter.lockName);
            lock.waiters.remove(waiter);
            waiter.done = true;
            Session session = sessions.get(waiter.endpoint.sessionId());
            if (session != null) {
                session.record(waiter.endpoint.threadId(), waiter.uid, LockResults.NOT_ACQUIRED);
            }
            waitListener.waitEnded(waiter.uid, LockResults.NOT_ACQUIRED);
            dropIfIdle(lock);
        }
    }

    private void updateNextDeadline() {
        long earliest = NO_DEADLINE;
        for (Session session : sessions.values()) {
            earliest = Math.min(earliest, session.expiresAfter());
        }
        earliestSessionExpiry = earliest;
        while (!timedWaiters.isEmpty() && timedWaiters.peek().done) {
            timedWaiters.poll();
        }
        long next = earliest == NO_DEADLINE ? NO_DEADLINE : earliest + 1;
        if (!timedWaiters.isEmpty()) {
            next = Math.min(next, timedWaiters.peek().deadline);
        }
        nextDeadline = next;
        sessionCount = sessions.size();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? NO_DEADLINE - 1 : Math.min(sum, NO_DEADLINE - 1);
    }

    // ---- read from other threads ----

    /** @return the leader time at which a session expires or a wait times out next (a tick is due then) */
    public long nextDeadline() {
        return nextDeadline;
    }

    /** @return the commit index of the last command applied here */
    public long appliedIndex() {
        return appliedIndex;
    }

    /** @return acquisitions granted so far (reentrant ones included), as replicated */
    public long acquires() {
        return acquires;
    }

    /** @return calls that had to wait in a queue so far */
    public long waits() {
        return waits;
    }

    /** @return sessions expired (not closed) so far */
    public long sessionExpiries() {
        return sessionExpiries;
    }

    /** @return locks held now */
    public int heldLocks() {
        return heldLocks;
    }

    /** @return sessions alive now */
    public int sessionCount() {
        return sessionCount;
    }
}
