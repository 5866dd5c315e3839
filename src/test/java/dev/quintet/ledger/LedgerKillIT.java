package dev.quintet.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.support.Http;
import dev.quintet.support.QuintetProcess;
import dev.quintet.support.RedisServer;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the Quintet process in the middle of a write burst: after a restart on the same data
 * directory, every acknowledged write is on every node, and every node holds exactly the log (so nothing
 * is there twice, nor anything the log does not have).
 */
class LedgerKillIT {

    @Test
    void everyAcknowledgedWriteSurvivesAKill9AndReachesEveryNode() throws Exception {
        Path data = Files.createTempDirectory("quintet-ledger-kill");
        List<RedisServer> servers = new ArrayList<>();
        ClientResources resources = DefaultClientResources.create();
        try {
            for (int i = 0; i < 3; i++) {
                servers.add(RedisServer.start());
            }
            Map<String, String> env = Map.of(
                    "QUINTET_SERVICES", "ledger",
                    "QUINTET_LEDGER_NODES", servers.stream().map(RedisServer::url).collect(Collectors.joining(",")),
                    "QUINTET_LEDGER_LEASE", "2s");
            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger attempted = new AtomicInteger();
            try (QuintetProcess quintet = QuintetProcess.server(data, env)) {
                Http http = new Http(quintet.port);
                CountDownLatch started = new CountDownLatch(200);
                List<Thread> writers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int client = t;
                    writers.add(Thread.ofVirtual().start(() -> {
                        for (int i = 0; ; i++) {
                            String name = "burst-" + client + "-" + i;
                            long ts = LedgerReplicationTest.ts(i);
                            attempted.incrementAndGet();
                            try {
                                var r = http.post("/update", "{\"name\": \"%s\", \"author\": \"w%d\", \"timestamp\": %d}"
                                        .formatted(name, client, ts));
                                if (r.status() == 200) {
                                    acknowledged.put(name, ts);
                                }
                            } catch (RuntimeException killed) {
                                return; // the server is gone: this write was not acknowledged
                            }
                            started.countDown();
                        }
                    }));
                }
                started.await();
                quintet.kill9();
                for (Thread w : writers) {
                    w.join(30_000);
                }
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);

            try (QuintetProcess again = QuintetProcess.server(data, env)) {
                Http http = new Http(again.port);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                long head = -1;
                while (System.nanoTime() < deadline) {
                    var status = http.get("/api/ledger/nodes").json();
                    head = status.get("head").asLong();
                    boolean caughtUp = true;
                    for (var node : status.get("nodes")) {
                        caughtUp &= node.get("appliedPosition").asLong() == status.get("head").asLong();
                    }
                    if (caughtUp) {
                        break;
                    }
                    Thread.sleep(200);
                }
                assertThat(head).isGreaterThanOrEqualTo(acknowledged.size());
                assertThat(head).isLessThanOrEqualTo(attempted.get());
                var dump = http.get("/dump").json();
                for (RedisServer server : servers) {
                    try (RedisNode node = new RedisNode(server.url(), resources, Duration.ofSeconds(2))) {
                        RedisNode.Dump copy = node.dump();
                        assertThat(copy.position()).as("position of " + server.url()).isEqualTo(head);
                        // every acknowledged write is there
                        acknowledged.forEach((name, ts) ->
                                assertThat(copy.records().get(name)).as(name + " on " + server.url()).containsKey(ts));
                        // one version per write, one write per log entry: exactly the log, nothing twice
                        assertThat(copy.records()).hasSize((int) head);
                        copy.records().values().forEach(v -> assertThat(v).hasSize(1));
                        TreeMap<String, Long> fromNode = new TreeMap<>();
                        copy.records().forEach((name, v) -> fromNode.put(name, v.firstKey()));
                        TreeMap<String, Long> fromDump = new TreeMap<>();
                        dump.properties().forEach(e -> fromDump.put(e.getKey(), e.getValue().get(0).get("timestamp").asLong()));
                        assertThat(fromNode).isEqualTo(fromDump);
                    }
                }
            }
        } finally {
            for (RedisServer server : servers) {
                server.close();
            }
            resources.shutdown();
        }
    }
}
