// bench/LedgerBench.java: the measuring half of bench/ledger, compiled by bench/lib.sh's bench_java with
// bench/BenchSupport.java against the test classes. It stays in package dev.quintet.ledger for RedisNode's
// key names, and uses the test support's QuintetProcess and RedisServer, as the ledger's fault tests do.
package dev.quintet.ledger;

import static dev.quintet.bench.BenchSupport.median;
import static dev.quintet.bench.BenchSupport.nearestRank;

import dev.quintet.support.QuintetProcess;
import dev.quintet.support.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * bench/ledger's measuring program (run by that script; not part of the test suite). Three figures, each
 * next to redis-benchmark SET against one of the same Redis nodes, in the same run:
 * <ol>
 * <li>acknowledged writes/s through POST /update with three nodes, vs redis-benchmark SET requests/s
 *     (same client count);</li>
 * <li>replication lag: during that load a probe writes one record every 10 ms and times ack → the record
 *     present on all three nodes; p50/p99 vs redis-benchmark's SET latency p50/p99;</li>
 * <li>catch-up: a fourth node is paused (SIGSTOP) while CATCHUP writes go in, then resumed; entries/s
 *     until it has applied the whole log, vs redis-benchmark SET with pipelining (-P 100), the
 *     fastest a client can put keys into Redis.</li>
 * </ol>
 */
public final class LedgerBench {

    static final int ROUNDS = env("ROUNDS", 3);
    static final int DURATION = env("DURATION", 10);
    static final int CLIENTS = env("CLIENTS", 32);
    static final int CATCHUP = env("CATCHUP", 100_000);
    static final int WARMUP = env("WARMUP", 15);

    public static void main(String[] args) throws Exception {
        System.out.printf("bench/ledger: ROUNDS=%d DURATION=%ds CLIENTS=%d CATCHUP=%d WARMUP=%ds, %d cores, load average %s%n",
                ROUNDS, DURATION, CLIENTS, CATCHUP, WARMUP, Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        Path data = Files.createTempDirectory("quintet-bench-ledger");
        List<RedisServer> nodes = new ArrayList<>();
        ClientResources resources = DefaultClientResources.create();
        try {
            for (int i = 0; i < 4; i++) {
                nodes.add(RedisServer.start());
            }
            List<RedisServer> three = nodes.subList(0, 3);
            RedisServer fourth = nodes.get(3);
            Map<String, String> env = Map.of(
                    "QUINTET_SERVICES", "ledger",
                    "QUINTET_LEDGER_NODES", three.stream().map(RedisServer::url).collect(Collectors.joining(",")),
                    "QUINTET_LEDGER_BACKOFF_MAX", "200ms",
                    "QUINTET_LEDGER_TIMEOUT", "1s",
                    "QUINTET_JAVA_OPTS", "");
            try (QuintetProcess quintet = QuintetProcess.server(data, env);
                 HttpClient http = HttpClient.newHttpClient()) {
                String base = "http://127.0.0.1:" + quintet.port;
                List<RedisCommands<String, String>> probes = new ArrayList<>();
                List<RedisClient> clients = new ArrayList<>();
                for (RedisServer n : three) {
                    RedisClient c = RedisClient.create(resources, n.url());
                    clients.add(c);
                    probes.add(c.connect().sync());
                }
                System.out.printf("warming up for %d s%n", WARMUP);
                load(http, base, "warm", WARMUP, CLIENTS, new ArrayList<>(), probes);

                List<Double> writes = new ArrayList<>(), sets = new ArrayList<>(), ratios = new ArrayList<>();
                List<Double> lag50 = new ArrayList<>(), lag99 = new ArrayList<>(), set50 = new ArrayList<>(), set99 = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    List<Double> lags = Collections.synchronizedList(new ArrayList<>());
                    double rate = load(http, base, "r" + round, DURATION, CLIENTS, lags, probes);
                    Bench redis = redisBenchmark(three.getFirst().port, 200_000, CLIENTS, 1);
                    List<Double> measured = List.copyOf(lags); // the probe thread has stopped
                    double p50 = nearestRank(measured, 0.50), p99 = nearestRank(measured, 0.99);
                    System.out.printf("round %d: quintet %8.0f acked writes/s | redis-benchmark SET %8.0f req/s | ratio %.4f%n",
                            round, rate, redis.rps, rate / redis.rps);
                    System.out.printf("         lag ack→all 3 nodes p50 %6.2f ms p99 %6.2f ms (%d probes) | SET latency p50 %.3f ms p99 %.3f ms%n",
                            p50, p99, measured.size(), redis.p50, redis.p99);
                    writes.add(rate);
                    sets.add(redis.rps);
                    ratios.add(rate / redis.rps);
                    lag50.add(p50);
                    lag99.add(p99);
                    set50.add(redis.p50);
                    set99.add(redis.p99);
                }

                // catch-up of a node that missed CATCHUP writes
                send(http, base + "/api/ledger/nodes", "{\"url\": \"" + fourth.url() + "\"}");
                RedisClient fourthClient = RedisClient.create(resources, fourth.url());
                clients.add(fourthClient);
                RedisCommands<String, String> d = fourthClient.connect().sync();
                awaitPosition(d, head(http, base), Duration.ofMinutes(5));
                System.out.printf("fourth node in sync; pausing it (SIGSTOP) for %,d writes%n", CATCHUP);
                signal("STOP", fourth.pid());
                long start = System.nanoTime();
                writeCount(http, base, "catchup", CATCHUP, CLIENTS);
                double writeSeconds = (System.nanoTime() - start) / 1e9;
                long head = head(http, base);
                System.out.printf("  wrote %,d in %.1f s (%.0f acked writes/s); resuming the node at head %d%n",
                        CATCHUP, writeSeconds, CATCHUP / writeSeconds, head);
                signal("CONT", fourth.pid());
                long resumed = System.nanoTime();
                long missed = head - Long.parseLong(d.get(RedisNode.POSITION));
                awaitPosition(d, head, Duration.ofMinutes(10));
                double catchUp = (System.nanoTime() - resumed) / 1e9;
                Bench pipelined = redisBenchmark(three.getFirst().port, 1_000_000, CLIENTS, 100);

                System.out.println();
                System.out.printf("medians of %d rounds%n", ROUNDS);
                System.out.printf("  acknowledged writes/s, 3 nodes   %10.0f   redis-benchmark SET req/s %10.0f   ratio %.4f (median of rounds)%n",
                        median(writes), median(sets), median(ratios));
                System.out.printf("  replication lag p50 / p99 (ms)   %6.2f / %6.2f   SET latency p50 / p99 (ms) %.3f / %.3f%n",
                        median(lag50), median(lag99), median(set50), median(set99));
                System.out.printf("  catch-up of %,d missed entries  %.2f s = %.0f entries/s   SET -P 100 %10.0f req/s   ratio %.4f%n",
                        missed, catchUp, missed / catchUp, pipelined.rps, missed / catchUp / pipelined.rps);
                clients.forEach(RedisClient::shutdown);
            }
        } finally {
            for (RedisServer n : nodes) {
                n.close();
            }
            resources.shutdown();
        }
    }

