package dev.quintet.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.quintet.platform.QuintetProperties;
import dev.quintet.platform.data.ServiceMigrations;
import dev.quintet.support.RedisServer;
import dev.quintet.support.TestDatabases;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.util.unit.DataSize;

/**
 * Two instances' delivery loops on one database and one node (as two Quintet processes would run them):
 * only the lease holder delivers; when it stops, the other takes over and the node still equals the log.
 */
class LeaseTakeoverTest {

    @RepeatedTest(3)
    void oneInstanceDeliversAtATimeAndAnotherTakesOver() throws Exception {
        HikariDataSource dataSource = TestDatabases.h2();
        ClientResources resources = DefaultClientResources.create();
        try (RedisServer redis = RedisServer.start()) {
            new ServiceMigrations(dataSource, new QuintetProperties(List.of("ledger"), "", "", DataSize.ofMegabytes(1)));
            LedgerRepository log = new LedgerRepository(JdbcClient.create(dataSource), dataSource);
            GroupCommitter commits = new GroupCommitter(log, new DataSourceTransactionManager(dataSource));
            // the node timeout well under a third of the lease, as in production (2 s against 10 s): a holder
            // whose node is slow (here: the first connection of a cold process) keeps renewing its lease
            LedgerProperties settings = new LedgerProperties("", "", Duration.ofSeconds(5), Duration.ofMillis(2400), 500,
                    Duration.ofMillis(200), Duration.ofMillis(500), "", 64, 2);
            ScheduledExecutorService steps = Executors.newScheduledThreadPool(2);
            NodeWorker a = new NodeWorker(new RedisNode(redis.url(), resources, settings.timeout()), log, settings, "instance-a", steps);
            NodeWorker b = new NodeWorker(new RedisNode(redis.url(), resources, settings.timeout()), log, settings, "instance-b", steps);
            a.start();
            Thread.sleep(300);
            b.start();
            for (int i = 0; i < 200; i++) {
                commits.update("n" + (i % 10), "a", 20200101000000L + i);
                a.wake();
                b.wake();
                assertThat(a.holding() && b.holding()).as("both instances hold the lease").isFalse();
            }
            awaitApplied(a, log.head());
            assertThat(a.holding()).as("a %s %s, b %s %s", a.state(), a.lastError(), b.state(), b.holding()).isTrue();
            assertThat(b.state()).isEqualTo(NodeWorker.State.STANDBY);

            a.stop(Duration.ofSeconds(5)); // releases the lease; b takes it at its next attempt
            for (int i = 200; i < 400; i++) {
                commits.update("n" + (i % 10), "b", 20200101000000L + i);
                b.wake();
            }
            awaitApplied(b, log.head());
            assertThat(b.holding()).isTrue();
            try (RedisNode node = new RedisNode(redis.url(), resources, Duration.ofSeconds(1))) {
                RedisNode.Dump dump = node.dump();
                assertThat(dump.position()).isEqualTo(log.head());
                assertThat(dump.records()).isEqualTo(log.state(log.head()).records());
            }
            b.stop(Duration.ofSeconds(5));
            steps.shutdown();
        } finally {
            resources.shutdown();
            dataSource.close();
        }
    }

    private static void awaitApplied(NodeWorker worker, long position) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (worker.applied() < position && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(worker.applied()).isEqualTo(position);
    }
}
