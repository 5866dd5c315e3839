package dev.quintet.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.support.Http;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * Large imports are let in one at a time (here: bodies of 1 KB or more, or chunked): while one is being
 * sent, slowly, another is refused quickly with 503 and Retry-After; small imports and liveness are not
 * held up; once the first is done, the next large one is taken.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quintet.citizens.large-import=1KB", "quintet.citizens.large-imports-at-once=1",
        "quintet.citizens.large-import-wait=300ms"})
class ImportAdmissionTest {

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newHttpClient();

    static String largeImport() {
        ObjectNode[] citizens = new ObjectNode[40];
        for (int i = 0; i < citizens.length; i++) {
            citizens[i] = TestCitizens.citizen(i + 1, "Москва", "01.02.1990");
        }
        return TestCitizens.importOf(citizens);
    }

    HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/imports"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSecondLargeImportWaitsBrieflyThenGets503WithRetryAfter() throws Exception {
        byte[] body = largeImport().getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(1024);
        Http http = new Http(port);

        try (Socket slow = new Socket("localhost", port)) {
            slow.setSoTimeout(30_000);
            OutputStream out = slow.getOutputStream();
            // the headers and half the body, then nothing for now: this import holds the only turn
            out.write(("POST /imports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(500);

            long start = System.nanoTime();
            HttpResponse<String> refused = post(HttpRequest.BodyPublishers.ofByteArray(body));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
            assertThat(Http.JSON.readTree(refused.body()).get("detail").asString()).contains("large import");
            assertThat(tookMs).as("refused after the wait, not after the first import").isLessThan(5_000);

            // a body of unknown length counts as large
            HttpResponse<String> chunked = post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
            assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(503);

            // small imports and the probes are not held up
            assertThat(http.post("/imports", TestCitizens.example()).status()).isEqualTo(201);
            long probe = System.nanoTime();
            assertThat(http.get("/health/liveness").status()).isEqualTo(200);
            assertThat((System.nanoTime() - probe) / 1_000_000).isLessThan(1_000);

            // the first import completes and is stored
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(slow.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 201");
        }

        // its turn is free again
        HttpResponse<String> next = post(HttpRequest.BodyPublishers.ofByteArray(body));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
    }
}
