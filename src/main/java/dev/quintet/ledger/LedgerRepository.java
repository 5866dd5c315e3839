package dev.quintet.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only class that knows the ledger's tables: the log and its head, the nodes added through the API and
 * the delivery leases. Appends are made by {@link GroupCommitter}, inside its transaction.
 */
@Repository
class LedgerRepository {

    private static final String ENTRY = "position, kind, name, author, ts";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LedgerRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        // a JdbcTemplate for what JdbcClient lacks: batch inserts and a state streamed in pages of 1000 rows
        this.template = new JdbcTemplate(dataSource);
        this.template.setFetchSize(1000);
    }

    /** The last position committed. */
    long head() {
        return jdbc.sql("select position from ledger_head where id = 1").query(Long.class).single();
    }

    /** Up to {@code limit} entries after {@code position}, in log order. */
    List<LogEntry> after(long position, int limit) {
        return jdbc.sql("select " + ENTRY + " from ledger_log where position > ? order by position limit ?")
                .param(position).param(limit).query(LedgerRepository::map).list();
    }

    /** The versions of one name as of {@code upTo}, ascending by timestamp (empty when it has none). */
    TreeMap<Long, String> versions(String name, long upTo) {
        LedgerState state = new LedgerState();
        jdbc.sql("select " + ENTRY + " from ledger_log where name = ? and position <= ? and position >= ? order by position")
                .param(name).param(upTo).param(lastRemoval(name, upTo))
                .query(LedgerRepository::map).list().forEach(state::apply);
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

    // --- appending, inside the group committer's transaction ----------------------------------------

    /** Locks the head row until the transaction ends and returns the last position: appends queue here. */
    long lockHead() {
        return jdbc.sql("select position from ledger_head where id = 1 for update").query(Long.class).single();
    }

    /** The tombstone of the name's last removal, if it was ever removed. */
    Optional<Long> tombstone(String name) {
        return jdbc.sql("select ts from ledger_log where name = ? and kind = 'r' order by position desc limit 1")
                .param(name).query(Long.class).optional();
    }

    /** The newest timestamp of the name's versions logged since its last removal, if it has any. */
    Optional<Long> newestSinceRemoval(String name) {
        return jdbc.sql("select max(ts) from ledger_log where name = ? and kind = 'u' and position > ?")
                .param(name).param(lastRemoval(name)).query(Long.class).optional();
    }

    /** Writes the entries and moves the head to {@code head}: the caller's transaction commits both. */
    void append(List<LogEntry> entries, long head) {
        List<Object[]> rows = entries.stream()
                .map(e -> new Object[] {e.position(), String.valueOf(e.kind()), e.name(), e.author(), e.ts()})
                .toList();
        template.batchUpdate("insert into ledger_log (" + ENTRY + ") values (?, ?, ?, ?, ?)", rows);
        jdbc.sql("update ledger_head set position = ? where id = 1").param(head).update();
    }

    // --- internals ---------------------------------------------------------------------------------

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
