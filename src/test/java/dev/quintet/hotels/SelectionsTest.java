package dev.quintet.hotels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.hotels.sandbox.SandboxSite;
import dev.quintet.support.Http.Response;
import dev.quintet.support.Http;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Selections through the event publication registry: stored by the listener, idempotently by uid; a
 * delivery that fails stays in the registry and is delivered when resubmitted; the selected hotels'
 * read, update and delete endpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quintet.hotels.sandbox-latency=0ms", "quintet.hotels.outbox-retry=1h"})
class SelectionsTest {

    static final City LYON = new City(171, "Lyon", "FR", 45.764, 4.8357, 520_000, false);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SelectionListener listener;

    @Autowired
    IncompleteEventPublications incomplete;

    Http http;

    @BeforeEach
    void clean() {
        http = new Http(port);
        listener.failNextDeliveries(0);
        jdbc.sql("delete from hotels_selected").update();
    }

    @Test
    void aSelectionIsStoredOncePerUidHoweverOftenItArrives() {
        List<Hotel> hotels = listing(LYON, 1).subList(0, 5);
        assertThat(select(LYON.id(), hotels).status()).isEqualTo(202);
        await(() -> count() == 5);

        // the same hotels again, two of them changed, plus one new: still one row per uid
        Hotel changed = withRating(hotels.get(0), 1.5);
        assertThat(select(LYON.id(), List.of(changed, hotels.get(1), hotel(LYON, 9))).status()).isEqualTo(202);
        await(() -> count() == 6 && rating(changed.uid()) == 1.5);
        assertThat(completedPublications()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aWholeListingPageFitsInOneEvent() {
        City paris = new City(169, "Paris", "FR", 0, 0, 2_100_000, true);
        assertThat(select(paris.id(), listing(paris, 1)).status()).isEqualTo(202);
        await(() -> count() == 30);
    }

    @Test
    void aDeliveryThatFailsIsKeptAndDeliveredWhenResubmitted() {
        listener.failNextDeliveries(1);
        List<Hotel> hotels = listing(LYON, 1).subList(10, 13);
        assertThat(select(LYON.id(), hotels).status()).isEqualTo(202);

        // the listener ran and threw: nothing stored, the publication still incomplete
        await(() -> listener.deliveriesStillToFail() == 0);
        await(() -> incompletePublications() == 1);
        sleep(300);
        assertThat(count()).isZero();
        assertThat(incompletePublications()).isEqualTo(1);

        incomplete.resubmitIncompletePublications(publication -> true);
        await(() -> count() == 3);
        await(() -> incompletePublications() == 0);
    }

    @Test
    void selectedHotelsAreListedFilteredSortedReadUpdatedAndDeleted() {
        List<Hotel> hotels = listing(LYON, 1).subList(0, 10);
        select(LYON.id(), hotels);
        await(() -> count() == 10);

        JsonNode page = http.get("/api/hotels/selected?sort=-rating&size=4").json();
        assertThat(page.get("total").asInt()).isEqualTo(10);
        assertThat(page.get("items")).hasSize(4);
        List<Double> ratings = StreamSupport.stream(page.get("items").spliterator(), false).map(h -> h.get("rating").asDouble()).toList();
        assertThat(ratings).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        double best = hotels.stream().mapToDouble(Hotel::rating).max().orElseThrow();
        assertThat(ratings.getFirst()).isEqualTo(best);

        int minStars = 3;
        long withStars = hotels.stream().filter(h -> h.stars() >= minStars).count();
        assertThat(http.get("/api/hotels/selected?min_stars=3&size=100").json().get("total").asLong()).isEqualTo(withStars);
        assertThat(http.get("/api/hotels/selected?city_id=1").json().get("total").asLong()).isZero();
        assertThat(http.get("/api/hotels/selected?search=" + hotels.get(3).name().replace(" ", "%20")).json()
                .get("total").asLong()).isPositive();

        long id = page.get("items").get(0).get("id").asLong();
        JsonNode one = http.get("/api/hotels/selected/" + id).json();
        assertThat(one.get("uid").asString()).isEqualTo(page.get("items").get(0).get("uid").asString());

        ObjectNode edited = Http.JSON.valueToTree(withRating(findByUid(hotels, one.get("uid").asString()), 2.0));
        Response put = http.send(http.request("/api/hotels/selected/" + id).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(edited.toString())).build());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(http.get("/api/hotels/selected/" + id).json().get("rating").asDouble()).isEqualTo(2.0);

        // taking another row's uid is a conflict, and changes nothing
        ObjectNode clash = edited.deepCopy().put("uid", hotels.get(5).uid());
        Response conflict = http.send(http.request("/api/hotels/selected/" + id).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(clash.toString())).build());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(http.get("/api/hotels/selected/" + id).json().get("uid").asString()).isEqualTo(edited.get("uid").asString());

        assertThat(http.send(http.request("/api/hotels/selected/" + id).DELETE().build()).status()).isEqualTo(204);
        assertThat(http.get("/api/hotels/selected/" + id).status()).isEqualTo(404);
        assertThat(http.send(http.request("/api/hotels/selected/" + id).DELETE().build()).status()).isEqualTo(404);
        assertThat(count()).isEqualTo(9);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"city_id\": 171, \"hotels\": []}",
            "{\"city_id\": 171}",
            "{\"city_id\": 99999, \"hotels\": [HOTEL]}",
            "{\"city_id\": 1, \"hotels\": [HOTEL]}",
            "{\"city_id\": 171, \"hotels\": [{\"uid\": \"x\"}]}",
            "{\"city_id\": 171, \"hotels\": [HOTEL], \"extra\": true}"})
    void badSelectionsAre400AndPublishNothing(String template) {
        String body = template.replace("HOTEL", Http.JSON.writeValueAsString(hotel(LYON, 1)));
        long before = publications();
        Response response = select(body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(publications()).isEqualTo(before);
    }

    /** One field of an otherwise good hotel set to what the store could not hold or the console must not link. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "url         | \"javascript:alert(1)\"",
            "url         | \"file:///etc/passwd\"",
            "url         | \"/hotels/1\"",
            "url         | \"ftp://example.com/h\"",
            "url         | \"http://\"",
            "rank        | 500",
            "uid         | \"U65\"",
            "name        | \"N256\"",
            "description | \"D4001\"",
            "url         | \"L1001\"",
            "rating      | 5.5",
            "stars       | 6",
            "reviews     | -1",
            "city_id     | 169"})
    void aSelectionTheStoreCouldNotHoldIsRefusedNamingTheField(String field, String value) {
        ObjectNode hotel = Http.JSON.valueToTree(hotel(LYON, 1));
        String json = value.replace("U65", "u".repeat(65)).replace("N256", "n".repeat(256))
                .replace("D4001", "d".repeat(4001)).replace("L1001", "http://example.com/" + "l".repeat(982));
        hotel.set(field, Http.JSON.readTree(json));
        ArrayNode hotels = Http.JSON.createArrayNode().add(Http.JSON.valueToTree(hotel(LYON, 2))).add(hotel);
        String body = Http.JSON.createObjectNode().put("city_id", LYON.id()).set("hotels", hotels).toString();
        long before = publications();
        Response response = select(body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        String named = field.equals("rank_total") ? "rankTotal" : field;
        assertThat(response.json().get("detail").asString()).contains("hotels[1]." + (named.equals("city_id") ? "city_id" : named));
        assertThat(publications()).isEqualTo(before);
    }

    @Test
    void aSelectionListingOneUidTwiceIsRefused() {
        Hotel hotel = hotel(LYON, 1);
        Hotel same = withRating(hotel, 1.0);
        long before = publications();
        Response response = select(LYON.id(), List.of(hotel, hotel(LYON, 2), same));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("hotels[2].uid").contains("hotels[0]");
        assertThat(publications()).isEqualTo(before);
    }

    @Test
    void aSelectionTooLargeForTheOutboxIsRefusedNotFailedLater() {
        // under the 1 MB body limit, yet more characters as an event than event_publication holds
        List<Hotel> hotels = new ArrayList<>();
        for (int i = 1; i <= 240; i++) {
            Hotel h = hotel(LYON, 1);
            hotels.add(new Hotel("big-" + i, h.name(), "x".repeat(4000), h.url(), h.rating(), h.reviews(), h.rank(),
                    h.rankTotal(), h.stars(), h.cityId()));
        }
        long before = publications();
        Response response = select(LYON.id(), hotels);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("hotels");
        assertThat(response.json().get("detail").asString()).contains("fewer hotels");
        assertThat(publications()).isEqualTo(before);
    }

    @Test
    void anUpdateIsCheckedAsASelectionIsAndItsCityMustExist() {
        List<Hotel> hotels = listing(LYON, 1).subList(0, 1);
        select(LYON.id(), hotels);
        await(() -> count() == 1);
        long id = jdbc.sql("select id from hotels_selected").query(Long.class).single();
        ObjectNode good = Http.JSON.valueToTree(hotels.getFirst());
        for (var bad : List.of(
                List.of("city_id", "99999", "city_id"),
                List.of("rank", "999", "rank"),
                List.of("url", "\"javascript:alert(1)\"", "url"))) {
            ObjectNode edited = good.deepCopy();
            edited.set(bad.get(0), Http.JSON.readTree(bad.get(1)));
            Response put = http.send(http.request("/api/hotels/selected/" + id).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(edited.toString())).build());
            assertThat(put.status()).as(bad + " " + put.body()).isEqualTo(400);
            assertThat(put.json().get("detail").asString()).contains(bad.get(2));
        }
        assertThat(http.get("/api/hotels/selected/" + id).json().get("url").asString()).isEqualTo(hotels.getFirst().url());
    }

    @Test
    void badSelectedQueriesAre400() {
        for (String query : List.of("sort=password", "page=0", "size=1000", "min_stars=x", "city_id=abc")) {
            assertThat(http.get("/api/hotels/selected?" + query).status()).as(query).isEqualTo(400);
        }
        assertThat(http.get("/api/hotels/selected/abc").status()).isEqualTo(400);
        assertThat(http.get("/api/hotels/selected/424242").status()).isEqualTo(404);
    }

    Response select(int cityId, List<Hotel> hotels) {
        ObjectNode body = Http.JSON.createObjectNode().put("city_id", cityId);
        ArrayNode array = body.putArray("hotels");
        hotels.forEach(h -> array.add(Http.JSON.valueToTree(h)));
        return select(body.toString());
    }

    Response select(String body) {
        return http.post("/api/hotels/selections", body);
    }

    long count() {
        return jdbc.sql("select count(*) from hotels_selected").query(Long.class).single();
    }

    double rating(String uid) {
        return jdbc.sql("select rating from hotels_selected where uid = ?").param(uid).query(Double.class).single();
    }

    long publications() {
        return jdbc.sql("select count(*) from event_publication").query(Long.class).single();
    }

    long completedPublications() {
        return jdbc.sql("select count(*) from event_publication where completion_date is not null").query(Long.class).single();
    }

    long incompletePublications() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }

    /** The sandbox's hotel as a search returns it: its url absolute, as scraping makes it. */
    static Hotel hotel(City city, int rank) {
        Hotel h = SandboxSite.hotel(city, rank);
        return new Hotel(h.uid(), h.name(), h.description(), "http://localhost:8080" + h.url(), h.rating(), h.reviews(),
                h.rank(), h.rankTotal(), h.stars(), h.cityId());
    }

    static List<Hotel> listing(City city, int page) {
        return SandboxSite.listing(city, page).stream().map(h -> hotel(city, h.rank())).toList();
    }

    static Hotel withRating(Hotel h, double rating) {
        return new Hotel(h.uid(), h.name(), h.description(), h.url(), rating, h.reviews(), h.rank(), h.rankTotal(), h.stars(), h.cityId());
    }

    static Hotel findByUid(List<Hotel> hotels, String uid) {
        return hotels.stream().filter(h -> h.uid().equals(uid)).findFirst().orElseThrow();
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
