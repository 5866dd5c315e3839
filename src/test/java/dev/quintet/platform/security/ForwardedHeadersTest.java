package dev.quintet.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real client on a non-loopback address of this machine is refused an admin operation, also when it
 * claims to be 127.0.0.1 in X-Forwarded-For, on a cloud platform (where Spring Boot would trust forwarded
 * headers by default) behind what Tomcat would take for an internal proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.cloud-platform=kubernetes", "server.tomcat.remoteip.internal-proxies=.*"})
class ForwardedHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void aRemoteClientCannotPassForLoopback() throws Exception {
        Optional<InetAddress> own = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeTrue(own.isPresent(), "this machine has no non-loopback IPv4 address to connect from");

        HttpClient client = HttpClient.newHttpClient();
        URI reconcile = URI.create("http://" + own.get().getHostAddress() + ":" + port + "/api/ledger/reconcile?repair=false");
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(reconcile)
                .header("X-Forwarded-For", "127.0.0.1").header("Forwarded", "for=127.0.0.1")
                .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("loopback clients only");
    }
}