    /** Writes unique names from {@code clients} threads for {@code seconds}; returns acked writes/s. */
    static double load(HttpClient http, String base, String prefix, int seconds, int clients, List<Double> lags,
                       List<RedisCommands<String, String>> nodes) throws Exception {
        AtomicLong acked = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            int client = t;
            threads.add(Thread.ofVirtual().start(() -> {
                for (long i = 0; !stop.get(); i++) {
                    if (send(http, base + "/update", body(prefix + "-" + client + "-" + i, i)) == 200) {
                        acked.incrementAndGet();
                    }
                }
            }));
        }
        if (lags != null) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (long i = 0; !stop.get(); i++) {
                    String name = prefix + "-probe-" + i;
                    if (send(http, base + "/update", body(name, i)) != 200) {
                        continue;
                    }
                    long acknowledged = System.nanoTime();
                    for (RedisCommands<String, String> node : nodes) {
                        while (node.exists(RedisNode.RECORD + name) == 0 && !stop.get()) {
                            LockSupport.parkNanos(1_000_000); // 1 ms: finer polling would take the CPU the server needs
                        }
                    }
                    if (!stop.get()) {
                        lags.add((System.nanoTime() - acknowledged) / 1e6);
                    }
                    LockSupport.parkNanos(10_000_000);
                }
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long done = acked.get();
        for (Thread t : threads) {
            t.join();
        }
        return done / elapsed;
    }

    static void writeCount(HttpClient http, String base, String prefix, int count, int clients) throws Exception {
        AtomicLong next = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    if (send(http, base + "/update", body(prefix + "-" + i, i)) != 200) {
                        throw new IllegalStateException("a write was refused");
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    static String body(String name, long i) {
        return "{\"name\": \"" + name + "\", \"author\": \"bench\", \"timestamp\": " + (20200101000000L + i % 60) + "}";
    }

    static int send(HttpClient http, String url, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static long head(HttpClient http, String base) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ledger/nodes")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var m = Pattern.compile("\"head\":(\\d+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no head in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    static void awaitPosition(RedisCommands<String, String> node, long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String p = node.get(RedisNode.POSITION);
            if (p != null && Long.parseLong(p) >= position) {
                return;
            }
            LockSupport.parkNanos(1_000_000);
        }
        throw new IllegalStateException("the node did not reach position " + position + " within " + timeout);
    }

    record Bench(double rps, double p50, double p99) {
    }

    /** redis-benchmark SET on the same machine; its CSV: test, rps, avg, min, p50, p95, p99, max. */
    static Bench redisBenchmark(int port, int requests, int clients, int pipeline) throws Exception {
        String binary = System.getenv().getOrDefault("REDIS_BENCHMARK", "redis-benchmark");
        Process p = new ProcessBuilder(binary, "-p", String.valueOf(port), "-t", "set", "-n", String.valueOf(requests),
                "-c", String.valueOf(clients), "-P", String.valueOf(pipeline), "-r", "100000", "--csv")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith("\"SET\"")) {
                String[] f = line.replace("\"", "").split(",");
                return new Bench(Double.parseDouble(f[1]), Double.parseDouble(f[4]), Double.parseDouble(f[6]));
            }
        }
        throw new IllegalStateException("unexpected redis-benchmark output:\n" + out);
    }

    static void signal(String signal, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
    }

    private static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v);
    }
}
