package dev.quintet.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.quintet.support.Http.Response;
import dev.quintet.support.SampleBodies;
import dev.quintet.support.Http;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every service keeps writing after the pool has replaced every connection, including the ones that ran
 * the migrations. H2 2.4.240 compiled a check constraint such as {@code gender in ('male', 'female')}
 * against the session that created it; once Hikari retired that connection (after its 30 min max
 * lifetime) every insert into the table failed with "Check constraint invalid".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PoolRecyclingTest {

    @LocalServerPort
    int port;

    @Autowired
    HikariDataSource pool;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyServiceWritesAfterThePoolRecycledEveryConnection() {
        Http http = new Http(port);
        // what max-lifetime does after 30 minutes, at once: idle connections close now, busy ones on return
        pool.getHikariPoolMXBean().softEvictConnections();
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.getHikariPoolMXBean().getTotalConnections() > 0);

        assertCreated(http.post("/api/cars", SampleBodies.car(4242)));
        Response imported = http.post("/imports", SampleBodies.twoRelatives());
        assertCreated(imported);
        long importId = imported.json().get("data").get("import_id").asLong();
        Response patched = http.send(http.request("/imports/" + importId + "/citizens/2")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"gender\": \"male\", \"relatives\": []}"))
                .build());
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertCreated(http.post("/helloDoc/users", "{\"age\": 30, \"name\": \"after-recycling\"}"));
        assertThat(http.post("/update", "{\"name\": \"doc\", \"author\": \"ann\", \"timestamp\": 20261202120000}").status())
                .isEqualTo(200);

        long cityId = http.get("/api/geo/cities?size=1").json().get("items").get(0).get("id").asLong();
        Response selected = http.post("/api/hotels/selections", SampleBodies.hotelSelection("recycled-1", cityId));
        assertThat(selected.status()).as(selected.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("select count(*) from hotels_selected where uid = 'recycled-1'").query(Long.class).single() == 1);
    }

    private static void assertCreated(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
