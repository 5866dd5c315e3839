package dev.quintet.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.support.Http.Response;
import dev.quintet.support.Http;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The task's largest valid import: 10,000 citizens, every string 256 Cyrillic characters written as
 * JSON escapes, ids near 2^31, 1,000 links; about 63 MB. Neither the body limit nor the JSON reader's
 * constraints may refuse it, and a body over the limit is still a 413.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LargestImportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static String largestImport() {
        int n = 10_000;
        Random random = new Random(7);
        List<List<Integer>> relatives = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            relatives.add(new ArrayList<>());
        }
        int links = 0;
        while (links < 1_000) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a != b && !relatives.get(a).contains(b)) {
                relatives.get(a).add(b);
                relatives.get(b).add(a);
                links++;
            }
        }
        String text = "\"" + "\\u0416".repeat(256) + "\""; // Ж, escaped: the longest way to write it
        StringBuilder json = new StringBuilder(64 << 20).append("{\"citizens\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"citizen_id\":").append(Integer.MAX_VALUE - i)
                .append(",\"town\":").append(text).append(",\"street\":").append(text)
                .append(",\"building\":").append(text).append(",\"apartment\":").append(Integer.MAX_VALUE)
                .append(",\"name\":").append(text).append(",\"birth_date\":\"29.02.2000\",\"gender\":\"female\",\"relatives\":[");
            List<Integer> list = relatives.get(i);
            for (int j = 0; j < list.size(); j++) {
                json.append(j > 0 ? "," : "").append(Integer.MAX_VALUE - list.get(j));
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    @Test
    void theLargestValidImportIsAccepted() {
        Http http = new Http(port);
        String body = largestImport();
        assertThat(body.length()).isGreaterThan(60_000_000);

        Response created = http.post("/imports", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("data").get("import_id").asLong();

        // checked in the database rather than by reading 22 MB back: the read path has its own tests
        assertThat(jdbc.sql("select count(*) from citizens where import_id = ?").param(id).query(Long.class).single())
                .isEqualTo(10_000);
        assertThat(jdbc.sql("select town from citizens where import_id = ? and citizen_id = ?")
                .params(id, Integer.MAX_VALUE).query(String.class).single()).isEqualTo("Ж".repeat(256));
        assertThat(jdbc.sql("select count(*) from citizens_relatives where import_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(2_000);
    }

    /** Refused on the declared length alone: the client sends headers only and reads the answer. */
    @Test
    void aBodyOverTheImportLimitIsTooLarge() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /imports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (129L << 20) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
    }
}
