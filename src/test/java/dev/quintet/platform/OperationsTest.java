package dev.quintet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What operators and API users find at the well-known paths: docs, health, metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theOpenApiSpecDescribesTheCarsContract() {
        JsonNode spec = http.get("/openapi.json").json();
        assertThat(spec.get("openapi").asString()).startsWith("3.");
        assertThat(spec.get("paths").propertyNames())
                .contains("/api/cars/{serial}", "/api/cars", "/api/hostname")
                .noneMatch(path -> path.startsWith("/console"));
        JsonNode car = spec.get("components").get("schemas").get("Car");
        assertThat(car.get("required")).isNotNull();
        assertThat(car.get("properties").get("ownerName").get("maxLength").asInt()).isEqualTo(255);
    }

    @Test
    void swaggerUiIsAtDocs() {
        Http.Response docs = http.send(http.request("/docs").GET().build());
        // springdoc redirects /docs to its UI page; the client follows no redirects
        assertThat(docs.status()).isIn(200, 302);
        String page = docs.status() == 302 ? http.get(docs.location().replaceFirst("^https?://[^/]+", "")).body() : docs.body();
        assertThat(page).contains("swagger-ui");
    }

    @Test
    void livenessAndReadinessAnswerUp() {
        assertThat(http.get("/health/liveness").json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/health/readiness").json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/health").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsCountRequestsPerService() {
        http.get("/api/hostname");
        String metrics = http.get("/metrics").body();
        assertThat(metrics).contains("http_server_requests_seconds_count{")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*service=\"cars\"[^}]*uri=\"/api/hostname\"")
                .contains("cache_gets_total{", "cache=\"cars\"")
                .contains("jvm_threads_live_threads");
    }
}
