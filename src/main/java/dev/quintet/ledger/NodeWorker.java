package dev.quintet.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery of one node, a step at a time on a pool shared by every node's worker. It runs on every instance that knows the node, but only the holder of
 * the node's lease in the database delivers; the others stand by and take over when the lease expires.
 * The holder gives a node without a copy a full copy (the state of the log at one position, then that
 * position), then applies the log after the node's position in batches; when the node is down it
 * retries with exponential backoff, and resumes from the position the node itself reports.
 */
final class NodeWorker {

    private static final Logger log = LoggerFactory.getLogger(NodeWorker.class);

    enum State { STARTING, COPYING, CATCHING_UP, IN_SYNC, DOWN, STANDBY, STOPPED }

    final RedisNode node;
    private final LedgerRepository repository;
    private final LedgerProperties settings;
    private final String owner;
    /** Shared by every node's worker: a bounded pool, so threads do not grow with the number of nodes. */
    private final ScheduledExecutorService steps;
    /** Held while a step runs, so stopping can wait for the one under way. */
    private final ReentrantLock stepping = new ReentrantLock();
    /** Held while the node is being changed, so reconciliation sees it still. */
    final ReentrantLock changing = new ReentrantLock();

    private volatile boolean running = true;
    private volatile State state = State.STARTING;
    private volatile long applied = -1;
    private volatile String lastError;
    private volatile boolean holding;
    private volatile long leaseRenewedAt;
    private long backoff = 100;

    // the next step, guarded by "this": an idle wait for new entries that wake() may bring forward; a step
    // runs only if it is still the latest one scheduled (a cancelled one may have started already)
    private ScheduledFuture<?> next;
    private long turn;
    private boolean waitingForEntries;
    private boolean woken;

    NodeWorker(RedisNode node, LedgerRepository repository, LedgerProperties settings, String owner,
               ScheduledExecutorService steps) {
        this.node = node;
        this.repository = repository;
        this.settings = settings;
        this.owner = owner;
        this.steps = steps;
    }

    void start() {
        schedule(0, false);
    }

