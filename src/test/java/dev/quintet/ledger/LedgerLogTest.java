package dev.quintet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.quintet.platform.QuintetProperties;
import dev.quintet.platform.data.ServiceMigrations;
import dev.quintet.support.TestDatabases;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.util.unit.DataSize;

/** The log on both databases: its rules against a plainly written model, concurrency, leases. */
class LedgerLogTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(TestDatabases::h2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(TestDatabases::postgres);
        }
    }

    /** The rules written plainly: versions by timestamp, equal timestamp replaces, removal leaves a tombstone. */
    static final class Model {
        final Map<String, TreeMap<Long, String>> records = new TreeMap<>();
        final Map<String, Long> tombstones = new HashMap<>();

        boolean update(String name, String author, long ts) {
            Long tombstone = tombstones.get(name);
            if (tombstone != null && ts <= tombstone) {
                return false;
            }
            records.computeIfAbsent(name, n -> new TreeMap<>()).put(ts, author);
            return true;
        }

        boolean remove(String name) {
            TreeMap<Long, String> versions = records.remove(name);
            if (versions == null) {
                return false;
            }
            tombstones.merge(name, versions.lastKey(), Math::max);
            return true;
        }
    }

    abstract static class Contract {

        HikariDataSource dataSource;
        LedgerRepository log;
        GroupCommitter commits;

        private final Supplier<HikariDataSource> database;

        Contract(Supplier<HikariDataSource> database) {
            this.database = database;
        }

        @BeforeEach
        void migrate() {
            dataSource = database.get();
            new ServiceMigrations(dataSource, new QuintetProperties(List.of("ledger"), "", "", DataSize.ofMegabytes(1)));
            log = new LedgerRepository(JdbcClient.create(dataSource), dataSource);
            commits = new GroupCommitter(log, new DataSourceTransactionManager(dataSource));
        }

        @AfterEach
        void drop() {
            TestDatabases.release(dataSource);
        }

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
        void agreesWithThePlainModel(long seed) {
            Random random = new Random(seed);
            Model model = new Model();
            List<Long> snapshots = new ArrayList<>();
            List<Map<String, TreeMap<Long, String>>> expected = new ArrayList<>();
            for (int step = 0; step < 150; step++) {
                String name = "n" + random.nextInt(6);
                if (random.nextInt(6) == 0) {
                    boolean removed = model.remove(name);
                    assertThat(commits.remove(name).isPresent()).as("seed %d step %d remove %s", seed, step, name).isEqualTo(removed);
                } else {
                    long ts = 20200101000000L + random.nextInt(20);
                    String author = "a" + random.nextInt(3);
                    boolean accepted = model.update(name, author, ts);
                    assertThat(commits.update(name, author, ts).refusedBy() == null)
                            .as("seed %d step %d update %s %d", seed, step, name, ts).isEqualTo(accepted);
                }
                if (step % 30 == 0) {
                    snapshots.add(log.head());
                    expected.add(deepCopy(model.records));
                }
            }
            assertThat(log.state(log.head()).records()).as("seed %d", seed).isEqualTo(model.records);
            for (String name : List.of("n0", "n1", "n2", "n3", "n4", "n5")) {
                assertThat(log.versions(name, log.head())).as("seed %d %s", seed, name)
                        .isEqualTo(model.records.getOrDefault(name, new TreeMap<>()));
            }
            // the state as of an earlier position is what it was then
            for (int i = 0; i < snapshots.size(); i++) {
                assertThat(log.state(snapshots.get(i)).records()).as("seed %d snapshot %d", seed, i).isEqualTo(expected.get(i));
            }
        }

        @Test
        void concurrentAppendsGetContiguousPositionsInCommitOrder() throws Exception {
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int client = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            commits.update("c" + client, "x", 20200101000000L + i);
                            if (i % 10 == 9) {
                                commits.remove("c" + client);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            List<LogEntry> entries = log.after(0, 10_000);
            assertThat(log.head()).isEqualTo(entries.size()).isEqualTo(8 * 55);
            for (int i = 0; i < entries.size(); i++) {
                assertThat(entries.get(i).position()).isEqualTo(i + 1);
            }
            assertThat(log.after(100, 10)).extracting(LogEntry::position).containsExactly(101L, 102L, 103L, 104L, 105L,
                    106L, 107L, 108L, 109L, 110L);
        }

        @Test
        void oneBadValueInAGroupCommitFailsOnlyItsOwnWrite() throws Exception {
            // values the database itself refuses: a name longer than the column on both, a NUL on PostgreSQL
            List<String> bad = new ArrayList<>(List.of("x".repeat(300)));
            if (!dataSource.getJdbcUrl().startsWith("jdbc:h2:")) {
                bad.add("nul\u0000name");
            }
            List<Future<GroupCommitter.Appended>> valid = new ArrayList<>();
            List<Future<GroupCommitter.Appended>> invalid = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
                 Connection holder = dataSource.getConnection()) {
                // hold the head row so the committer waits: everything submitted meanwhile is one group
                holder.setAutoCommit(false);
                holder.createStatement().execute("select position from ledger_head where id = 1 for update");
                valid.add(pool.submit(() -> commits.update("first", "x", 20200101000000L)));
                Thread.sleep(200);
                for (int i = 0; i < 40; i++) {
                    int n = i;
                    valid.add(pool.submit(() -> commits.update("good-" + n, "x", 20200101000000L + n)));
                    if (i == 20) {
                        bad.forEach(name -> invalid.add(pool.submit(() -> commits.update(name, "x", 20200101000000L))));
                    }
                }
                Thread.sleep(300);
                holder.commit();
                for (Future<GroupCommitter.Appended> f : valid) {
                    assertThat(f.get().refusedBy()).isNull();
                }
                for (Future<GroupCommitter.Appended> f : invalid) {
                    assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                            .hasCauseInstanceOf(DataIntegrityViolationException.class);
                }
            }
            assertThat(log.head()).isEqualTo(41);
            assertThat(log.state(log.head()).records()).hasSize(41).containsKeys("first", "good-0", "good-39");
        }

        @Test
        void oneOwnerHoldsALeaseUntilItExpires() throws Exception {
            assertThat(log.holdLease("redis://n:1", "a", 300, "in_sync", 5, null)).isTrue();
            assertThat(log.holdLease("redis://n:1", "b", 300, "starting", -1, null)).isFalse();
            assertThat(log.holdLease("redis://n:1", "a", 300, "in_sync", 6, null)).isTrue();
            assertThat(log.leases().get("redis://n:1").applied()).isEqualTo(6);
            Thread.sleep(400);
            assertThat(log.holdLease("redis://n:1", "b", 300, "starting", -1, null)).isTrue();
            assertThat(log.holdLease("redis://n:1", "a", 300, "in_sync", 6, null)).isFalse();
            log.releaseLease("redis://n:1", "b");
            assertThat(log.holdLease("redis://n:1", "a", 300, "in_sync", 6, null)).isTrue();
        }

        @Test
        void nodesAddedThroughTheApiAreStoredOnce() {
            assertThat(log.addNode("redis://a:1")).isTrue();
            assertThat(log.addNode("redis://a:1")).isFalse();
            assertThat(log.addedNodes()).containsExactly("redis://a:1");
            assertThat(log.removeNode("redis://a:1")).isTrue();
            assertThat(log.removeNode("redis://a:1")).isFalse();
        }

        private static Map<String, TreeMap<Long, String>> deepCopy(Map<String, TreeMap<Long, String>> records) {
            Map<String, TreeMap<Long, String>> copy = new TreeMap<>();
            records.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
            return copy;
        }
    }
}
