package dev.quintet.support;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fresh databases for tests: a private in-memory H2 in PostgreSQL mode, or a new database on the real
 * PostgreSQL that {@code ./test} makes sure is running (QUINTET_TEST_PG_URL, _USER, _PASSWORD).
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static HikariDataSource h2() {
        return pool("jdbc:h2:mem:test-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** A new, empty PostgreSQL database; dropped again by {@link #dropPostgres}. */
    public static HikariDataSource postgres() {
        String name = "quintet_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("""
                    PostgreSQL is not reachable at %s as %s (%s).
                    Run the tests with ./test: it starts or installs PostgreSQL and creates the test role."""
                    .formatted(adminUrl(), user(), e.getMessage()), e);
        }
        return pool(postgresUrl(name), user(), password());
    }

    /** Points a Spring test context at a new PostgreSQL database; drop it with {@link #dropPostgres} after the class. */
    public static HikariDataSource postgresFor(DynamicPropertyRegistry registry) {
        HikariDataSource database = postgres();
        registry.add("spring.datasource.url", database::getJdbcUrl);
        registry.add("spring.datasource.username", TestDatabases::user);
        registry.add("spring.datasource.password", TestDatabases::password);
        return database;
    }

    public static String postgresUrl(String database) {
        return adminUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1")
                + (adminUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    /** Closes an H2 test database, drops a PostgreSQL one. */
    public static void release(HikariDataSource dataSource) {
        if (dataSource.getJdbcUrl().startsWith("jdbc:h2:")) {
            dataSource.close();
        } else {
            dropPostgres(dataSource);
        }
    }

    public static void dropPostgres(HikariDataSource dataSource) {
        String url = dataSource.getJdbcUrl();
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        dataSource.close();
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    public static String user() {
        return env("QUINTET_TEST_PG_USER", "quintet");
    }

    public static String password() {
        return env("QUINTET_TEST_PG_PASSWORD", "quintet");
    }

    private static String adminUrl() {
        return env("QUINTET_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    private static Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(adminUrl(), user(), password());
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(8);
        return dataSource;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
