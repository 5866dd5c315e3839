package dev.quintet.shop;

import com.zaxxer.hikari.HikariDataSource;
import dev.quintet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole shop contract again, with the server on a real PostgreSQL: a primary without standbys. */
@DirtiesContext
class ShopApiOnPostgresTest extends ShopApiTest {

    private static HikariDataSource database;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        database = TestDatabases.postgresFor(registry);
    }

    @AfterAll
    static void drop() {
        TestDatabases.dropPostgres(database);
    }

    @Override
    String expectedDatabaseKind() {
        return "postgresql";
    }
}
