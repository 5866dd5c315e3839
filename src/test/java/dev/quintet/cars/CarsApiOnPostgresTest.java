package dev.quintet.cars;

import com.zaxxer.hikari.HikariDataSource;
import dev.quintet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole cars contract again, with the server on a real PostgreSQL instead of H2. */
@DirtiesContext
class CarsApiOnPostgresTest extends CarsApiTest {

    private static HikariDataSource database;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        database = TestDatabases.postgresFor(registry);
    }

    @AfterAll
    static void drop() {
        // the Spring context stays cached for the run; its pool closes with the JVM, the database goes now
        TestDatabases.dropPostgres(database);
    }
}
