package dev.quintet.cars;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.support.Http.Response;
import dev.quintet.support.Http;
import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cars HTTP contract (the original's paths and bodies), over a real socket: every status code, every
 * error key, every bound.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CarsApiTest {

    private static final AtomicLong SERIALS = new AtomicLong(1_000);

    @LocalServerPort
    int port;

    @Autowired
    Cars cars;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CarRepository repository;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aStoredCarIsReturnedAsSent() {
        long serial = SERIALS.incrementAndGet();
        ObjectNode sent = TestCars.document(serial);

        Response created = http.post("/api/cars", sent.toString());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).isEqualTo(Http.JSON.readTree("{\"serial\": " + serial + "}"));
        assertThat(created.location()).endsWith("/api/cars/" + serial);

        Response read = http.get("/api/cars/" + serial);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(sent);
    }

    @Test
    void aTakenSerialIsAConflictAndTheStoredCarStays() {
        long serial = SERIALS.incrementAndGet();
        assertThat(http.post("/api/cars", TestCars.document(serial).toString()).status()).isEqualTo(201);

        Response again = http.post("/api/cars", TestCars.with(TestCars.document(serial), "ownerName", "\"Someone Else\"").toString());
        assertError(again, 409, "Conflict", "serial " + serial);
        assertThat(http.get("/api/cars/" + serial).json().get("ownerName").asString()).isEqualTo("Anna Ivanova");
    }

    @ParameterizedTest
    @CsvSource({"abc", "-1", "4294967296", "1.5", "0x10", "99999999999999999999"})
    void aSerialThatIsNotAUint32IsABadRequest(String serial) {
        assertError(http.get("/api/cars/" + serial), 400, "Bad Request", "serial must be an integer");
    }

    @Test
    void anUnknownSerialIsNotFound() {
        assertError(http.get("/api/cars/4294967295"), 404, "Not Found", "no car with serial 4294967295");
    }

    static Stream<Arguments> fieldsAtAndBeyondTheirBounds() {
        String s2 = "\"ab\"";
        String s3 = "\"abc\"";
        String s255 = "\"" + "x".repeat(255) + "\"";
        String s256 = "\"" + "x".repeat(256) + "\"";
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String field : new String[] {"ownerName", "code", "vehicleCode", "manufacturer", "model", "activationCode",
                "fuelFigures.usageDescription"}) {
            cases.add(Arguments.of(field, s2, 400)).add(Arguments.of(field, s3, 201))
                 .add(Arguments.of(field, s255, 201)).add(Arguments.of(field, s256, 400))
                 .add(Arguments.of(field, "12", 400)).add(Arguments.of(field, "true", 400));
        }
        cases.add(Arguments.of("ownerName", "\"Ёжиков Пётр\"", 201));
        cases.add(Arguments.of("engine.manufacturerCode", "\"\"", 201))
             .add(Arguments.of("engine.manufacturerCode", "\"A\"", 201))
             .add(Arguments.of("engine.manufacturerCode", "\"AB\"", 400));
        for (String field : new String[] {"modelYear"}) {
            addIntegerBounds(cases, field, 4_294_967_295L);
        }
        for (String field : new String[] {"engine.capacity", "engine.maxRpm", "fuelFigures.speed",
                "performanceFigures.octaneRating", "performanceFigures.acceleration.mph"}) {
            addIntegerBounds(cases, field, 65_535);
        }
        addIntegerBounds(cases, "engine.numCylinders", 255);
        cases.add(Arguments.of("engine.capacity", "99999999999", 400))
             .add(Arguments.of("serialNumber", "99999999999999999999", 400));
        for (String field : new String[] {"fuelFigures.mpg", "performanceFigures.acceleration.seconds"}) {
            cases.add(Arguments.of(field, "30", 201)).add(Arguments.of(field, "7.25", 201))
                 .add(Arguments.of(field, "\"7.25\"", 400)).add(Arguments.of(field, "null", 400));
        }
        for (String field : new String[] {"engine", "fuelFigures", "performanceFigures", "performanceFigures.acceleration"}) {
            cases.add(Arguments.of(field, "null", 400)).add(Arguments.of(field, "[]", 400)).add(Arguments.of(field, "\"x\"", 400));
        }
        return cases.build();
    }

    private static void addIntegerBounds(Stream.Builder<Arguments> cases, String field, long max) {
        cases.add(Arguments.of(field, "0", 201)).add(Arguments.of(field, String.valueOf(max), 201))
             .add(Arguments.of(field, "-1", 400)).add(Arguments.of(field, String.valueOf(max + 1), 400))
             .add(Arguments.of(field, "\"1\"", 400)).add(Arguments.of(field, "1.5", 400))
             .add(Arguments.of(field, "true", 400)).add(Arguments.of(field, "null", 400));
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @MethodSource("fieldsAtAndBeyondTheirBounds")
    void everyFieldIsCheckedAtAndBeyondItsBounds(String field, String value, int expected) {
        long serial = SERIALS.incrementAndGet();
        Response response = http.post("/api/cars", TestCars.with(TestCars.document(serial), field, value).toString());

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected == 400) {
            String leaf = field.substring(field.lastIndexOf('.') + 1);
            assertError(response, 400, "Bad Request", leaf);
            assertThat(http.get("/api/cars/" + serial).status()).as("nothing stored").isEqualTo(404);
        }
    }

    @ParameterizedTest
    @CsvSource({"serialNumber", "ownerName", "engine", "engine.maxRpm", "performanceFigures.acceleration.seconds", "activationCode"})
    void everyFieldIsRequired(String field) {
        Response response = http.post("/api/cars", TestCars.with(TestCars.document(SERIALS.incrementAndGet()), field, null).toString());
        assertError(response, 400, "Bad Request", field.substring(field.lastIndexOf('.') + 1));
    }

    @ParameterizedTest
    @CsvSource({"color", "engine.turbo", "performanceFigures.acceleration.kph"})
    void unknownFieldsAreRefused(String field) {
        Response response = http.post("/api/cars", TestCars.with(TestCars.document(SERIALS.incrementAndGet()), field, "1").toString());
        assertError(response, 400, "Bad Request", "unknown field '" + field + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"ownerName\": |malformed JSON",
            "[] |request body must be a JSON",
            "\"car\" |request body must be a JSON",
            "' ' |request body is missing",
            "{} {} |"})
    void bodiesThatAreNotACarDocumentAreBadRequests(String body, String words) {
        Response response = http.post("/api/cars", body.strip());
        assertError(response, 400, "Bad Request", words == null ? "" : words.strip());
    }

    @Test
    void trailingGarbageAfterAValidDocumentIsRefused() {
        long serial = SERIALS.incrementAndGet();
        Response response = http.post("/api/cars", TestCars.document(serial) + " {\"x\": 1}");
        assertError(response, 400, "Bad Request", "");
        assertThat(http.get("/api/cars/" + serial).status()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        String huge = "{\"ownerName\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertError(http.post("/api/cars", huge), 413, "Content Too Large", "larger than the limit");
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOff() {
        byte[] huge = ("{\"ownerName\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();
        // a publisher of unknown length makes the client send the body chunked, with no Content-Length
        var chunked = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(huge));
        assertError(http.post("/api/cars", "application/json", chunked), 413, "Content Too Large", "larger than the limit");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        Response response = http.post("/api/cars", "text/plain", HttpRequest.BodyPublishers.ofString("hello"));
        assertError(response, 415, "Unsupported Media Type", "");
    }

    @Test
    void theListPagesThroughCarsInSerialOrder() {
        long first = 5_000_000;
        for (long serial = first; serial < first + 25; serial++) {
            cars.add(TestCars.car(serial));
        }
        JsonNode page = http.get("/api/cars?after=" + (first - 1) + "&limit=10").json();
        assertThat(page.get("cars")).hasSize(10);
        assertThat(page.get("cars").get(0).get("serialNumber").asLong()).isEqualTo(first);
        assertThat(page.get("nextAfter").asLong()).isEqualTo(first + 9);

        // other tests on this context may store higher serials, so the last page starts with ours
        JsonNode rest = http.get("/api/cars?after=" + (first + 19) + "&limit=1000").json();
        assertThat(rest.get("cars")).extracting(c -> c.get("serialNumber").asLong())
                .startsWith(first + 20, first + 21, first + 22, first + 23, first + 24);
        assertThat(rest.get("nextAfter").isNull()).isTrue();

        assertThat(http.get("/api/cars").json().get("cars")).hasSizeLessThanOrEqualTo(10);
    }

    @ParameterizedTest
    @CsvSource({"limit=0", "limit=1001", "limit=-5", "limit=ten", "after=x"})
    void aBadPageRequestIsRefused(String query) {
        assertError(http.get("/api/cars?" + query), 400, "Bad Request", "");
    }

    @Test
    void hostnameSaysWhichInstanceAnswered() {
        JsonNode body = http.get("/api/hostname").json();
        assertThat(body.propertyNames()).containsExactly("host");
        assertThat(body.get("host").asString()).isNotBlank();
    }

    @Test
    void aCarOnceReadIsServedFromTheNearCache() {
        long serial = SERIALS.incrementAndGet();
        cars.add(TestCars.car(serial));
        assertThat(http.get("/api/cars/" + serial).status()).isEqualTo(200);

        // gone from the table behind the service's back: only the cache still has it
        jdbc.sql("delete from cars where serial_number = ?").param(serial).update();
        assertThat(http.get("/api/cars/" + serial).json().get("serialNumber").asLong()).isEqualTo(serial);
    }

    @Test
    void anUnknownSerialIsNotCachedSoALaterInsertIsSeenAtOnce() {
        long serial = SERIALS.incrementAndGet();
        assertThat(http.get("/api/cars/" + serial).status()).isEqualTo(404);
        // stored by another instance: into the table, past this instance's cache
        repository.insert(TestCars.car(serial));
        assertThat(http.get("/api/cars/" + serial).status()).isEqualTo(200);
    }

    @Test
    void theNearCacheForgetsDroppedCars() {
        long serial = SERIALS.incrementAndGet();
        cars.add(TestCars.car(serial));
        assertThat(http.get("/api/cars/" + serial).status()).isEqualTo(200);
        assertThat(http.get("/api/cars/" + serial).status()).isEqualTo(200);

        cars.dropAll();

        assertThat(http.get("/api/cars/" + serial).status()).isEqualTo(404);
        assertThat(http.post("/api/cars", TestCars.document(serial).toString()).status()).isEqualTo(201);
        assertThat(http.get("/api/cars/" + serial).status()).isEqualTo(200);
    }

    @Test
    void anUnknownPathIsAJsonNotFound() {
        assertError(http.get("/api/nothing-here"), 404, "Not Found", "");
    }

    static void assertError(Response response, int status, String reason, String words) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("reason").asString()).isEqualTo(reason);
        assertThat(body.get("error").asString()).as(response.toString()).isNotBlank().contains(words);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception", "at dev.quintet", "at org.");
    }
}
