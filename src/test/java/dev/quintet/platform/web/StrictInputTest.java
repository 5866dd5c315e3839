package dev.quintet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.platform.web.RawHttp.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The refusals of the hardening issue one by one, with the words they must carry: text with NUL or lone
 * surrogates, non-finite numbers, duplicate keys, malformed query strings and paths, /error, chunked and
 * declared bodies over the limit of their route, and an API document that does not echo the Host header.
 * {@link StrictInputOnPostgresTest} runs them on PostgreSQL, where a NUL used to be a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrictInputTest {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @LocalServerPort
    int port;

    RawHttp http;

    @BeforeEach
    void client() {
        http = new RawHttp(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "\\ud800", "x\\udc00", "\\udbff\\u0041"})
    void aCitizenNameWithNulOrALoneSurrogateIsRefusedNamingTheFieldAndNothingIsStored(String name) {
        int imports = imports();
        String body = """
                {"citizens": [
                 {"citizen_id": 1, "town": "Town", "street": "Street", "building": "1", "apartment": 1,
                  "name": "Fine", "birth_date": "01.01.1990", "gender": "male", "relatives": []},
                 {"citizen_id": 2, "town": "Town", "street": "Street", "building": "1", "apartment": 1,
                  "name": "%s", "birth_date": "01.01.1990", "gender": "female", "relatives": []}]}""".formatted(name);
        assertProblem(post("/imports", body), 400, "citizens[1].name");
        assertThat(imports()).isEqualTo(imports);
    }

    @Test
    void aPatchWithNulInANameOrAKeyIsRefusedNamingTheField() {
        Reply created = post("/imports", """
                {"citizens": [{"citizen_id": 1, "town": "Town", "street": "Street", "building": "1", "apartment": 1,
                  "name": "Fine", "birth_date": "01.01.1990", "gender": "male", "relatives": []}]}""");
        assertThat(created.status()).isEqualTo(201);
        String path = "/imports/" + created.jsonObject().path("data").path("import_id").asString() + "/citizens/1";
        assertProblem(send("PATCH", path, "{\"name\": \"Fi\\u0000ne\"}"), 400, "'name'");
        assertProblem(send("PATCH", path, "{\"na\\u0000me\": \"x\"}"), 400, "NUL");
        assertThat(http.send("GET", path.replace("/citizens/1", "/citizens"), Map.of(), null, null).body()).contains("\"Fine\"");
    }

    @Test
    void theLedgersRawBodyGoesThroughTheSameStrictReading() {
        assertProblem(post("/update", "{\"name\": \"n\", \"author\": \"a\\u0000\", \"timestamp\": 20140812003842}"), 400, "author");
        // curl's default Content-Type, which the ledger reads as JSON all the same
        assertProblem(http.send("POST", "/update", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "{\"name\": \"n\", \"name\": \"m\", \"author\": \"a\", \"timestamp\": 20140812003842}".getBytes(StandardCharsets.UTF_8), null),
                400, "Duplicate");
        assertThat(http.send("GET", "/get?name=m", Map.of(), null, null).status()).isEqualTo(404);
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertProblem(post("/strict/users", "{\"age\": 1, \"name\": \"a\", \"name\": \"b\"}"), 400, "Duplicate Object property \"name\"");
        assertThat(http.send("GET", "/strict/count", Map.of(), null, null).jsonObject().path("items_count").asLong()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "\"NaN\"", "\"Infinity\""})
    void aNumberThatIsNotFiniteIsRefusedNamingTheField(String mpg) {
        String car = """
                {"ownerName": "Anna Ivanova", "serialNumber": 9100001, "modelYear": 2019, "code": "C-001",
                 "vehicleCode": "VIN-123",
                 "engine": {"capacity": 1600, "numCylinders": 4, "maxRpm": 6500, "manufacturerCode": "T"},
                 "fuelFigures": {"speed": 90, "mpg": %s, "usageDescription": "Combined"},
                 "performanceFigures": {"octaneRating": 95, "acceleration": {"mph": 60, "seconds": 9.8}},
                 "manufacturer": "Toyota", "model": "Corolla", "activationCode": "ACT-42"}""".formatted(mpg);
        assertProblem(post("/api/cars", car), 400, "fuelFigures.mpg");
        assertThat(http.send("GET", "/api/cars/9100001", Map.of(), null, null).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%ff", "%", "%zz", "%e2%82", "%ed%a0%80", "%00", "a%00b"})
    void aQueryValueThatIsNotUtf8TextIsABadRequestNamingTheParameter(String value) {
        assertProblem(http.send("GET", "/get?name=" + value, Map.of(), null, null), 400, "'name'");
        assertProblem(http.send("GET", "/api/cars?limit=" + value, Map.of(), null, null), 400, "'limit'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%2Fb/count", "/a%00b/users", "/api/cars/%00", "/records/%ff", "/records/%ed%a0%80"})
    void aPathTheServerCannotTakeIsAProblemNotAnHtmlPage(String path) {
        Reply reply = http.send("GET", path, Map.of("Accept", "text/html"), null, null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.jsonObject()).as(reply.toString()).isNotNull();
        assertThat(reply.jsonObject().path("reason").asString()).isEqualTo("Bad Request");
    }

    @Test
    void errorAskedForDirectlyIsNotFound() {
        assertProblem(http.send("GET", "/error", Map.of(), null, null), 404, "no such resource");
    }

    @Test
    void aChunkedBodyOverTheLimitOfARawReaderIsTooLarge() {
        byte[] body = new byte[1024 * 1024 + 10];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        assertProblem(http.send("POST", "/update", JSON, body, -1L), 413, "larger than the limit");
    }

    @Test
    void onlyTheImportRouteTakesTheLargeLimit() {
        assertProblem(http.send("POST", "/importsfoo/users", JSON, new byte[0], 2L * 1024 * 1024), 413, "larger than the limit");
        assertProblem(http.send("POST", "/imports/users", JSON, new byte[0], 2L * 1024 * 1024), 413, "larger than the limit");
        // the import itself reads 2 MB (and then finds it is no import)
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        byte[] json = "{\"citizens\": 5}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(json, 0, body, body.length - json.length, json.length);
        assertProblem(http.send("POST", "/imports", JSON, body, null), 400, "citizens");
    }

    @Test
    void theApiDocumentDoesNotEchoTheHostHeader() {
        Reply reply = http.send("GET", "/openapi.json", Map.of("Host", "evil.example"), null, null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("evil.example");
        assertThat(reply.jsonObject().path("servers").path(0).path("url").asString()).isEqualTo("/");
    }

    private int imports() {
        return http.send("GET", "/imports", Map.of(), null, null).jsonObject().path("data").size();
    }

    private Reply post(String path, String json) {
        return send("POST", path, json);
    }

    private Reply send(String method, String path, String json) {
        return http.send(method, path, JSON, json.getBytes(StandardCharsets.UTF_8), null);
    }

    private static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        JsonNode problem = reply.jsonObject();
        assertThat(problem).as(reply.toString()).isNotNull();
        assertThat(problem.path("detail").asString()).contains(detail);
        assertThat(problem.path("error").asString()).isEqualTo(problem.path("detail").asString());
    }
}
