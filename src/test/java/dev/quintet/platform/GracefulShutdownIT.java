package dev.quintet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.support.Http;
import dev.quintet.support.QuintetProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

    private static final int IN_FLIGHT = 8;
    private static final long FIRST_SERIAL = 9_000;

    @TempDir
    Path data;

    @Test
    void requestsInFlightAtSigtermCompleteAndAreKept() throws Exception {
        List<Socket> clients = new ArrayList<>();
        try (QuintetProcess server = QuintetProcess.server(data, Map.of())) {
            List<byte[]> rests = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                byte[] body = car(FIRST_SERIAL + i).getBytes(StandardCharsets.UTF_8);
                Socket socket = new Socket("localhost", server.port);
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/cars HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
                rests.add(java.util.Arrays.copyOfRange(body, body.length / 2, body.length));
                clients.add(socket);
            }
            Thread.sleep(500); // the handlers are now reading the bodies

            server.terminate();
            Thread.sleep(1_000);
            assertThat(server.isAlive()).as("the server waits for requests in flight").isTrue();

            List<String> statusLines = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                clients.get(i).getOutputStream().write(rests.get(i));
                clients.get(i).getOutputStream().flush();
            }
            for (Socket socket : clients) {
                statusLines.add(firstLine(socket.getInputStream()));
            }
            assertThat(statusLines).as("every request in flight at SIGTERM").hasSize(IN_FLIGHT)
                    .allMatch(line -> line.startsWith("HTTP/1.1 201"), "is answered 201 Created");

            assertThat(server.awaitExit(Duration.ofSeconds(30))).as("the process exits after they finish").isTrue();
            assertThat(server.log()).contains("Graceful shutdown complete");
        } finally {
            for (Socket socket : clients) {
                socket.close();
            }
        }

        try (QuintetProcess again = QuintetProcess.server(data, Map.of())) {
            Http http = new Http(again.port);
            for (int i = 0; i < IN_FLIGHT; i++) {
                assertThat(http.get("/api/cars/" + (FIRST_SERIAL + i)).status()).as("acknowledged, so kept").isEqualTo(200);
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

            // while the server holds the database, the CLI reaches it through H2's automatic server mode
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

    private static String car(long serial) {
        return """
                {"ownerName": "Shutdown Test", "serialNumber": %d, "modelYear": 2020, "code": "C-1",
                 "vehicleCode": "VIN-1", "engine": {"capacity": 1600, "numCylinders": 4, "maxRpm": 6000, "manufacturerCode": "T"},
                 "fuelFigures": {"speed": 90, "mpg": 40.0, "usageDescription": "Combined"},
                 "performanceFigures": {"octaneRating": 95, "acceleration": {"mph": 60, "seconds": 9.5}},
                 "manufacturer": "Toyota", "model": "Corolla", "activationCode": "ACT-1"}""".formatted(serial);
    }
}
