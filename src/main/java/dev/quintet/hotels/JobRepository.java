package dev.quintet.hotels;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job queue of the distributed strategy ({@code hotels_jobs}): a search puts one row per hotel page,
 * any instance claims rows with {@code select ... for update skip locked} (so two instances never take the
 * same row and neither waits for the other's lock; H2 2.4 and PostgreSQL both support it), and writes the
 * result back into the row for the search to collect.
 */
@Repository
class JobRepository {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";

    /** A claimed work item. */
    record Job(long id, String searchId, int cityId, URI url) {
    }

    /** A finished (or unfinished) work item as its search collects it. */
    record Row(URI url, String status, String result, String error, String claimedBy, int attempts) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;

    JobRepository(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactions);
    }

    void enqueue(String searchId, int cityId, List<URI> urls) {
        OffsetDateTime now = now();
        batch.batchUpdate("""
                insert into hotels_jobs (search_id, city_id, url, status, attempts, created_at)
                values (?, ?, ?, 'queued', 0, ?)""",
                urls.stream().map(u -> new Object[] {searchId, cityId, u.toString(), now}).toList());
    }

    /**
     * Claims up to {@code limit} items that are queued, or running under a claim older than
     * {@code staleBefore} (their instance is presumed dead), for {@code worker}.
     */
    List<Job> claim(String worker, int limit, Instant staleBefore) {
        return tx.execute(status -> {
            List<Job> jobs = jdbc.sql("""
                    select id, search_id, city_id, url from hotels_jobs
                    where status = 'queued' or (status = 'running' and claimed_at < ?)
                    order by id limit ?
                    for update skip locked""")
                    .param(staleBefore.atOffset(ZoneOffset.UTC)).param(limit)
                    .query((rs, n) -> new Job(rs.getLong("id"), rs.getString("search_id"), rs.getInt("city_id"),
                            URI.create(rs.getString("url"))))
                    .list();
            if (!jobs.isEmpty()) {
                OffsetDateTime now = now();
                batch.batchUpdate("update hotels_jobs set status = 'running', claimed_by = ?, claimed_at = ? where id = ?",
                        jobs.stream().map(j -> new Object[] {worker, now, j.id()}).toList());
            }
            return jobs;
        });
    }

    /** Records an item's outcome, unless another worker has taken it over meanwhile. */
    void finish(long id, String worker, String status, String result, String error, int attempts) {
        jdbc.sql("""
                update hotels_jobs set status = ?, result = ?, error = ?, attempts = ?
                where id = ? and claimed_by = ? and status = 'running'""")
                .params(status, result, error == null ? null : error.substring(0, Math.min(error.length(), 1000)),
                        attempts, id, worker)
                .update();
    }

    Map<String, Integer> counts(String searchId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select status, count(*) as n from hotels_jobs where search_id = ? group by status").param(searchId)
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getInt("n"));
                });
        return counts;
    }

    List<Row> rows(String searchId) {
        return jdbc.sql("select url, status, result, error, claimed_by, attempts from hotels_jobs where search_id = ? order by id")
                .param(searchId)
                .query((rs, n) -> new Row(URI.create(rs.getString("url")), rs.getString("status"), rs.getString("result"),
                        rs.getString("error"), rs.getString("claimed_by"), rs.getInt("attempts")))
                .list();
    }

    /** Removes a search's items, and items of any search older than {@code before} (a coordinator died). */
    void delete(String searchId, Instant before) {
        jdbc.sql("delete from hotels_jobs where search_id = ? or created_at < ?")
                .params(searchId, before.atOffset(ZoneOffset.UTC)).update();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
