package dev.quintet.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.support.Http.Response;
import dev.quintet.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** The shop HTTP contract (the original's paths and bodies) over a real socket, with the embedded cache. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OtherServicePaths.class)
class ShopApiTest {

    private static final AtomicLong COLLECTIONS = new AtomicLong();
    static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @LocalServerPort
    int port;

    @Autowired
    Shop shop;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static String collection() {
        return "t" + COLLECTIONS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // --- GET / -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/json", "application/json, text/plain, */*", ""})
    void apiClientsGetTheTopologyReport(String accept) {
        Response root = accept.isEmpty() ? http.get("/") : http.get("/", accept);
        assertThat(root.status()).as(root.toString()).isEqualTo(200);
        assertThat(root.contentType()).startsWith("application/json");
        JsonNode report = root.json();
        assertThat(report.propertyNames()).contains("mongo_topology_type", "mongo_replicaset_name", "mongo_db",
                "read_preference", "mongo_nodes", "mongo_primary_host", "mongo_secondary_hosts", "mongo_address",
                "mongo_is_primary", "mongo_is_mongos", "collections", "shards", "cache_enabled", "status");
        assertThat(report.get("status").asString()).isEqualTo("OK");
        assertThat(report.get("mongo_topology_type").asString()).isEqualTo("Single");
        assertThat(report.get("mongo_is_primary").asBoolean()).isTrue();
        assertThat(report.get("mongo_is_mongos").asBoolean()).isFalse();
        assertThat(report.get("shards").isNull()).isTrue();
        assertThat(report.get("mongo_replicaset_name").isNull()).isTrue();
        assertThat(report.get("read_preference").asString()).isEqualTo("Primary()");
        assertThat(report.get("mongo_secondary_hosts").size()).isZero();
        assertThat(report.get("mongo_nodes").size()).isEqualTo(1);
        assertThat(report.get("mongo_address")).isEqualTo(report.get("mongo_primary_host"));
        assertThat(report.get("cache_enabled").asBoolean()).isTrue();
        assertThat(report.get("collections").get("helloDoc").get("documents_count").asLong()).isEqualTo(1000);
        assertThat(report.get("database").get("kind").asString()).isEqualTo(expectedDatabaseKind());
    }

    String expectedDatabaseKind() {
        return "h2";
    }

    @Test
    void aBrowserAtTheRootGetsTheConsole() {
        Response root = http.get("/", BROWSER_ACCEPT);
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.location()).endsWith("/console/");
        assertThat(http.get("/", "text/html").status()).isEqualTo(302);
    }

    @Test
    void theReportCountsEveryCollectionAndTheCache() {
        String c = collection();
        http.post("/" + c + "/users", "{\"age\": 1, \"name\": \"a\"}");
        http.post("/" + c + "/users", "{\"age\": 2, \"name\": \"b\"}");
        JsonNode before = http.get("/").json();
        assertThat(before.get("collections").get(c).get("documents_count").asLong()).isEqualTo(2);
        http.get("/" + c + "/users");
        http.get("/" + c + "/users");
        JsonNode after = http.get("/").json();
        assertThat(after.get("cache").get("store").asString()).isEqualTo(expectedCacheStore());
        JsonNode lists = after.get("cache").get("shop-lists");
        JsonNode listsBefore = before.get("cache").get("shop-lists");
        assertThat(lists.get("misses").asLong() - listsBefore.get("misses").asLong()).isEqualTo(1);
        assertThat(lists.get("hits").asLong() - listsBefore.get("hits").asLong()).isEqualTo(1);
    }

    String expectedCacheStore() {
        return "caffeine";
    }

    // --- count, list, one user -----------------------------------------------------------------------------

    @Test
    void helloDocHoldsTheOriginalsThousandUsers() {
        JsonNode count = http.get("/helloDoc/count").json();
        assertThat(count.get("status").asString()).isEqualTo("OK");
        assertThat(count.get("items_count").asLong()).isEqualTo(1000);
        assertThat(count.get("mongo_db").asString()).isNotBlank();
        assertThat(count.propertyNames()).containsExactly("status", "mongo_db", "items_count");

        Response list = http.get("/helloDoc/users");
        assertThat(list.status()).isEqualTo(200);
        JsonNode users = list.json().get("users");
        assertThat(users.size()).isEqualTo(1000);
        assertThat(users.get(0).propertyNames()).containsExactly("id", "age", "name");
        assertThat(users.get(0).get("id").isString()).isTrue();
        for (int i = 0; i < 1000; i++) {
            assertThat(users.get(i).get("name").asString()).isEqualTo("ly" + i);
            assertThat(users.get(i).get("age").asLong()).isEqualTo(i);
        }
        JsonNode ly7 = http.get("/helloDoc/users/ly7").json();
        assertThat(ly7).isEqualTo(users.get(7));
    }

    @Test
    void anUnknownUserIsTheOriginals404() {
        Response missing = http.get("/helloDoc/users/ly1000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/json");
        assertThat(missing.json()).isEqualTo(Http.JSON.readTree("{\"detail\": \"User ly1000 not found\"}"));
    }

    @Test
    void aCollectionNeverWrittenIsEmpty() {
        String c = collection();
        assertThat(http.get("/" + c + "/count").json().get("items_count").asLong()).isZero();
        assertThat(http.get("/" + c + "/users").json()).isEqualTo(Http.JSON.readTree("{\"users\": []}"));
    }

    @Test
    void pagesFollowIdsAndTheDefaultIsTheFirstThousand() {
        String c = collection();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(http.post("/" + c + "/users", "{\"age\": " + i + ", \"name\": \"p" + i + "\"}").json().get("id").asString());
        }
        JsonNode first = http.get("/" + c + "/users?limit=3").json().get("users");
        assertThat(first.size()).isEqualTo(3);
        assertThat(first.get(2).get("id").asString()).isEqualTo(ids.get(2));
        JsonNode next = http.get("/" + c + "/users?limit=3&after=" + ids.get(2)).json().get("users");
        assertThat(next.get(0).get("name").asString()).isEqualTo("p3");
        JsonNode last = http.get("/" + c + "/users?limit=3&after=" + ids.get(5)).json().get("users");
        assertThat(last.size()).isEqualTo(1);
        assertThat(http.get("/helloDoc/users?after=" + http.get("/helloDoc/users/ly995").json().get("id").asString())
                .json().get("users").size()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource({"limit=0, limit", "limit=1001, limit", "limit=abc, limit", "limit=1.5, limit", "after=-1, after",
            "after=x, after", "after=99999999999999999999, after"})
    void aBadPageIsRefused(String query, String named) {
        Response bad = http.get("/helloDoc/users?" + query);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains(named);
    }

    // --- POST --------------------------------------------------------------------------------------------

    @Test
    void aPostedUserIsVisibleAtOnceDespiteTheCache() {
        String c = collection();
        assertThat(http.get("/" + c + "/users").json().get("users").size()).isZero(); // cached, empty
        assertThat(http.get("/" + c + "/users/Ann").status()).isEqualTo(404);

        Response created = http.post("/" + c + "/users", "{\"age\": 33, \"name\": \"Ann\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.propertyNames()).containsExactly("id", "age", "name");
        assertThat(user.get("age").asLong()).isEqualTo(33);
        assertThat(user.get("name").asString()).isEqualTo("Ann");

        assertThat(http.get("/" + c + "/users").json().get("users")).containsExactly(user);
        assertThat(http.get("/" + c + "/users/Ann").json()).isEqualTo(user);
        assertThat(http.get("/" + c + "/count").json().get("items_count").asLong()).isEqualTo(1);

        // a second Ann is stored; the first stays the one found by name, as find_one found it
        Response again = http.post("/" + c + "/users", "{\"age\": 34, \"name\": \"Ann\"}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(http.get("/" + c + "/users/Ann").json()).isEqualTo(user);
        assertThat(http.get("/" + c + "/users").json().get("users").size()).isEqualTo(2);
    }

    @Test
    void oneNameMayLiveInManyCollections() {
        String a = collection();
        String b = collection();
        JsonNode inA = http.post("/" + a + "/users", "{\"age\": 1, \"name\": \"same\"}").json();
        JsonNode inB = http.post("/" + b + "/users", "{\"age\": 2, \"name\": \"same\"}").json();
        assertThat(http.get("/" + a + "/users/same").json()).isEqualTo(inA);
        assertThat(http.get("/" + b + "/users/same").json()).isEqualTo(inB);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\": \"x\"}", "{\"age\": 1}", "{\"age\": \"1\", \"name\": \"x\"}", "{\"age\": 1.5, \"name\": \"x\"}",
            "{\"age\": 1, \"name\": 12}", "{\"age\": 1, \"name\": \"\"}", "{\"age\": null, \"name\": \"x\"}",
            "{\"age\": 1, \"name\": \"x\", \"id\": \"5\"}", "{\"age\": 99999999999999999999, \"name\": \"x\"}",
            "[]", "null", "{\"age\": 1, \"name\": \"x\"} trailing", "not json"})
    void aBadUserIsRefusedAndNothingIsStored(String body) {
        String c = collection();
        Response refused = http.post("/" + c + "/users", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).isNotBlank();
        assertThat(http.get("/" + c + "/count").json().get("items_count").asLong()).isZero();
    }

    @Test
    void aNameOf255CharactersFitsAnd256DoNot() {
        String c = collection();
        assertThat(http.post("/" + c + "/users", "{\"age\": 1, \"name\": \"" + "я".repeat(255) + "\"}").status()).isEqualTo(201);
        assertThat(http.post("/" + c + "/users", "{\"age\": 1, \"name\": \"" + "я".repeat(256) + "\"}").status()).isEqualTo(400);
    }

    // --- collection names --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"api", "docs", "console", "metrics", "imports", "update", "remove",
            "dump", "getHistory", "records", "sandbox", "webjars", "swagger-ui", "error"})
    void reservedNamesAreRefusedWithA400(String name) {
        for (Response r : List.of(http.get("/" + name + "/count"), http.get("/" + name + "/users/x"),
                http.post("/" + name + "/users", "{\"age\": 1, \"name\": \"x\"}"))) {
            // where the owning service maps the path for other methods it answers itself, e.g. citizens'
            // DELETE /imports/{id} makes GET /imports/count a 405; either way a JSON refusal
            if (r.status() == 405) {
                assertThat(r.json().get("detail").asString()).as(name + ": " + r).contains("not supported");
                continue;
            }
            assertThat(r.status()).as(name + ": " + r).isEqualTo(400);
            assertThat(r.json().get("detail").asString()).contains("'" + name + "' cannot name a collection");
        }
        assertThat(shop.collections()).doesNotContainKey(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "a%20b", "%C3%A9t%C3%A9", "a+b"})
    void malformedNamesAreRefusedWithA400(String name) {
        Response r = http.post("/" + name + "/users", "{\"age\": 1, \"name\": \"x\"}");
        assertThat(r.status()).as(name + ": " + r).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("collection name must be 1..64 letters");
        assertThat(http.get("/" + name + "/count").status()).isEqualTo(400);
    }

    @Test
    void namesOf64CharactersFitAnd65DoNot() {
        String ok = "a".repeat(63) + "-";
        assertThat(http.post("/" + ok + "/users", "{\"age\": 1, \"name\": \"x\"}").status()).isEqualTo(201);
        assertThat(http.get("/" + ok + "/count").json().get("items_count").asLong()).isEqualTo(1);
        assertThat(http.post("/" + "a".repeat(65) + "/users", "{\"age\": 1, \"name\": \"x\"}").status()).isEqualTo(400);
    }

    @Test
    void otherServicesPathsStillReachTheirOwnHandlers() {
        assertThat(http.get("/get/count").json()).isEqualTo(Http.JSON.readTree("{\"ledger\": \"count\"}"));
        assertThat(http.get("/get/users").json()).isEqualTo(Http.JSON.readTree("{\"ledger\": \"users\"}"));
        assertThat(http.get("/imports/7/users").json()).isEqualTo(Http.JSON.readTree("{\"imports\": \"7\"}"));
        assertThat(http.get("/api/x/users/y").json()).isEqualTo(Http.JSON.readTree("{\"api\": \"x/y\"}"));
        // cars keeps its own paths and answers
        assertThat(http.get("/api/hostname").json().has("host")).isTrue();
        assertThat(http.get("/api/cars/4294967295").status()).isEqualTo(404);
        // a path of nobody's is still a 404, not the shop's
        assertThat(http.get("/imports/7/citizens").status()).isEqualTo(404);
        assertThat(http.get("/helloDoc/nothing").status()).isEqualTo(404);
        assertThat(http.get("/openapi.json").status()).isEqualTo(200);
        assertThat(http.get("/health").json().get("status").asString()).isEqualTo("UP");
        // actuator answers for everything under /health itself
        assertThat(http.get("/health/count").status()).isEqualTo(404);
        assertThat(shop.collections()).doesNotContainKey("health");
    }

    @Test
    void cacheFiguresAreInTheMetrics() {
        http.get("/helloDoc/users?limit=5");
        http.get("/helloDoc/users?limit=5");
        String metrics = http.get("/metrics").body();
        assertThat(metrics).containsPattern("cache_gets_total\\{.*cache=\"shop-lists\".*result=\"hit\".*\\} [1-9]");
        assertThat(metrics).containsPattern("cache_gets_total\\{.*cache=\"shop-lists\".*result=\"miss\".*\\} [1-9]");
    }
}
