package dev.quintet.hotels;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.quintet.QuintetApplication;
import dev.quintet.support.Http;
import dev.quintet.support.TestDatabases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Whole instances sharing one database, on H2 and on PostgreSQL: a distributed search is worked on by
 * every instance, and a selection whose delivery failed on an instance that then stopped is delivered
 * by the next instance to start.
 */
class TwoInstancesTest {

    @Nested
    class OnH2 extends Contract {
        @Override
        Map<String, Object> database() {
            return Map.of("spring.datasource.url", "jdbc:h2:mem:two-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    @Nested
    class OnPostgres extends Contract {
        HikariDataSource postgres;

        @Override
        Map<String, Object> database() {
            postgres = TestDatabases.postgres();
            return Map.of("spring.datasource.url", postgres.getJdbcUrl(), "spring.datasource.username", postgres.getUsername(),
                    "spring.datasource.password", postgres.getPassword());
        }

        @AfterEach
        void drop() {
            stopAll();
            TestDatabases.dropPostgres(postgres);
        }
    }

    abstract static class Contract {

        final List<ConfigurableApplicationContext> running = new ArrayList<>();

        abstract Map<String, Object> database();

        @AfterEach
        void stopAll() {
            running.forEach(ConfigurableApplicationContext::close);
            running.clear();
        }

        ConfigurableApplicationContext start(Map<String, Object> database, String name, Map<String, Object> settings) {
            Map<String, Object> properties = new HashMap<>(database);
            properties.put("server.port", "0");
            properties.put("quintet.services", "hotels");
            properties.put("quintet.instance-name", name);
            properties.put("quintet.hotels.sandbox-latency", "100ms");
            properties.putAll(settings);
            // as arguments: they must win over application.yaml, which default properties would not
            ConfigurableApplicationContext context = new SpringApplicationBuilder(QuintetApplication.class)
                    .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
            running.add(context);
            return context;
        }

        static int port(ConfigurableApplicationContext context) {
            return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        }

        @Test
        void aDistributedSearchIsWorkedOnByEveryInstance() {
            Map<String, Object> database = database();
            // 4 pages at a time per instance, so the first cannot take all 30 before the second looks
            ConfigurableApplicationContext a = start(database, "alpha", Map.of("quintet.hotels.concurrency", "4"));
            start(database, "beta", Map.of("quintet.hotels.concurrency", "4"));

            JsonNode result = new Http(port(a)).post("/api/hotels/search",
                    "{\"city_id\": 169, \"page\": 1, \"strategy\": \"distributed\"}").json();

            assertThat(result.get("hotels")).hasSize(30);
            assertThat(result.get("failures")).isEmpty();
            JsonNode workers = result.get("workers");
            assertThat(workers.propertyNames()).containsExactlyInAnyOrder("alpha", "beta");
            assertThat(workers.get("alpha").asInt() + workers.get("beta").asInt()).isEqualTo(30);
            assertThat(workers.get("beta").asInt()).isPositive();
            // the queue is left empty
            assertThat(a.getBean(JdbcClient.class).sql("select count(*) from hotels_jobs").query(Long.class).single()).isZero();
        }

        @Test
        void aFailedDeliveryIsDeliveredAfterARestart() {
            Map<String, Object> database = database();
            ConfigurableApplicationContext first = start(database, "first", Map.of("quintet.hotels.outbox-retry", "1h"));
            first.getBean(SelectionListener.class).failNextDeliveries(1);
            Hotel hotel = SelectionsTest.hotel(new City(171, "Lyon", "FR", 0, 0, 520_000, false), 3);
            String body = "{\"city_id\": 171, \"hotels\": [" + Http.JSON.writeValueAsString(hotel) + "]}";
            assertThat(new Http(port(first)).post("/api/hotels/selections", body).status()).isEqualTo(202);

            JdbcClient jdbc = first.getBean(JdbcClient.class);
            SelectionsTest.await(() -> first.getBean(SelectionListener.class).deliveriesStillToFail() == 0);
            SelectionsTest.await(() -> incomplete(jdbc) == 1);
            first.close();

            // the next instance resubmits what is incomplete and older than outbox-retry, checking every half of it
            ConfigurableApplicationContext second = start(database, "second", Map.of("quintet.hotels.outbox-retry", "1s"));
            JdbcClient again = second.getBean(JdbcClient.class);
            SelectionsTest.await(() -> again.sql("select count(*) from hotels_selected where uid = ?").param(hotel.uid())
                    .query(Long.class).single() == 1);
            SelectionsTest.await(() -> incomplete(again) == 0);
        }

        static long incomplete(JdbcClient jdbc) {
            return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
        }
    }
}
