package dev.quintet.citizens;

import static dev.quintet.citizens.TestCitizens.citizen;
import static dev.quintet.citizens.TestCitizens.importOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.support.Http.Response;
import dev.quintet.support.Http;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The citizens HTTP contract over a real socket: every endpoint, every rule at its bound. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitizensApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    long postImport(String body) {
        Response r = http.post("/imports", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("data").get("import_id").asLong();
    }

    Response patch(long importId, int citizenId, String body) {
        return http.send(http.request("/imports/" + importId + "/citizens/" + citizenId)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    long rows() {
        return jdbc.sql("select (select count(*) from citizens_imports) + (select count(*) from citizens)"
                + " + (select count(*) from citizens_relatives)").query(Long.class).single();
    }

    @Test
    void anImportIsStoredAndReadBackWithIncreasingIds() {
        long first = postImport(TestCitizens.example());
        long second = postImport(TestCitizens.example());
        assertThat(second).isGreaterThan(first);

        Response read = http.get("/imports/" + first + "/citizens");
        assertThat(read.status()).isEqualTo(200);
        JsonNode expected = Http.JSON.readTree(TestCitizens.example()).get("citizens");
        assertThat(read.json().get("data")).isEqualTo(expected);
    }

    @Test
    void anEmptyImportIsValid() {
        long id = postImport("{\"citizens\": []}");
        assertThat(http.get("/imports/" + id + "/citizens").json().get("data").size()).isZero();
        assertThat(http.get("/imports/" + id + "/towns/stat/percentile/age").json().get("data").size()).isZero();
        assertThat(http.get("/imports/" + id + "/citizens/birthdays").json().get("data").size()).isEqualTo(12);
    }

    @Test
    void importsAreListedAndDeleted() {
        long id = postImport(TestCitizens.example());
        JsonNode list = http.get("/imports").json().get("data");
        assertThat(list.valueStream().filter(i -> i.get("import_id").asLong() == id).findFirst().orElseThrow()
                .get("citizens").asInt()).isEqualTo(3);

        Response deleted = http.send(http.request("/imports/" + id).DELETE().build());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(http.get("/imports/" + id + "/citizens").status()).isEqualTo(404);
        assertThat(http.send(http.request("/imports/" + id).DELETE().build()).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from citizens where import_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/imports/999999/citizens", "/imports/999999/citizens/birthdays",
            "/imports/999999/towns/stat/percentile/age", "/imports/abc/citizens"})
    void unknownImportsAreNotFound(String path) {
        Response r = http.get(path);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asString()).contains("no import");
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).format(CitizenRules.DATE);
    }

    static String yesterday() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(1).format(CitizenRules.DATE);
    }

    /** field, JSON value, accepted? — each rule at and beyond its bound. */
    static Stream<Arguments> fieldsAtAndBeyondTheirBounds() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String field : new String[] {"town", "street", "building"}) {
            cases.add(Arguments.of(field, "\"a\"", true)).add(Arguments.of(field, "\"7\"", true))
                 .add(Arguments.of(field, "\"Ё\"", true))
                 .add(Arguments.of(field, q("ж".repeat(256)), true)).add(Arguments.of(field, q("ж".repeat(257)), false))
                 .add(Arguments.of(field, "\"\"", false)).add(Arguments.of(field, "\"-, .!\"", false))
                 .add(Arguments.of(field, "\" \"", false))
                 .add(Arguments.of(field, "12", false)).add(Arguments.of(field, "true", false))
                 .add(Arguments.of(field, "null", false)).add(Arguments.of(field, "[]", false));
        }
        cases.add(Arguments.of("name", "\"a\"", true)).add(Arguments.of("name", "\"-\"", true))
             .add(Arguments.of("name", q("я".repeat(256)), true)).add(Arguments.of("name", q("я".repeat(257)), false))
             .add(Arguments.of("name", "\"\"", false)).add(Arguments.of("name", "null", false))
             .add(Arguments.of("name", "1", false));
        for (String field : new String[] {"apartment"}) {
            cases.add(Arguments.of(field, "0", true)).add(Arguments.of(field, "2147483647", true))
                 .add(Arguments.of(field, "-1", false)).add(Arguments.of(field, "2147483648", false))
                 .add(Arguments.of(field, "\"1\"", false)).add(Arguments.of(field, "1.0", false))
                 .add(Arguments.of(field, "1.5", false)).add(Arguments.of(field, "true", false))
                 .add(Arguments.of(field, "null", false));
        }
        cases.add(Arguments.of("birth_date", q("01.01.2000"), true)).add(Arguments.of("birth_date", q("29.02.2000"), true))
             .add(Arguments.of("birth_date", q(yesterday()), true))
             .add(Arguments.of("birth_date", q(today()), false))
             .add(Arguments.of("birth_date", q("31.12.9999"), false))
             .add(Arguments.of("birth_date", q("31.02.2000"), false)).add(Arguments.of("birth_date", q("29.02.2001"), false))
             .add(Arguments.of("birth_date", q("1.1.2000"), false)).add(Arguments.of("birth_date", q("2000-01-01"), false))
             .add(Arguments.of("birth_date", q("00.01.2000"), false)).add(Arguments.of("birth_date", q("01.13.2000"), false))
             .add(Arguments.of("birth_date", q("01.01.0000"), false)).add(Arguments.of("birth_date", q("01.01.02000"), false))
             .add(Arguments.of("birth_date", q("١٢.٠١.٢٠٠٠"), false))
             .add(Arguments.of("birth_date", "20000101", false)).add(Arguments.of("birth_date", "null", false));
        cases.add(Arguments.of("gender", q("male"), true)).add(Arguments.of("gender", q("female"), true))
             .add(Arguments.of("gender", q("Male"), false)).add(Arguments.of("gender", q("other"), false))
             .add(Arguments.of("gender", q(""), false)).add(Arguments.of("gender", "null", false));
        cases.add(Arguments.of("citizen_id", "0", true)).add(Arguments.of("citizen_id", "2147483647", true))
             .add(Arguments.of("citizen_id", "-1", false)).add(Arguments.of("citizen_id", "2147483648", false))
             .add(Arguments.of("citizen_id", "\"1\"", false)).add(Arguments.of("citizen_id", "1.0", false))
             .add(Arguments.of("citizen_id", "true", false)).add(Arguments.of("citizen_id", "null", false));
        cases.add(Arguments.of("relatives", "[]", true)).add(Arguments.of("relatives", "null", false))
             .add(Arguments.of("relatives", "[\"2\"]", false)).add(Arguments.of("relatives", "[2.0]", false))
             .add(Arguments.of("relatives", "[null]", false)).add(Arguments.of("relatives", "{}", false))
             .add(Arguments.of("relatives", "2", false));
        return cases.build();
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    @ParameterizedTest(name = "{0} = {1} accepted: {2}")
    @MethodSource("fieldsAtAndBeyondTheirBounds")
    void everyFieldIsCheckedAtAndBeyondItsBound(String field, String json, boolean accepted) {
        ObjectNode c = citizen(1, "Москва", "26.12.1986");
        c.set(field, Http.JSON.readTree(json));
        String body = importOf(citizen(5, "Керчь", "01.02.2003"), c);
        long before = rows();
        Response r = http.post("/imports", body);
        if (accepted) {
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        } else {
            assertRefused(r, field);
            assertThat(rows()).isEqualTo(before);
        }
    }

    void assertRefused(Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).contains("json");
        JsonNode body = r.json();
        assertThat(body.get("status").asInt()).isEqualTo(400);
        // the field is named; the citizen by its id, or by its place in the array when the JSON did not parse
        assertThat(body.get("detail").asString()).as(r.toString()).contains(field).containsPattern("citizen|citizens\\[1\\]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"town", "street", "building", "apartment", "name", "birth_date", "gender", "relatives", "citizen_id"})
    void aMissingFieldIsRefused(String field) {
        ObjectNode c = citizen(1, "Москва", "26.12.1986");
        c.remove(field);
        assertRefused(http.post("/imports", importOf(citizen(5, "Керчь", "01.02.2003"), c)), field);
    }

    @Test
    void anUnknownFieldIsRefused() {
        ObjectNode c = citizen(1, "Москва", "26.12.1986");
        c.put("age", 3);
        assertRefused(http.post("/imports", importOf(citizen(5, "Керчь", "01.02.2003"), c)), "age");
        assertThat(http.post("/imports", "{\"citizens\": [], \"extra\": 1}").status()).isEqualTo(400);
        assertThat(http.post("/imports", "{}").status()).isEqualTo(400);
        assertThat(http.post("/imports", "{\"citizens\": null}").status()).isEqualTo(400);
        assertThat(http.post("/imports", "[]").status()).isEqualTo(400);
        assertThat(http.post("/imports", "{\"citizens\": [null]}").status()).isEqualTo(400);
        assertThat(http.post("/imports", "{\"citizens\": []} x").status()).isEqualTo(400);
    }

    static Stream<Arguments> badRelations() {
        return Stream.of(
                Arguments.of("self", importOf(citizen(1, "A", "01.01.2000", 1)), "itself"),
                Arguments.of("missing", importOf(citizen(1, "A", "01.01.2000", 2)), "not in the import"),
                Arguments.of("one-sided", importOf(citizen(1, "A", "01.01.2000", 2), citizen(2, "A", "01.01.2000")), "back"),
                Arguments.of("twice", importOf(citizen(1, "A", "01.01.2000", 2, 2), citizen(2, "A", "01.01.2000", 1)), "twice"),
                Arguments.of("duplicate id", importOf(citizen(1, "A", "01.01.2000"), citizen(1, "B", "01.01.2000")), "twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRelations")
    void relationsMustBeDistinctExistingSymmetricAndNotSelf(String what, String body, String words) {
        long before = rows();
        Response r = http.post("/imports", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains(words).contains("citizen 1");
        assertThat(r.json().get("citizen_id").asInt()).isEqualTo(1);
        assertThat(r.json().get("field").asString()).startsWith("citizens[");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void patchChangesFieldsAndBothSidesOfRelations() {
        long id = postImport(TestCitizens.example());
        Response r = patch(id, 3, """
                {"name": "Иванова Мария Леонидовна", "town": "Москва", "street": "Льва Толстого",
                 "building": "16к7стр5", "apartment": 7, "birth_date": "26.12.1986", "gender": "female",
                 "relatives": [1]}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode data = r.json().get("data");
        assertThat(data.get("citizen_id").asInt()).isEqualTo(3);
        assertThat(data.get("name").asString()).isEqualTo("Иванова Мария Леонидовна");
        assertThat(data.get("gender").asString()).isEqualTo("female");
        assertThat(data.get("relatives").toString()).isEqualTo("[1]");
        assertThat(relativesOf(id, 1)).isEqualTo("[2,3]");

        Response removed = patch(id, 1, "{\"relatives\": []}");
        assertThat(removed.json().get("data").get("relatives").toString()).isEqualTo("[]");
        assertThat(relativesOf(id, 2)).isEqualTo("[]");
        assertThat(relativesOf(id, 3)).isEqualTo("[]");
        assertThat(http.get("/imports/" + id + "/citizens").json().get("data").get(0).get("name").asString())
                .isEqualTo("Иванов Иван Иванович");
    }

    String relativesOf(long importId, int citizenId) {
        for (JsonNode c : http.get("/imports/" + importId + "/citizens").json().get("data")) {
            if (c.get("citizen_id").asInt() == citizenId) {
                return c.get("relatives").toString();
            }
        }
        throw new AssertionError("no citizen " + citizenId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"citizen_id\": 3}", "{\"relatives\": [42]}", "{\"relatives\": [3]}",
            "{\"relatives\": [1, 1]}", "{\"name\": null}", "{\"town\": \"!!!\"}", "{\"apartment\": -1}",
            "{\"apartment\": 1.0}", "{\"apartment\": \"1\"}", "{\"birth_date\": \"31.02.2000\"}", "{\"gender\": \"x\"}",
            "{\"age\": 3}", "[]", "{\"relatives\": null}", "{\"relatives\": [\"1\"]}", "{\"name\": \"\"}"})
    void aBadPatchIsRefusedAndChangesNothing(String body) {
        long id = postImport(TestCitizens.example());
        String before = http.get("/imports/" + id + "/citizens").body();
        Response r = patch(id, 3, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).as(r.toString()).isNotBlank();
        assertThat(http.get("/imports/" + id + "/citizens").body()).isEqualTo(before);
    }

    @Test
    void aPatchWithMoreRelativesThanTheImportHasCitizensIsRefusedOnTheCount() {
        long id = postImport(TestCitizens.example());
        String before = http.get("/imports/" + id + "/citizens").body();
        StringBuilder ids = new StringBuilder();
        for (int i = 10; i < 120_010; i++) {
            ids.append(ids.isEmpty() ? "" : ",").append(i);
        }
        Response r = patch(id, 3, "{\"relatives\": [" + ids + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("relatives");
        assertThat(r.json().get("detail").asString()).contains("120000").contains("only 2 besides");
        assertThat(http.get("/imports/" + id + "/citizens").body()).isEqualTo(before);
    }

    @Test
    void aPatchMayListMoreRelativesThanOneStatementTakesParameters() {
        // 70,000 citizens: more relatives than PostgreSQL allows parameters in one statement (65,535)
        int size = 70_000;
        StringBuilder body = new StringBuilder("{\"citizens\": [");
        for (int i = 1; i <= size; i++) {
            body.append(i == 1 ? "" : ",").append("{\"citizen_id\":").append(i).append(",\"town\":\"A\",\"street\":\"B\","
                    + "\"building\":\"1\",\"apartment\":1,\"name\":\"N\",\"birth_date\":\"01.01.2000\","
                    + "\"gender\":\"male\",\"relatives\":[]}");
        }
        // minutes, not the usual 30 s: two cores shared with other builds make this import slow on H2
        Response created = http.send(http.request("/imports").timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("data").get("import_id").asLong();
        StringBuilder ids = new StringBuilder();
        for (int i = 2; i <= size; i++) {
            ids.append(ids.isEmpty() ? "" : ",").append(i);
        }
        Response r = http.send(http.request("/imports/" + id + "/citizens/1").timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"relatives\": [" + ids + "]}")).build());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("data").get("relatives")).hasSize(size - 1);
        assertThat(jdbc.sql("select count(*) from citizens_relatives where import_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(2L * (size - 1));
    }

    @Test
    void patchOfAnUnknownImportOrCitizenIsNotFound() {
        long id = postImport(TestCitizens.example());
        assertThat(patch(999_999, 1, "{\"name\": \"x\"}").status()).isEqualTo(404);
        assertThat(patch(id, 4, "{\"name\": \"x\"}").status()).isEqualTo(404);
        Response r = patch(id, 4, "{\"name\": \"x\"}");
        assertThat(r.json().get("detail").asString()).contains("citizen 4");
    }

    @Test
    void birthdaysAndPercentilesOfTheTaskExample() {
        long id = postImport(TestCitizens.example());
        JsonNode months = http.get("/imports/" + id + "/citizens/birthdays").json().get("data");
        assertThat(months.propertyNames()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        // 1 (born in December) is 2's relative and 2 (born in April) is 1's
        assertThat(months.get("4").toString()).isEqualTo("[{\"citizen_id\":1,\"presents\":1}]");
        assertThat(months.get("12").toString()).isEqualTo("[{\"citizen_id\":2,\"presents\":1}]");
        assertThat(months.get("11").size()).isZero();

        JsonNode towns = http.get("/imports/" + id + "/towns/stat/percentile/age").json().get("data");
        assertThat(towns.size()).isEqualTo(2);
        assertThat(towns.get(0).get("town").asString()).isEqualTo("Керчь");
        assertThat(towns.get(1).get("town").asString()).isEqualTo("Москва");
        assertThat(towns.get(1).propertyNames()).containsExactly("town", "p50", "p75", "p99");
    }

    /** Many PATCHes at once over the same few citizens: whatever order they run in, links stay symmetric. */
    @Test
    void concurrentPatchesOfRelatedCitizensKeepTheRelationSymmetric() throws Exception {
        int n = 8;
        ObjectNode[] people = new ObjectNode[n];
        for (int i = 0; i < n; i++) {
            people[i] = citizen(i, "Town", "01.01.1990");
        }
        long id = postImport(importOf(people));
        var random = new Random(42);
        List<Callable<Integer>> work = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            int who = random.nextInt(n);
            List<Integer> relatives = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (j != who && random.nextBoolean()) {
                    relatives.add(j);
                }
            }
            String body = "{\"relatives\": " + relatives + "}";
            work.add(() -> patch(id, who, body).status());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<Integer> f : pool.invokeAll(work)) {
                assertThat(f.get()).isEqualTo(200);
            }
        }
        JsonNode citizens = http.get("/imports/" + id + "/citizens").json().get("data");
        for (JsonNode c : citizens) {
            for (JsonNode r : c.get("relatives")) {
                assertThat(citizens.get(r.asInt()).get("relatives").valueStream().map(JsonNode::asInt).toList())
                        .as("citizen %s lists %s", c.get("citizen_id"), r).contains(c.get("citizen_id").asInt());
            }
        }
    }

    /** A DELETE among PATCHes of the same import: each PATCH is done or finds no import; none fails. */
    @Test
    void deleteAmongConcurrentPatchesNeitherDeadlocksNorFails() throws Exception {
        ObjectNode[] people = new ObjectNode[6];
        for (int i = 0; i < people.length; i++) {
            people[i] = citizen(i, "Town", "01.01.1990");
        }
        long id = postImport(importOf(people));
        List<Callable<Integer>> work = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            int who = k % people.length;
            int other = (who + 1) % people.length;
            work.add(() -> patch(id, who, "{\"relatives\": [" + other + "]}").status());
            if (k == 20) {
                work.add(() -> http.send(http.request("/imports/" + id).DELETE().build()).status());
            }
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (Future<Integer> f : pool.invokeAll(work)) {
                assertThat(f.get()).isIn(200, 204, 404);
            }
        }
        assertThat(http.get("/imports/" + id + "/citizens").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from citizens_relatives where import_id = ?").param(id)
                .query(Long.class).single()).isZero();
    }
}
