package dev.quintet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.quintet.QuintetApplication;
import dev.quintet.support.RedisServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A ledger with many nodes, most of them down (closed loopback ports), a few real: its threads do not
 * grow with the nodes, and it stops within the grace period (it used to stop nodes one after another,
 * up to 5 s each).
 */
class LedgerShutdownTest {

    @Test
    void manyNodesShareABoundedPoolAndStopTogetherWellInsideTheGracePeriod() throws Exception {
        try (RedisServer a = RedisServer.start(); RedisServer b = RedisServer.start()) {
            // distinct ports: two free ports picked one after another may be the same one
            Set<String> urls = new LinkedHashSet<>();
            while (urls.size() < 60) {
                urls.add("redis://127.0.0.1:" + closedPort());
            }
            urls.add(a.url());
            urls.add(b.url());
            long ledgerBefore = threads("ledger-");
            long lettuceBefore = threads("lettuce-");
            ConfigurableApplicationContext context = new SpringApplicationBuilder(QuintetApplication.class).run(
                    "--server.port=0",
                    "--quintet.services=ledger",
                    "--spring.datasource.url=jdbc:h2:mem:shutdown-" + UUID.randomUUID()
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "--quintet.ledger.nodes=" + String.join(",", urls),
                    "--quintet.ledger.backoff-max=5s", // the old default: a down node's worker sleeps long
                    "--quintet.ledger.timeout=1s");
            long stopped;
            try {
                Ledger ledger = context.getBean(Ledger.class);
                for (int i = 0; i < 20; i++) {
                    ledger.update("n" + i, "x", 20200101000000L + i);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline && !deliveredAndDown(ledger, a, b)) {
                    Thread.sleep(100);
                }
                assertThat(ledger.status().nodes()).hasSize(62);
                assertThat(ledger.status().nodes()).filteredOn(n -> !n.state().equals("down"))
                        .extracting(Ledger.Node::url, Ledger.Node::state, Ledger.Node::appliedPosition)
                        .containsExactlyInAnyOrder(tuple(a.url(), "in_sync", 20L), tuple(b.url(), "in_sync", 20L));
                Thread.sleep(3000); // let the down nodes' backoff grow
                // every platform thread of the ledger (a thread per node was named ledger-<url>) and of its
                // Redis clients: at most the delivery pool (8), the commit thread, and the shared event loops
                // (counted as growth: contexts of other tests in this JVM have threads of those names too)
                long ledgerThreads = threads("ledger-") - ledgerBefore;
                long lettuceThreads = threads("lettuce-") - lettuceBefore;
                System.out.printf("62 ledger nodes: %d more ledger threads, %d more Redis client threads%n",
                        ledgerThreads, lettuceThreads);
                assertThat(ledgerThreads).as("ledger threads for 62 nodes").isLessThanOrEqualTo(8 + 1);
                assertThat(lettuceThreads).as("Redis client threads for 62 nodes").isLessThanOrEqualTo(6);
            } finally {
                long start = System.nanoTime();
                context.close();
                stopped = Duration.ofNanos(System.nanoTime() - start).toMillis();
            }
            System.out.printf("62 ledger nodes (60 down) stopped in %d ms%n", stopped);
            // all at once: about the longest single step (the 1 s timeout), not 60 down nodes one after another
            assertThat(stopped).as("ms to stop (grace period 30 s)").isLessThan(3000);
        }
    }

    /** Whether the two real nodes hold the whole log and every other node is seen to be down. */
    private static boolean deliveredAndDown(Ledger ledger, RedisServer a, RedisServer b) {
        Ledger.Status status = ledger.status();
        return status.nodes().size() == 62 && status.nodes().stream().allMatch(n ->
                n.url().equals(a.url()) || n.url().equals(b.url())
                        ? n.appliedPosition() == status.head()
                        : n.state().equals("down"));
    }

    /** Live platform threads whose names start so. */
    private static long threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
