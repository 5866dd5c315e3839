package dev.quintet.platform.web;

import com.zaxxer.hikari.HikariDataSource;
import dev.quintet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same hostile requests with the server on a real PostgreSQL, which cannot store a NUL in text. */
@DirtiesContext
class HostileInputOnPostgresTest extends HostileInputTest {

    private static HikariDataSource database;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        database = TestDatabases.postgresFor(registry);
    }

    @AfterAll
    static void drop() {
        TestDatabases.dropPostgres(database);
    }
}