    /** New entries were committed: deliver now rather than at the next poll. */
    synchronized void wake() {
        if (next == null) {
            woken = true; // a step is running: it goes again at once rather than waiting
        } else if (waitingForEntries) {
            next.cancel(false);
            waitingForEntries = false;
            long mine = ++turn;
            next = steps.schedule(() -> step(mine), 0, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops scheduling steps; one under way finishes (or fails once the node is closed). */
    void signalStop() {
        running = false;
        synchronized (this) {
            if (next != null) {
                next.cancel(false);
            }
        }
    }

    /** Stops: waits up to {@code wait} for a step under way, gives the lease back, closes the node. */
    void stop(Duration wait) throws InterruptedException {
        signalStop();
        if (stepping.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            stepping.unlock();
        }
        try {
            repository.releaseLease(node.url, owner);
        } catch (RuntimeException e) {
            log.debug("could not release the lease on {}: {}", node.shown, e.toString());
        }
        node.close();
        stopped();
    }

    void stopped() {
        state = State.STOPPED;
    }

    State state() {
        return state;
    }

    long applied() {
        return applied;
    }

    String lastError() {
        return lastError;
    }

    /**
     * Whether this worker holds the lease by its own clock: from before its last renewal was sent, for
     * one lease length. The database's expiry is later than that, so no other instance can have taken
     * the lease while this says true. (A step begun while true may run past it — a slow node — which is
     * why applying is idempotent and a full copy first deletes the position: an overlapping step fails
     * on the position check rather than doing harm.)
     */
    boolean holding() {
        return holding && System.currentTimeMillis() < leaseRenewedAt + settings.lease().toMillis();
    }

    private synchronized void schedule(long delayMs, boolean forEntries) {
        if (!running) {
            return;
        }
        if (forEntries && woken) {
            delayMs = 0;
        }
        woken = false;
        waitingForEntries = forEntries;
        try {
            long mine = ++turn;
            next = steps.schedule(() -> step(mine), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            running = false; // the pool is shutting down with the process
        }
    }

    /**
     * One turn of delivery on the shared pool, then the next is scheduled: at once when more entries are
     * waiting, after a poll interval (or a wake) when in sync, after the backoff when the node is down.
     */
    private void step(long mine) {
        synchronized (this) {
            if (mine != turn) {
                return; // replaced by a wake
            }
            next = null;
        }
        if (!running) {
            return;
        }
        long delay;
        boolean forEntries = false;
        stepping.lock();
        try {
            if (!renewLease()) {
                state = State.STANDBY;
                delay = settings.lease().toMillis() / 3;
            } else {
                boolean more = deliverOnce();
                backoff = 100;
                lastError = null;
                delay = more ? 0 : 200;
                forEntries = !more;
            }
        } catch (RuntimeException e) {
            if (!running) {
                return;
            }
            if (state != State.DOWN) {
                log.warn("ledger node {} failed ({}); retrying with backoff", node.shown, node.scrub(e.toString()));
            }
            state = State.DOWN;
            lastError = node.scrub(e.getClass().getSimpleName() + ": " + e.getMessage());
            try {
                renewLease();
            } catch (RuntimeException ignored) {
                // the database may be down too; try again after the backoff
            }
            delay = backoff;
            backoff = Math.min(backoff * 2, Math.max(1, settings.backoffMax().toMillis()));
        } finally {
            stepping.unlock();
        }
        schedule(delay, forEntries);
    }

    /** Renews the lease at most every third of its length (and reports state); returns whether held. */
    private boolean renewLease() {
        long now = System.currentTimeMillis();
        if (holding && now - leaseRenewedAt < settings.lease().toMillis() / 3) {
            return true;
        }
        holding = repository.holdLease(node.url, owner, settings.lease().toMillis(), state.name().toLowerCase(),
                applied, lastError);
        if (holding) {
            leaseRenewedAt = now;
        }
        return holding;
    }

    /** The node's position as this worker last saw it; -2: unknown, ask the node. */
    private long known = -2;

    /** One step of delivery; returns whether more is waiting. */
    private boolean deliverOnce() {
        changing.lock();
        try {
            if (known == -2) {
                // (re)starting, or after a failure: the node's own position is the truth
                long position = node.position();
                if (!holding()) {
                    return true; // the lease ran out while the node was slow: ask for it again before writing
                }
                if (position < 0 || position > repository.head()) {
                    // no copy, a copy cut short, or a copy of another log: start from a full copy
                    fullCopy();
                    return true;
                }
                known = position;
                applied = position;
            }
            List<LogEntry> entries = repository.after(known, settings.batch());
            if (entries.isEmpty()) {
                state = State.IN_SYNC;
                return false;
            }
            if (!holding()) {
                return true;
            }
            state = State.CATCHING_UP;
            long position = node.apply(entries);
            known = position;
            applied = position;
            return true;
        } catch (RuntimeException e) {
            known = -2;
            throw e;
        } finally {
            changing.unlock();
        }
    }

    private void fullCopy() {
        state = State.COPYING;
        node.clear();
        LedgerState snapshot = repository.state(repository.head());
        for (Map.Entry<String, TreeMap<Long, String>> r : snapshot.records().entrySet()) {
            node.replace(r.getKey(), r.getValue());
        }
        node.setPosition(snapshot.position());
        applied = snapshot.position();
        known = snapshot.position();
        log.info("ledger node {} received a full copy: {} names at position {}", node.shown,
                snapshot.records().size(), snapshot.position());
    }

    /** What reconciliation found on this node. */
    record Report(String url, String outcome, long position, int names, List<String> differing, int repaired) {
    }

    /**
     * Compares the node with the log at the node's own position and rewrites every name that differs.
     * Delivery to the node waits meanwhile, so the node's position cannot move under the comparison.
     */
    Report reconcile(boolean repair) {
        if (!holding()) {
            return new Report(node.shown, "skipped: another instance delivers to this node", applied, 0, List.of(), 0);
        }
        changing.lock();
        try {
            RedisNode.Dump dump = node.dump();
            if (dump.position() < 0) {
                return new Report(node.shown, "no copy yet: the node gets a full copy", -1, 0, List.of(), 0);
            }
            LedgerState expected = repository.state(dump.position());
            Set<String> names = new HashSet<>(expected.records().keySet());
            names.addAll(dump.records().keySet());
            names.addAll(node.recordKeys());
            List<String> differing = new ArrayList<>();
            for (String name : names) {
                TreeMap<Long, String> want = expected.records().getOrDefault(name, new TreeMap<>());
                TreeMap<Long, String> have = dump.records().get(name);
                if (have == null || have.isEmpty() || !have.equals(want)) {
                    // also a key the names set does not list, or a listed name without versions
                    differing.add(name);
                }
            }
            differing.sort(null);
            int repaired = 0;
            if (repair) {
                for (String name : differing) {
                    node.replace(name, expected.records().getOrDefault(name, new TreeMap<>()));
                    repaired++;
                }
            }
            String outcome = differing.isEmpty() ? "equal to the log" : repair ? "repaired" : "differs";
            return new Report(node.shown, outcome, dump.position(), names.size(),
                    differing.size() > 50 ? differing.subList(0, 50) : differing, repaired);
        } finally {
            changing.unlock();
        }
    }

}
