package dev.quintet.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.quintet.QuintetApplication;
import dev.quintet.support.Http;
import dev.quintet.support.TestDatabases;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two instances on one PostgreSQL database sharing the cache in a real Redis, as behind a balancer: a user
 * posted through one is in the next list read through the other, although that list was cached.
 */
class ShopTwoInstancesTest {

    static final String PREFIX = "quintet-test-" + UUID.randomUUID() + ":";

    static HikariDataSource database;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        database = TestDatabases.postgres();
        first = instance("a");
        second = instance("b");
    }

    static ConfigurableApplicationContext instance(String name) {
        // arguments, as on a command line: they outrank application.yaml's QUINTET_PORT default
        return new SpringApplicationBuilder(QuintetApplication.class).run(
                "--server.port=0",
                "--quintet.instance-name=" + name,
                "--quintet.redis-url=" + env("QUINTET_TEST_REDIS_URL", "redis://127.0.0.1:6379"),
                "--quintet.redis-prefix=" + PREFIX,
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + TestDatabases.user(),
                "--spring.datasource.password=" + TestDatabases.password());
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            StringRedisTemplate redis = first.getBean(StringRedisTemplate.class);
            var keys = redis.keys(PREFIX + "*");
            if (keys != null && !keys.isEmpty()) {
                redis.delete(keys);
            }
            first.close();
        }
        if (second != null) {
            second.close();
        }
        TestDatabases.dropPostgres(database);
    }

    static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void aUserPostedThroughOneInstanceIsInTheNextListOfTheOther() {
        Http a = http(first);
        Http b = http(second);
        // both started on the same database: helloDoc was created once
        assertThat(b.get("/helloDoc/count").json().get("items_count").asLong()).isEqualTo(1000);

        assertThat(b.get("/balanced/users").json().get("users").size()).isZero();
        assertThat(a.get("/balanced/users").json().get("users").size()).isZero(); // served from Redis
        assertThat(a.get("/").json().get("cache").get("shop-lists").get("hits").asLong()).isEqualTo(1);

        assertThat(a.post("/balanced/users", "{\"age\": 20, \"name\": \"Ida\"}").status()).isEqualTo(201);
        assertThat(b.get("/balanced/users").json().get("users").get(0).get("name").asString()).isEqualTo("Ida");
        assertThat(b.get("/balanced/users/Ida").json().get("age").asLong()).isEqualTo(20);
        assertThat(a.get("/").json().get("instance").asString()).isEqualTo("a");
        assertThat(b.get("/").json().get("instance").asString()).isEqualTo("b");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
