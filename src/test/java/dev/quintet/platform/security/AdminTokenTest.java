package dev.quintet.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.platform.cli.QuintetCli;
import dev.quintet.support.Http;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** With QUINTET_ADMIN_TOKEN set, admin operations need it, from loopback too; the open contracts do not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "quintet.admin-token=" + AdminTokenTest.TOKEN)
class AdminTokenTest {

    static final String TOKEN = "s3cret-admin-token";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    final HttpClient client = HttpClient.newHttpClient();
    String base;

    @BeforeEach
    void base() {
        base = "http://localhost:" + port;
    }

    @Test
    void withoutTheTokenAnAdminOperationIsRefusedWith401() throws Exception {
        HttpResponse<String> refused = send(request("/api/ledger/reconcile?repair=false").POST(BodyPublishers.noBody()));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"quintet\"");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(refused);
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("reason").asString()).isEqualTo("Unauthorized");
        assertThat(problem.get("error").asString()).contains("Authorization: Bearer");
    }

    @Test
    void aWrongTokenOrAnotherSchemeIsRefusedWith401() throws Exception {
        for (String authorization : new String[] {"Bearer wrong", "Bearer " + TOKEN + "x", "Bearer ", "Basic YWRtaW46YWRtaW4="}) {
            HttpResponse<String> refused = send(request("/imports/1").header("Authorization", authorization).DELETE());
            assertThat(refused.statusCode()).as(authorization).isEqualTo(401);
            assertThat(json(refused).get("status").asInt()).isEqualTo(401);
        }
        HttpResponse<String> wrong = send(request("/api/ledger/nodes?url=redis://127.0.0.1:1")
                .header("Authorization", "Bearer wrong").DELETE());
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"quintet\", error=\"invalid_token\"");
        assertThat(json(wrong).get("error").asString()).isEqualTo("the admin token is wrong");
    }

    @Test
    void theRightTokenIsServed() throws Exception {
        HttpResponse<String> reconcile = send(request("/api/ledger/reconcile?repair=false")
                .header("Authorization", "Bearer " + TOKEN).POST(BodyPublishers.noBody()));
        assertThat(reconcile.statusCode()).isEqualTo(200);
        assertThat(json(reconcile).get("nodes").isArray()).isTrue();
    }

    @Test
    void anImportIsDeletedWithTheTokenAndNotWithout() throws Exception {
        HttpResponse<String> created = send(request("/imports").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("""
                        {"citizens": [{"citizen_id": 1, "town": "Moscow", "street": "Lenina", "building": "16k7",
                          "apartment": 7, "name": "Ivan", "birth_date": "26.12.1986", "gender": "male", "relatives": []}]}""")));
        assertThat(created.statusCode()).isEqualTo(201);
        long id = json(created).get("data").get("import_id").asLong();

        assertThat(send(request("/imports/" + id).DELETE()).statusCode()).isEqualTo(401);
        assertThat(send(request("/imports/" + id + "/citizens").GET()).statusCode()).isEqualTo(200);

        assertThat(send(request("/imports/" + id).header("Authorization", "Bearer " + TOKEN).DELETE()).statusCode())
                .isEqualTo(204);
        assertThat(send(request("/imports/" + id + "/citizens").GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void theOpenContractsNeedNoTokenAndIgnoreAWrongOne() throws Exception {
        HttpResponse<String> written = send(request("/update").header("Content-Type", "application/json")
                .header("Authorization", "Bearer wrong")
                .POST(BodyPublishers.ofString("{\"name\": \"token-free\", \"author\": \"A\", \"timestamp\": 20140812003842}")));
        assertThat(written.statusCode()).isEqualTo(200);
        assertThat(send(request("/api/ledger/nodes").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void healthMetricsAndDocsStayOpenAndTheDocsMarkTheAdminOperations() throws Exception {
        for (String open : new String[] {"/health", "/health/readiness", "/metrics", "/docs", "/openapi.json"}) {
            assertThat(send(request(open).GET()).statusCode()).as(open).isIn(200, 302);
        }
        JsonNode spec = json(send(request("/openapi.json").GET()));
        assertThat(spec.at("/components/securitySchemes/adminToken/scheme").asString()).isEqualTo("bearer");
        for (String admin : new String[] {"/paths/~1api~1ledger~1reconcile/post", "/paths/~1api~1ledger~1nodes/post",
                "/paths/~1api~1ledger~1nodes/delete", "/paths/~1imports~1{importId}/delete"}) {
            assertThat(spec.at(admin + "/security/0/adminToken").isArray()).as(admin).isTrue();
        }
        assertThat(spec.at("/paths/~1update/post/security").isMissingNode()).isTrue();
        assertThat(spec.at("/paths/~1imports/post/security").isMissingNode()).isTrue();
    }

    @Test
    void theLedgerCliSendsTheTokenItIsConfiguredWith() {
        StringWriter out = new StringWriter();
        CommandLine cli = QuintetCli.commandLine(context).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));
        int exit = cli.execute("ledger", "reconcile", "--check", "--host", "localhost:" + port);
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("\"nodes\":[]");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Http.JSON.readTree(response.body());
    }
}
