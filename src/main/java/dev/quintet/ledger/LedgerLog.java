package dev.quintet.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only class that knows the log tables. Appends are committed in groups, each in one transaction
 * that first locks the single {@code ledger_head} row: appends are serialised (also across instances on
 * PostgreSQL), so a position is never visible before a smaller one, and the checks against removals see
 * every earlier write. Returning means committed.
 */
@Repository
class LedgerLog {

    private static final String ENTRY = "position, kind, name, author, ts";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;

    LedgerLog(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        this.template.setFetchSize(1000);
        this.tx = new TransactionTemplate(transactions);
    }

    /** What an update came to: its position, or the tombstone that refused it. */
    record Appended(long position, Long refusedBy) {
    }

    /** A write waiting for the next group commit. */
    private record Pending(char kind, String name, String author, long ts, CompletableFuture<Appended> done) {
    }

    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final AtomicBoolean committing = new AtomicBoolean();

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

    /**
     * Group commit: writers queue their change and one committer thread takes everything queued into one
     * transaction, so concurrent writers share a commit (and H2's write at commit) instead of queueing on
     * the head row one by one. Each writer is answered only after that commit.
     */
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

    private static final int MAX_GROUP = 500;

    /** Name → what the batch knows of it: the tombstone and the newest timestamp since the last removal. */
    private static final class Known {
        Long tombstone;
        Long newest;
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
            long position = lockHead();
            Map<String, Known> known = new HashMap<>();
            List<Object[]> rows = new ArrayList<>();
            for (Pending w : batch) {
                Known k = known.computeIfAbsent(w.name(), this::load);
                if (w.kind() == LogEntry.UPDATE) {
                    if (k.tombstone != null && w.ts() <= k.tombstone) {
                        results.add(new Appended(position, k.tombstone));
                        continue;
                    }
                    k.newest = k.newest == null ? w.ts() : Math.max(k.newest, w.ts());
                    rows.add(new Object[] {++position, "u", w.name(), w.author(), w.ts()});
                    results.add(new Appended(position, null));
                } else {
                    if (k.newest == null) {
                        results.add(new Appended(position, Long.MIN_VALUE)); // nothing to remove
                        continue;
                    }
                    k.tombstone = k.tombstone == null ? k.newest : Math.max(k.tombstone, k.newest);
                    k.newest = null;
                    rows.add(new Object[] {++position, "r", w.name(), null, k.tombstone});
                    results.add(new Appended(position, null));
                }
            }
            if (!rows.isEmpty()) {
                template.batchUpdate("insert into ledger_log (position, kind, name, author, ts) values (?, ?, ?, ?, ?)", rows);
                jdbc.sql("update ledger_head set position = ? where id = 1").param(position).update();
            }
        });
        return results;
    }

    private Known load(String name) {
        Known k = new Known();
        k.tombstone = tombstone(name).orElse(null);
        k.newest = jdbc.sql("select max(ts) from ledger_log where name = ? and kind = 'u' and position > ?")
                .param(name).param(lastRemoval(name)).query(Long.class).optional().orElse(null);
        return k;
    }

    /** The last position committed. */
    long head() {
        return jdbc.sql("select position from ledger_head where id = 1").query(Long.class).single();
    }

    /** Up to {@code limit} entries after {@code position}, in log order. */
    List<LogEntry> after(long position, int limit) {
        return jdbc.sql("select " + ENTRY + " from ledger_log where position > ? order by position limit ?")
                .param(position).param(limit).query(LedgerLog::map).list();
    }

    /** The versions of one name as of {@code upTo}, ascending by timestamp (empty when it has none). */
    TreeMap<Long, String> versions(String name, long upTo) {
        LedgerState state = new LedgerState();
        jdbc.sql("select " + ENTRY + " from ledger_log where name = ? and position <= ? and position >= ? order by position")
                .param(name).param(upTo).param(lastRemoval(name, upTo))
                .query(LedgerLog::map).list().forEach(state::apply);
        return state.records().getOrDefault(name, new TreeMap<>());
    }

    /** The whole state as of {@code upTo}, streamed from the log. */
    LedgerState state(long upTo) {
        LedgerState state = new LedgerState();
        template.query("select " + ENTRY + " from ledger_log where position <= ? order by position",
                rs -> {
                    state.apply(map(rs, 0));
                }, upTo);
        return state;
    }

    long count() {
        return jdbc.sql("select count(*) from ledger_log").query(Long.class).single();
    }

    // --- nodes added through the API ---------------------------------------------------------------

    List<String> addedNodes() {
        return jdbc.sql("select url from ledger_node order by added_at, url").query(String.class).list();
    }

    boolean addNode(String url) {
        return jdbc.sql("insert into ledger_node (url) values (?) on conflict do nothing").param(url).update() == 1;
    }

    boolean removeNode(String url) {
        return jdbc.sql("delete from ledger_node where url = ?").param(url).update() == 1;
    }

    // --- leases: which instance delivers to a node -------------------------------------------------

    /** A node's lease row: the lock and the delivering instance's last report. */
    record Lease(String url, String owner, long expiresMs, String state, long applied, String lastError, long updatedMs) {
    }

    /**
     * Takes or renews the lease on {@code url} for {@code owner} when it is free, expired or ours, and
     * stores the report. Returns whether {@code owner} holds it now.
     */
    boolean holdLease(String url, String owner, long leaseMs, String state, long applied, String error) {
        long now = System.currentTimeMillis();
        int taken = jdbc.sql("""
                update ledger_lease set owner = ?, expires_ms = ?, state = ?, applied = ?, last_error = ?, updated_ms = ?
                where url = ? and (owner = ? or expires_ms < ?)""")
                .params(owner, now + leaseMs, state, applied, clip(error), now, url, owner, now).update();
        if (taken == 1) {
            return true;
        }
        return jdbc.sql("""
                insert into ledger_lease (url, owner, expires_ms, state, applied, last_error, updated_ms)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(url, owner, now + leaseMs, state, applied, clip(error), now).update() == 1;
    }

    void releaseLease(String url, String owner) {
        jdbc.sql("update ledger_lease set expires_ms = 0, state = 'released' where url = ? and owner = ?")
                .param(url).param(owner).update();
    }

    /** Gives back every lease of {@code owner} in one statement: a process stopping with many nodes. */
    void releaseLeases(String owner) {
        jdbc.sql("update ledger_lease set expires_ms = 0, state = 'released' where owner = ?").param(owner).update();
    }

    void forgetLease(String url) {
        jdbc.sql("delete from ledger_lease where url = ?").param(url).update();
    }

    Map<String, Lease> leases() {
        Map<String, Lease> leases = new TreeMap<>();
        jdbc.sql("select url, owner, expires_ms, state, applied, last_error, updated_ms from ledger_lease")
                .query((rs, row) -> new Lease(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getLong(7)))
                .list().forEach(l -> leases.put(l.url(), l));
        return leases;
    }

    // --- internals ---------------------------------------------------------------------------------

    private long lockHead() {
        return jdbc.sql("select position from ledger_head where id = 1 for update").query(Long.class).single();
    }

    private Optional<Long> tombstone(String name) {
        return jdbc.sql("select ts from ledger_log where name = ? and kind = 'r' order by position desc limit 1")
                .param(name).query(Long.class).optional();
    }

    private long lastRemoval(String name) {
        return lastRemoval(name, Long.MAX_VALUE);
    }

    private long lastRemoval(String name, long upTo) {
        return jdbc.sql("select max(position) from ledger_log where name = ? and kind = 'r' and position <= ?")
                .param(name).param(upTo).query(Long.class).optional().orElse(0L);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static LogEntry map(ResultSet rs, int row) throws SQLException {
        return new LogEntry(rs.getLong(1), rs.getString(2).charAt(0), rs.getString(3), rs.getString(4), rs.getLong(5));
    }
}
