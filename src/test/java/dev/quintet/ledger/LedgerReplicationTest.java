package dev.quintet.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.support.Http.Response;
import dev.quintet.support.Http;
import dev.quintet.support.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Fault tests with real redis-server processes: a node that misses writes catches up, a new node gets a
 * full copy, a node changed behind Quintet's back is found and repaired. Each test adds its nodes
 * through the API and removes them again, on a database of its own (the properties make a new context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"quintet.ledger.lease=3s", "quintet.ledger.backoff-max=500ms", "quintet.ledger.timeout=1s"})
class LedgerReplicationTest {

    private static ClientResources resources;

    @LocalServerPort
    int port;

    @Autowired
    LedgerRepository ledgerLog;

    Http http;
    final List<RedisServer> servers = new ArrayList<>();

    @BeforeAll
    static void resources() {
        resources = DefaultClientResources.create();
    }

    @AfterAll
    static void shutdown() {
        resources.shutdown();
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @AfterEach
    void stopServers() throws InterruptedException {
        for (RedisServer server : servers) {
            http.send(http.request("/api/ledger/nodes?url=" + server.url()).DELETE().build());
            server.close();
        }
    }

    private RedisServer node() throws Exception {
        RedisServer server = RedisServer.start();
        servers.add(server);
        assertThat(http.post("/api/ledger/nodes", "{\"url\": \"" + server.url() + "\"}").status()).isEqualTo(201);
        return server;
    }

    /** Writes {@code count} versions over {@code names} names through HTTP, from 8 clients; some removals too. */
    private void write(String prefix, int count, int names) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int client = t;
                done.add(pool.submit(() -> {
                    for (int i = client; i < count; i += 8) {
                        String name = prefix + (i % names);
                        Response r = http.post("/update", "{\"name\": \"%s\", \"author\": \"author %d\", \"timestamp\": %d}"
                                .formatted(name, i, ts(i)));
                        assertThat(r.status()).as(r.body()).isIn(200, 409);
                        if (i % 997 == 0) {
                            assertThat(http.get("/remove?name=" + name).status()).isEqualTo(200);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    /** The i-th second after 2020-01-01 as YYYYMMDDhhmmss. */
    static long ts(int i) {
        return Long.parseLong(LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(i)
                .format(DateTimeFormatter.ofPattern("uuuuMMddHHmmss")));
    }

    private static TreeMap<String, TreeMap<Long, String>> contents(RedisServer server) {
        try (RedisNode node = new RedisNode(server.url(), resources, Duration.ofSeconds(2))) {
            return node.dump().records();
        }
    }

    private static long position(RedisServer server) {
        try (RedisNode node = new RedisNode(server.url(), resources, Duration.ofSeconds(2))) {
            return node.position();
        }
    }

    /** Waits until every server has applied the whole log, then checks it holds exactly the log's state. */
    private void assertConverged(List<RedisServer> nodes, Duration within) throws InterruptedException {
        long head = ledgerLog.head();
        long deadline = System.nanoTime() + within.toNanos();
        for (RedisServer server : nodes) {
            while (position(server) != head && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(position(server)).as("position of " + server.url()).isEqualTo(head);
        }
        Map<String, TreeMap<Long, String>> expected = ledgerLog.state(head).records();
        for (RedisServer server : nodes) {
            assertThat(contents(server)).as("contents of " + server.url()).isEqualTo(expected);
        }
    }

    @Test
    void aNodeStoppedDuring10000WritesCatchesUpAndEveryNodeEqualsTheLog() throws Exception {
        RedisServer a = node(), b = node(), c = node();
        write("warm-", 200, 20);
        assertConverged(List.of(a, b, c), Duration.ofSeconds(30));

        b.kill();
        write("down-", 10_000, 500);
        Response status = http.get("/api/ledger/nodes");
        assertThat(status.body()).contains("\"down\"");

        b.restart(); // empty, as a node without persistence comes back: it needs a full copy
        assertConverged(List.of(a, b, c), Duration.ofSeconds(60));
        for (var node : http.get("/api/ledger/nodes").json().get("nodes")) {
            if (node.get("url").asString().equals(b.url())) {
                assertThat(node.get("lag").asLong()).isZero();
            }
        }
    }

    @Test
    void aNodeThatWasOnlyUnreachableResumesFromItsOwnPosition() throws Exception {
        RedisServer a = node();
        write("pause-", 300, 30);
        assertConverged(List.of(a), Duration.ofSeconds(30));
        // a paused process keeps its data: delivery must resume from its position, not copy again
        // a full copy would clear every ledger key, this marker too
        try (RedisClient client = RedisClient.create(resources, a.url());
             StatefulRedisConnection<String, String> redis = client.connect()) {
            redis.sync().set(RedisNode.PREFIX + "marker", "no full copy");
        }
        new ProcessBuilder("kill", "-STOP", String.valueOf(a.pid())).start().waitFor();
        try {
            write("pause-", 1000, 30);
            Thread.sleep(1500);
        } finally {
            new ProcessBuilder("kill", "-CONT", String.valueOf(a.pid())).start().waitFor();
        }
        assertConverged(List.of(a), Duration.ofSeconds(30));
        try (RedisClient client = RedisClient.create(resources, a.url());
             StatefulRedisConnection<String, String> redis = client.connect()) {
            assertThat(redis.sync().get(RedisNode.PREFIX + "marker")).isEqualTo("no full copy");
        }
    }

    @Test
    void aFourthNodeAddedToAPopulatedLedgerConverges() throws Exception {
        RedisServer a = node(), b = node(), c = node();
        write("populated-", 3000, 300);
        assertConverged(List.of(a, b, c), Duration.ofSeconds(30));

        RedisServer d = RedisServer.start();
        servers.add(d);
        // something of someone else's on the new node stays; a stale ledger key does not
        try (RedisClient client = RedisClient.create(resources, d.url());
             StatefulRedisConnection<String, String> redis = client.connect()) {
            redis.sync().set("someone:else", "keep");
            redis.sync().hset(RedisNode.RECORD + "stale", "1", "x");
            assertThat(http.post("/api/ledger/nodes", "{\"url\": \"" + d.url() + "\"}").status()).isEqualTo(201);
            write("populated-more-", 500, 50);
            assertConverged(List.of(a, b, c, d), Duration.ofSeconds(60));
            assertThat(redis.sync().get("someone:else")).isEqualTo("keep");
        }
        assertThat(http.post("/api/ledger/nodes", "{\"url\": \"" + d.url() + "\"}").status()).isEqualTo(409);
    }

    @Test
    void reconciliationFindsAndRepairsANodeChangedBehindQuintetsBack() throws Exception {
        RedisServer a = node(), b = node();
        write("reconcile-", 500, 50);
        assertConverged(List.of(a, b), Duration.ofSeconds(30));

        Response clean = http.post("/api/ledger/reconcile?repair=false", "");
        assertThat(clean.status()).isEqualTo(200);
        clean.json().get("nodes").forEach(n -> assertThat(n.get("outcome").asString()).isEqualTo("equal to the log"));

        try (RedisClient client = RedisClient.create(resources, b.url());
             StatefulRedisConnection<String, String> redis = client.connect()) {
            String victim = contents(b).firstKey();
            redis.sync().hset(RedisNode.RECORD + victim, "20990101000000", "forged");     // a version added
            String other = contents(b).lastKey();
            redis.sync().del(RedisNode.RECORD + other);                                   // a record lost
            redis.sync().hset(RedisNode.RECORD + "intruder", "20200101000000", "x");      // a record never written
            redis.sync().sadd(RedisNode.NAMES, "intruder");

            Response found = http.post("/api/ledger/reconcile?repair=false", "");
            var reports = found.json().get("nodes");
            for (var report : reports) {
                if (report.get("url").asString().equals(b.url())) {
                    assertThat(report.get("outcome").asString()).isEqualTo("differs");
                    assertThat(report.get("differing").toString()).contains(victim, other, "intruder");
                } else {
                    assertThat(report.get("outcome").asString()).isEqualTo("equal to the log");
                }
            }
            assertThat(contents(b)).containsKey("intruder"); // a check alone changes nothing

            Response repaired = http.post("/api/ledger/reconcile", "");
            assertThat(repaired.body()).contains("\"repaired\":3");
            assertConverged(List.of(a, b), Duration.ofSeconds(10));
            assertThat(redis.sync().exists(RedisNode.RECORD + "intruder")).isZero();
        }
    }

    @Test
    void readsAreAnsweredByACaughtUpNodeOrTheLogAndNeverMissAnAcknowledgedWrite() throws Exception {
        node();
        node();
        for (int i = 0; i < 200; i++) {
            String name = "read-" + ThreadLocalRandom.current().nextInt(20);
            long ts = ts(100_000 + i);
            assertThat(http.post("/update", "{\"name\": \"%s\", \"author\": \"r%d\", \"timestamp\": %d}"
                    .formatted(name, i, ts)).status()).isEqualTo(200);
            Response read = http.get("/get?name=" + name);
            assertThat(read.json().get("timestamp").asLong()).isEqualTo(ts);
        }
    }
}
