package dev.quintet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quintet.support.Http;
import dev.quintet.support.QuintetProcess;
import dev.quintet.support.SampleBodies;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while requests are in flight: every one of them completes and is stored, then the process
 * exits. The original (aiohttp) cancelled such requests; its README listed that as unsolved.
 * <p>
 * The requests are held in flight the way a slow client holds them: the server has the headers and
 * half of each body when the signal arrives, and the rest comes a second later.
 */
class GracefulShutdownIT {

    private static final long FIRST_SERIAL = 9_000;

    @TempDir
    Path data;

    /** A write the server holds in flight, the status it must get, and how to find it after a restart. */
    record Write(String service, String path, String body, int status, String check) {
    }

    @Test
    void writesOfEveryServiceInFlightAtSigtermCompleteAndAreKept() throws Exception {
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            writes.add(new Write("cars", "/api/cars", SampleBodies.car(FIRST_SERIAL + i), 201, "/api/cars/" + (FIRST_SERIAL + i)));
            writes.add(new Write("ledger", "/update", """
                    {"name": "doc-%d", "author": "ann", "timestamp": 20261202120000}""".formatted(i), 200, "/get?name=doc-" + i));
            writes.add(new Write("shop", "/helloDoc/users", """
                    {"age": 30, "name": "shutdown-%d"}""".formatted(i), 201, "/helloDoc/users/shutdown-" + i));
        }
        writes.add(new Write("citizens", "/imports", SampleBodies.twoRelatives(), 201, "/imports/1/citizens"));
        writes.add(new Write("hotels", "/api/hotels/selections", SampleBodies.hotelSelection("shutdown-1", 1), 202,
                "/api/hotels/selected?search=Hotel"));

        List<Socket> clients = new ArrayList<>();
        try (QuintetProcess server = QuintetProcess.server(data, Map.of())) {
            List<byte[]> rests = new ArrayList<>();
            for (Write write : writes) {
                byte[] body = write.body().getBytes(StandardCharsets.UTF_8);
                Socket socket = new Socket("localhost", server.port);
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + write.path() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
                rests.add(Arrays.copyOfRange(body, body.length / 2, body.length));
                clients.add(socket);
            }
            Thread.sleep(500); // the handlers are now reading the bodies

            server.terminate();
            Thread.sleep(1_000);
            assertThat(server.isAlive()).as("the server waits for requests in flight").isTrue();

            for (int i = 0; i < writes.size(); i++) {
                clients.get(i).getOutputStream().write(rests.get(i));
                clients.get(i).getOutputStream().flush();
            }
            for (int i = 0; i < writes.size(); i++) {
                Write write = writes.get(i);
                assertThat(firstLine(clients.get(i).getInputStream()))
                        .as("%s %s, in flight at SIGTERM", write.service(), write.path())
                        .startsWith("HTTP/1.1 " + write.status());
            }

            assertThat(server.awaitExit(Duration.ofSeconds(30))).as("the process exits after they finish").isTrue();
            assertThat(server.log()).contains("Graceful shutdown complete")
                    .doesNotContain("has been closed").doesNotContain(" ERROR ");
        } finally {
            for (Socket socket : clients) {
                socket.close();
            }
        }

        try (QuintetProcess again = QuintetProcess.server(data, Map.of())) {
            Http http = new Http(again.port);
            for (Write write : writes) {
                if (write.service().equals("hotels")) {
                    // the outbox delivers an accepted selection after the restart if it had not yet
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get(write.check()).body())
                            .as("the selection accepted at SIGTERM").contains("shutdown-1"));
                } else {
                    assertThat(http.get(write.check()).status()).as("%s: acknowledged, so kept", write.check()).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void theCliWorksOnTheServersDataDirectory() throws Exception {
        QuintetProcess.Result fake = QuintetProcess.cli(data, "cars", "fake", "1000", "0");
        assertThat(fake.exit()).as(fake.output()).isZero();
        assertThat(fake.output()).contains("inserted 1000 cars");

        try (QuintetProcess server = QuintetProcess.server(data, Map.of())) {
            Http http = new Http(server.port);
            assertThat(http.get("/api/cars/999").json().get("serialNumber").asLong()).isEqualTo(999);

            // while the server holds the database, the CLI reaches it through the server's H2 TCP port
            QuintetProcess.Result list = QuintetProcess.cli(data, "cars", "list", "--limit", "2");
            assertThat(list.exit()).as(list.output()).isZero();
            assertThat(list.output()).contains("(2 of 1000 cars)");
        }

        QuintetProcess.Result unknown = QuintetProcess.cli(data, "cars", "nonsense");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.output()).contains("Unmatched argument");
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
