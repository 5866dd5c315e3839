package dev.quintet.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Forwarded headers never change who the client is, also on a cloud platform (where Spring Boot would
 * trust them by default) behind what Tomcat would take for an internal proxy. Seen from loopback: a client
 * that names another address in X-Forwarded-For is still the loopback client it is, so the admin
 * operation is served; had the header been trusted, the same mechanism would let a remote client pass for
 * 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.cloud-platform=kubernetes", "server.tomcat.remoteip.internal-proxies=.*"})
class ForwardedHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void forwardedHeadersDoNotChangeTheClientsAddress() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI reconcile = URI.create("http://127.0.0.1:" + port + "/api/ledger/reconcile?repair=false");
        HttpResponse<String> served = client.send(HttpRequest.newBuilder(reconcile)
                .header("X-Forwarded-For", "203.0.113.9").header("Forwarded", "for=203.0.113.9")
                .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());

        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
    }
}
