package dev.quintet.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.support.Http.Response;
import dev.quintet.support.Http;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ledger's HTTP contract (the original's paths and bodies), with no nodes: everything is answered from the log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerApiTest {

    @LocalServerPort
    int port;

    @Autowired
    LedgerRepository ledgerLog;

    Http http;
    String name;

    @BeforeEach
    void client() {
        http = new Http(port);
        name = "marketing-" + UUID.randomUUID();
    }

    private Response update(String name, String author, long ts) {
        return http.post("/update", "{\"name\": \"%s\", \"author\": \"%s\", \"timestamp\": %d}".formatted(name, author, ts));
    }

    @Test
    void theSeedsCurlLinesGetTheSeedsAnswers() {
        Response created = update(name, "John Smith", 20140812003842L);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).isEqualTo("{\"" + name + "\":{\"timestamp\":20140812003842,\"author\":\"John Smith\"}}");

        assertThat(update(name, "John Doe", 20170812003842L).status()).isEqualTo(200);
        assertThat(update(name, "John Smith", 20150812003842L).status()).isEqualTo(200);

        Response latest = http.get("/get?name=" + name);
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.body()).isEqualTo("{\"timestamp\":20170812003842,\"author\":\"John Doe\"}");

        assertThat(http.get("/getHistory?name=" + name).body()).isEqualTo("""
                [{"timestamp":20170812003842,"author":"John Doe"},{"timestamp":20150812003842,"author":"John Smith"},\
                {"timestamp":20140812003842,"author":"John Smith"}]""");

        assertThat(http.get("/dump").json().get(name).toString()).isEqualTo("""
                [{"timestamp":20140812003842,"author":"John Smith"},{"timestamp":20150812003842,"author":"John Smith"},\
                {"timestamp":20170812003842,"author":"John Doe"}]""");

        Response removed = http.get("/remove?name=" + name);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body()).isEqualTo("{\"success\":true}");
        assertThat(http.get("/get?name=" + name).status()).isEqualTo(404);
        assertThat(http.get("/getHistory?name=" + name).status()).isEqualTo(404);
        assertThat(http.get("/dump").json().has(name)).isFalse();
    }

    @Test
    void theSeedsCurlLineWorksWithoutAContentType() {
        // curl -X POST -d '{...}' sends application/x-www-form-urlencoded
        Response created = http.post("/update", "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"" + name + "\", \"author\": \"John Smith\", \"timestamp\": 20140812003842}"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(http.get("/get?name=" + name).body()).isEqualTo("{\"timestamp\":20140812003842,\"author\":\"John Smith\"}");
    }

    @Test
    void anUnknownNameIs404WithTheOriginalsKeys() {
        Response missing = http.get("/get?name=" + name);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("success").asBoolean()).isFalse();
        assertThat(missing.json().get("detail").asString()).contains(name);
    }

    @Test
    void anEqualTimestampReplacesTheVersionSoARetryChangesNothing() {
        update(name, "first", 20200101000000L);
        update(name, "second", 20200101000000L);
        update(name, "second", 20200101000000L);
        assertThat(http.get("/getHistory?name=" + name).body())
                .isEqualTo("[{\"timestamp\":20200101000000,\"author\":\"second\"}]");
    }

    @Test
    void aRemovedNameIsNotResurrectedByALateRetryButANewerUpdateComesBack() {
        update(name, "a", 20200101000000L);
        update(name, "b", 20200102000000L);
        long before = ledgerLog.head();
        assertThat(http.get("/remove?name=" + name).status()).isEqualTo(200);

        Response retried = update(name, "a", 20200101000000L);
        assertThat(retried.status()).isEqualTo(409);
        assertThat(update(name, "b", 20200102000000L).status()).isEqualTo(409);
        assertThat(http.get("/get?name=" + name).status()).isEqualTo(404);
        assertThat(ledgerLog.head()).isEqualTo(before + 1);

        assertThat(update(name, "c", 20200103000000L).status()).isEqualTo(200);
        assertThat(http.get("/getHistory?name=" + name).body()).isEqualTo("[{\"timestamp\":20200103000000,\"author\":\"c\"}]");
    }

    @Test
    void removingANameWithoutVersionsSucceedsAndLogsNothing() {
        long before = ledgerLog.head();
        assertThat(http.get("/remove?name=" + name).body()).isEqualTo("{\"success\":true}");
        assertThat(http.send(http.request("/records/" + name).DELETE().build()).body()).isEqualTo("{\"success\":true}");
        assertThat(ledgerLog.head()).isEqualTo(before);
    }

    @Test
    void deleteRecordsRemovesLikeTheOriginalsPath() {
        update(name, "a", 20200101000000L);
        assertThat(http.send(http.request("/records/" + name).DELETE().build()).status()).isEqualTo(200);
        assertThat(http.get("/get?name=" + name).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\": \"x\", \"author\": \"a\"}",
            "{\"name\": \"x\", \"author\": \"a\", \"timestamp\": \"20140812003842\"}",
            "{\"name\": \"x\", \"author\": \"a\", \"timestamp\": 2014081200384}",
            "{\"name\": \"x\", \"author\": \"a\", \"timestamp\": 20141312003842}",
            "{\"name\": \"x\", \"author\": \"a\", \"timestamp\": 20140230003842}",
            "{\"name\": \"x\", \"author\": \"a\", \"timestamp\": 20140812003842.5}",
            "{\"name\": \"\", \"author\": \"a\", \"timestamp\": 20140812003842}",
            "{\"author\": \"a\", \"timestamp\": 20140812003842}",
            "{\"name\": \"x\", \"timestamp\": 20140812003842}",
            "{\"name\": \"x\", \"author\": \"a\", \"timestamp\": 20140812003842, \"extra\": 1}",
            "[]", "not json", "null", "", "{\"name\": \"x\", \"author\": \"a\", \"timestamp\": 20140812003842} 1"})
    void aBadUpdateIs400AndChangesNothing(String body) {
        long before = ledgerLog.head();
        Response response = http.post("/update", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().has("detail")).isTrue();
        assertThat(ledgerLog.head()).isEqualTo(before);
    }

    @Test
    void aMissingNameParameterIs400() {
        assertThat(http.get("/get").status()).isEqualTo(400);
        assertThat(http.get("/getHistory").status()).isEqualTo(400);
        assertThat(http.get("/remove").status()).isEqualTo(400);
    }

    @Test
    void nodesAreListedAndBadAddressesRefused() {
        Response nodes = http.get("/api/ledger/nodes");
        assertThat(nodes.status()).isEqualTo(200);
        assertThat(nodes.json().has("head")).isTrue();
        assertThat(http.post("/api/ledger/nodes", "{\"url\": \"http://x\"}").status()).isEqualTo(400);
        assertThat(http.post("/api/ledger/nodes", "{\"url\": \"redis://\"}").status()).isEqualTo(400);
        assertThat(http.send(http.request("/api/ledger/nodes?url=redis://127.0.0.1:1").DELETE().build()).status())
                .isEqualTo(404);
    }
}
