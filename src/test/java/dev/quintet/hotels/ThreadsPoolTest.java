package dev.quintet.hotels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.hotels.sandbox.SandboxSite;
import dev.quintet.support.Http.Response;
import dev.quintet.support.Http;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The {@code threads} strategy shares one pool of platform threads between all searches: two searches at
 * once never run more pool threads than the pool has, and later searches reuse the same threads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quintet.hotels.sandbox-latency=20ms", "quintet.hotels.threads-pool=4"})
class ThreadsPoolTest {

    static final int POOL = 4;
    static final City PARIS = new City(169, "Paris", "FR", 0, 0, 2_100_000, true);

    @LocalServerPort
    int port;

    @Test
    void concurrentSearchesShareTheBoundedPoolAndFindTheSameHotels() throws Exception {
        Http http = new Http(port);
        AtomicInteger mostAlive = new AtomicInteger();
        Set<String> names = ConcurrentHashMap.newKeySet();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (sampling.get()) {
                List<Thread> alive = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("hotels-scrape-")).toList();
                mostAlive.accumulateAndGet(alive.size(), Math::max);
                alive.forEach(t -> names.add(t.getName() + "#" + t.threadId()));
                Thread.onSpinWait();
            }
        });
        try {
            CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(() -> search(http, 1));
            CompletableFuture<JsonNode> second = CompletableFuture.supplyAsync(() -> search(http, 2));
            assertFound(first.get(), 1);
            assertFound(second.get(), 2);
            assertFound(search(http, 3), 3);
        } finally {
            sampling.set(false);
            sampler.join();
        }
        assertThat(mostAlive.get()).as("pool threads alive at once").isBetween(1, POOL);
        // the same threads served all three searches: no pool per request
        assertThat(names).as("distinct pool threads over three searches").hasSizeBetween(1, POOL);
    }

    static JsonNode search(Http http, int page) {
        Response response = http.post("/api/hotels/search",
                "{\"city_id\": %d, \"page\": %d, \"strategy\": \"threads\"}".formatted(PARIS.id(), page));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static void assertFound(JsonNode result, int page) {
        assertThat(result.get("failures")).isEmpty();
        List<String> expected = SandboxSite.listing(PARIS, page).stream().map(Hotel::uid).toList();
        assertThat(StreamSupport.stream(result.get("hotels").spliterator(), false).map(h -> h.get("uid").asString()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}
