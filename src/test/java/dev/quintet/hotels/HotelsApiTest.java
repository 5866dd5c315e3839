package dev.quintet.hotels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.hotels.sandbox.SandboxController;
import dev.quintet.hotels.sandbox.SandboxSite;
import dev.quintet.support.Http.Response;
import dev.quintet.support.Http;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Geo and search over a real socket, against the sandbox this same server serves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quintet.hotels.sandbox-latency=20ms", "quintet.hotels.concurrency=8", "quintet.hotels.retries=6",
        "quintet.hotels.backoff=5ms", "quintet.hotels.timeout=1s"})
class HotelsApiTest {

    static final int PARIS = 169;

    @LocalServerPort
    int port;

    @Autowired
    SandboxController sandbox;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @AfterEach
    void calmSandbox() {
        sandbox.configure(Duration.ofMillis(20), 0);
    }

    @Test
    void everyIsoCountryIsThere() {
        JsonNode countries = http.get("/api/geo/countries").json();
        assertThat(countries).hasSize(249);
        assertThat(countries.toString()).contains("{\"code\":\"FR\",\"name\":\"France\"}");
    }

    @Test
    void citiesAreFilteredSortedAndPaged() {
        JsonNode page = http.get("/api/geo/cities?country=fr&sort=-population&size=2").json();
        assertThat(page.get("total").asInt()).isGreaterThan(5);
        assertThat(names(page.get("items"))).containsExactly("Paris", "Marseille");
        assertThat(page.get("items").get(0).get("capital").asBoolean()).isTrue();

        JsonNode second = http.get("/api/geo/cities?country=FR&sort=-population&size=2&page=2").json();
        assertThat(names(second.get("items"))).containsExactly("Lyon", "Nice");

        assertThat(names(http.get("/api/geo/cities?search=SAN&sort=name&size=100").json().get("items")))
                .contains("San Francisco", "San Diego", "San Marino", "Busan").isSorted();
        assertThat(http.get("/api/geo/cities?search=100%25").json().get("total").asInt()).isZero();
        assertThat(http.get("/api/geo/cities?size=500").json().get("total").asInt()).isGreaterThan(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=0", "page=x", "size=0", "size=501", "sort=secret", "sort=name;drop", "country=FRA", "country=1"})
    void badCityParametersAre400(String query) {
        Response response = http.get("/api/geo/cities?" + query);
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequential", "threads", "virtual-threads", "distributed"})
    void everyStrategyFindsTheHotelsOfTheListingPage(String strategy) {
        JsonNode result = search(PARIS, 2, strategy);
        City paris = new City(PARIS, "Paris", "FR", 0, 0, 2_100_000, true);
        List<String> expected = SandboxSite.listing(paris, 2).stream().map(Hotel::uid).toList();

        assertThat(result.get("strategy").asString()).isEqualTo(strategy);
        assertThat(result.get("failures")).isEmpty();
        assertThat(StreamSupport.stream(result.get("hotels").spliterator(), false).map(h -> h.get("uid").asString()))
                .containsExactlyInAnyOrderElementsOf(expected);
        JsonNode first = result.get("hotels").get(0);
        for (String field : List.of("uid", "name", "description", "url", "rating", "reviews", "rank", "rank_total", "stars", "city_id")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("city_id").asInt()).isEqualTo(PARIS);
        assertThat(result.get("pages").asInt()).isEqualTo(31);
        JsonNode timings = result.get("timings");
        assertThat(timings.get("listing_ms").asDouble()).isGreaterThanOrEqualTo(20);
        assertThat(timings.get("hotels_ms").asDouble()).isGreaterThanOrEqualTo(20);
        assertThat(timings.get("total_ms").asDouble())
                .isGreaterThanOrEqualTo(timings.get("listing_ms").asDouble() + timings.get("hotels_ms").asDouble() - 1);
        assertThat(timings.get("pages_per_second").asDouble()).isPositive();
    }

    @Test
    void sequentialReadsOnePageAtATimeAndTheOthersStayWithinTheBound() {
        sandbox.configure(Duration.ofMillis(30), 0);
        sandbox.takeMaxInFlight();
        search(PARIS, 1, "sequential");
        assertThat(sandbox.takeMaxInFlight()).isEqualTo(1);
        for (String strategy : List.of("threads", "virtual-threads", "distributed")) {
            search(PARIS, 1, strategy);
            // the bound is 8 pages at once; the listing page may still be closing when the first ones start
            assertThat(sandbox.takeMaxInFlight()).as(strategy).isBetween(2, 8);
        }
    }

    @Test
    void failedPagesAreRetriedUntilTheyAnswer() {
        sandbox.configure(Duration.ZERO, 0.2);
        JsonNode result = search(PARIS, 3, "virtual-threads");
        // 7 attempts each at a 20 % failure rate: a page fails for good about once in 78,000
        assertThat(result.get("failures")).isEmpty();
        assertThat(result.get("hotels")).hasSize(30);
        assertThat(result.get("attempts").asInt()).isGreaterThan(31);
    }

    @Test
    void pagesThatNeverAnswerAreReportedNotHidden() {
        sandbox.configure(Duration.ZERO, 1.0);
        JsonNode result = search(PARIS, 1, "threads");
        assertThat(result.get("hotels")).isEmpty();
        assertThat(result.get("failures")).hasSize(1);
        JsonNode failure = result.get("failures").get(0);
        assertThat(failure.get("url").asString()).endsWith("/sandbox/travel/cities/169/hotels?page=1");
        assertThat(failure.get("attempts").asInt()).isEqualTo(7);
        assertThat(failure.get("error").asString()).isEqualTo("HTTP 503");
    }

    @Test
    void aPageSlowerThanTheTimeoutFails() {
        sandbox.configure(Duration.ofMillis(1500), 0);
        long start = System.nanoTime();
        JsonNode result = search(PARIS, 1, "sequential");
        assertThat(result.get("failures").get(0).get("error").asString()).startsWith("timed out");
        // 7 attempts of 1 s each plus backoff, not 7 × 1.5 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(7 * 1400));
    }

    @Test
    void analyzeMeasuresEveryStrategyOnTheSamePage() {
        Response response = http.post("/api/hotels/analyze", "{\"city_id\": 169, \"page\": 4}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode runs = response.json().get("runs");
        assertThat(StreamSupport.stream(runs.spliterator(), false).map(r -> r.get("strategy").asString()))
                .containsExactly("sequential", "threads", "virtual-threads", "distributed");
        runs.forEach(r -> {
            assertThat(r.get("hotels").asInt()).isEqualTo(30);
            assertThat(r.get("timings").get("total_ms").asDouble()).isPositive();
        });
        // 31 pages one after another against at most 8 at a time: measured, so only the order is certain
        double sequential = runs.get(0).get("timings").get("hotels_ms").asDouble();
        double virtual = runs.get(2).get("timings").get("hotels_ms").asDouble();
        assertThat(sequential).isGreaterThan(2 * virtual);
        assertThat(http.post("/api/hotels/analyze", "{\"city_id\": 169}").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"city_id\": 99999, \"page\": 1, \"strategy\": \"threads\"}|city_id",
            "{\"city_id\": 169, \"page\": 99, \"strategy\": \"threads\"}|page",
            "{\"city_id\": 169, \"page\": 0, \"strategy\": \"threads\"}|page",
            "{\"city_id\": 169, \"page\": 1, \"strategy\": \"processes\"}|strategy",
            "{\"city_id\": 169, \"page\": 1}|strategy",
            "{\"city_id\": \"169\", \"page\": 1, \"strategy\": \"threads\"}|city_id",
            "{\"city_id\": 169, \"page\": 1, \"strategy\": \"threads\", \"x\": 1}|x"})
    void badSearchesAre400NamingTheField(String body, String field) {
        Response response = http.post("/api/hotels/search", body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).as(body).contains(field);
    }

    @Test
    void theSandboxAnswers404ForWhatItDoesNotHave() {
        assertThat(http.get("/sandbox/travel/cities/169/hotels?page=99").status()).isEqualTo(404);
        assertThat(http.get("/sandbox/travel/cities/99999/hotels?page=1").status()).isEqualTo(404);
        assertThat(http.get("/sandbox/travel/hotels/169999").status()).isEqualTo(404);
        Response page = http.get("/sandbox/travel/hotels/169001");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("application/ld+json", "#1 of ");
    }

    JsonNode search(int city, int page, String strategy) {
        Response response = http.post("/api/hotels/search",
                "{\"city_id\": %d, \"page\": %d, \"strategy\": \"%s\"}".formatted(city, page, strategy));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> names(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(n -> n.get("name").asString()).toList();
    }
}
