package dev.quintet.platform.data;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the database behind this instance looks like: an embedded H2 file, or a PostgreSQL server
 * that is a primary (with the standbys it streams to) or itself a standby.
 */
@Component
public class DatabaseTopology {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public DatabaseTopology(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    public Topology describe() {
        String product;
        String version;
        String url;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            product = meta.getDatabaseProductName();
            version = meta.getDatabaseProductVersion();
            url = withoutSecrets(meta.getURL());
        } catch (SQLException e) {
            return new Topology("unreachable", "", "", false, List.of(), e.getMessage());
        }
        if (!product.equalsIgnoreCase("PostgreSQL")) {
            return new Topology("h2", version, url, true, List.of(), null);
        }
        boolean standby = jdbc.sql("select pg_is_in_recovery()").query(Boolean.class).single();
        List<Standby> standbys = standby ? List.of() : jdbc.sql("""
                select coalesce(application_name, '') as name, coalesce(host(client_addr), 'local') as address,
                       coalesce(state, '') as state, coalesce(sync_state, '') as sync_state,
                       coalesce(extract(epoch from replay_lag) * 1000, 0) as replay_lag_ms
                from pg_stat_replication order by application_name
                """).query((rs, i) -> new Standby(rs.getString("name"), rs.getString("address"),
                        rs.getString("state"), rs.getString("sync_state"), rs.getDouble("replay_lag_ms"))).list();
        return new Topology("postgresql", version, url, !standby, standbys, null);
    }

    private static String withoutSecrets(String url) {
        return url == null ? "" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /**
     * @param kind     {@code h2}, {@code postgresql} or {@code unreachable}
     * @param primary  whether this database takes writes
     * @param standbys the standbys a primary streams to, as it reports them
     * @param problem  why the database could not be described, or null
     */
    public record Topology(String kind, String version, String url, boolean primary, List<Standby> standbys,
                           String problem) {

        public boolean embedded() {
            return kind.equals("h2");
        }

        public long streaming() {
            return standbys.stream().filter(s -> s.state().equals("streaming")).count();
        }
    }

    public record Standby(String name, String address, String state, String syncState, double replayLagMillis) {
    }
}
