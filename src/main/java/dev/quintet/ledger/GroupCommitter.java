package dev.quintet.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends updates and removals to the log, in groups: writers queue their change and one committer thread
 * takes everything queued into one transaction, so concurrent writers share a commit (and H2's write at
 * commit) instead of queueing on the head row one by one. Each transaction first locks the single
 * {@code ledger_head} row: appends are serialised (also across instances on PostgreSQL), so a position is
 * never visible before a smaller one, and the checks against removals see every earlier write. Each writer
 * is answered only after that commit: returning means committed.
 */
@Component
class GroupCommitter {

    private static final int MAX_GROUP = 500;

    private final LedgerRepository repository;
    private final TransactionTemplate tx;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final AtomicBoolean committing = new AtomicBoolean();

    GroupCommitter(LedgerRepository repository, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What an update came to: its position, or the tombstone that refused it. */
    record Appended(long position, Long refusedBy) {
    }

    /** A write waiting for the next group commit. */
    private record Pending(char kind, String name, String author, long ts, CompletableFuture<Appended> done) {
    }

    /** Name → what the group knows of it: the tombstone and the newest timestamp since the last removal. */
    private static final class Known {
        Long tombstone;
        Long newest;
    }

    /** Appends a version unless the name was removed at or after its timestamp. Returns once committed. */
    Appended update(String name, String author, long ts) {
        return submit(new Pending(LogEntry.UPDATE, name, author, ts, new CompletableFuture<>()));
    }

    /**
     * Appends a removal when the name has versions; its tombstone is the newest timestamp removed (or an
     * older tombstone, if newer). Returns the position once committed, or empty when there was nothing
     * to remove.
     */
    Optional<Long> remove(String name) {
        Appended appended = submit(new Pending(LogEntry.REMOVE, name, null, 0, new CompletableFuture<>()));
        return appended.refusedBy() == null ? Optional.of(appended.position()) : Optional.empty();
    }

    /** Queues the write, starting the committer thread on first use, and waits for its commit. */
    private Appended submit(Pending write) {
        if (!committing.get() && committing.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("ledger-commit").start(this::commitLoop);
        }
        pending.add(write);
        try {
            return write.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The committer: takes whatever is queued, up to MAX_GROUP writes, and commits it in one transaction. */
    private void commitLoop() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(pending.take());
                pending.drainTo(batch, MAX_GROUP - 1);
                commit(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                batch.forEach(w -> w.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    /**
     * Commits a group in one transaction. When that fails for a reason other than the database being out
     * of reach, the members are committed again one by one, each answered with its own result: one bad
     * value (a NUL that PostgreSQL refuses, a name too long for the column) fails only its own write.
     */
    private void commit(List<Pending> group) {
        try {
            complete(group, commitTogether(group));
        } catch (RuntimeException e) {
            if (group.size() == 1 || unreachable(e)) {
                group.forEach(w -> w.done().completeExceptionally(e));
                return;
            }
            for (int i = 0; i < group.size(); i++) {
                Pending w = group.get(i);
                try {
                    complete(List.of(w), commitTogether(List.of(w)));
                } catch (RuntimeException alone) {
                    w.done().completeExceptionally(alone);
                    if (unreachable(alone)) {
                        // the database went away meanwhile: the rest would only wait for it one by one
                        group.subList(i + 1, group.size()).forEach(r -> r.done().completeExceptionally(alone));
                        return;
                    }
                }
            }
        }
    }

    /** Whether a failure is the database's, not a write's: retrying writes one by one cannot help then. */
    private static boolean unreachable(RuntimeException e) {
        return e instanceof TransactionException || e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessResourceException || e instanceof QueryTimeoutException;
    }

    private static void complete(List<Pending> group, List<Appended> results) {
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(results.get(i));
        }
    }

    /** One transaction for the whole group; returns each member's result, in order. */
    private List<Appended> commitTogether(List<Pending> batch) {
        List<Appended> results = new ArrayList<>(batch.size());
        tx.executeWithoutResult(status -> {
            results.clear();
            long position = repository.lockHead();
            Map<String, Known> known = new HashMap<>();
            List<LogEntry> entries = new ArrayList<>();
            for (Pending w : batch) {
                Known k = known.computeIfAbsent(w.name(), this::load);
                if (w.kind() == LogEntry.UPDATE) {
                    if (k.tombstone != null && w.ts() <= k.tombstone) {
                        results.add(new Appended(position, k.tombstone));
                        continue;
                    }
                    k.newest = k.newest == null ? w.ts() : Math.max(k.newest, w.ts());
                    entries.add(new LogEntry(++position, LogEntry.UPDATE, w.name(), w.author(), w.ts()));
                    results.add(new Appended(position, null));
                } else {
                    if (k.newest == null) {
                        results.add(new Appended(position, Long.MIN_VALUE)); // nothing to remove
                        continue;
                    }
                    k.tombstone = k.tombstone == null ? k.newest : Math.max(k.tombstone, k.newest);
                    k.newest = null;
                    entries.add(new LogEntry(++position, LogEntry.REMOVE, w.name(), null, k.tombstone));
                    results.add(new Appended(position, null));
                }
            }
            if (!entries.isEmpty()) {
                repository.append(entries, position);
            }
        });
        return results;
    }

    private Known load(String name) {
        Known k = new Known();
        k.tombstone = repository.tombstone(name).orElse(null);
        k.newest = repository.newestSinceRemoval(name).orElse(null);
        return k;
    }
}
