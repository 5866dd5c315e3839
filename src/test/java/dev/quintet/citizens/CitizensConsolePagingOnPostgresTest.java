package dev.quintet.citizens;

import com.zaxxer.hikari.HikariDataSource;
import dev.quintet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The citizens page's paged reads again, with the server on a real PostgreSQL. */
@DirtiesContext
class CitizensConsolePagingOnPostgresTest extends CitizensConsolePagingTest {

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
