package dev.quintet.platform.data;

import dev.quintet.platform.QuintetProperties;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Brings each enabled service's tables up to date with its own Flyway history
 * ({@code db/migration/<service>}, table {@code flyway_history_<service>}). One history per service
 * lets services evolve and be enabled independently: a shared history would order every service's
 * versions on one line and refuse a late migration of one service after a newer one of another.
 */
public final class ServiceMigrations {

    private static final Logger log = LoggerFactory.getLogger(ServiceMigrations.class);

    private final List<String> migrated = new ArrayList<>();

    public ServiceMigrations(DataSource dataSource, QuintetProperties properties) {
        var resources = new PathMatchingResourcePatternResolver();
        for (String service : properties.services()) {
            String location = "db/migration/" + service;
            if (!resources.getResource("classpath:" + location).exists()) {
                continue;
            }
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:" + location)
                    .table("flyway_history_" + service)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("{}: applied {} migration(s), schema now at version {}", service,
                        result.migrationsExecuted, result.targetSchemaVersion);
            }
            migrated.add(service);
        }
    }

    /** The services whose schema is current. */
    public List<String> migrated() {
        return List.copyOf(migrated);
    }
}
