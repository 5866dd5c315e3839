package dev.quintet.shop;

import dev.quintet.platform.Instance;
import dev.quintet.platform.data.CacheReport;
import dev.quintet.platform.data.DatabaseTopology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The original's {@code GET /} report, under its keys, filled from Quintet's real database: an embedded H2 is
 * a single node ({@code "Single"}); a PostgreSQL primary with standbys is a replica set with a primary, its
 * standbys (from {@code pg_stat_replication}) the secondaries; connected to a standby, there is no primary in
 * view. Reads go where the JDBC URL sends them ({@code targetServerType}), the primary unless it says
 * otherwise. Nodes are {@code [host, port]} pairs as pymongo printed them; a standby's port is not
 * reported by PostgreSQL, so it is null. Quintet adds {@code database}, {@code cache} and {@code instance}.
 */
@Component
class ShopTopology {

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/?]*)(?:/([^?]*))?(?:\\?(.*))?");

    private final DatabaseTopology database;
    private final UserRepository repository;
    private final Shop shop;
    private final Instance instance;
    private volatile String databaseName;

    ShopTopology(DatabaseTopology database, UserRepository repository, Shop shop, Instance instance) {
        this.database = database;
        this.repository = repository;
        this.shop = shop;
        this.instance = instance;
    }

    /** The original's {@code mongo_db}: the name of the database the shop's tables live in. */
    String databaseName() {
        String name = databaseName;
        if (name == null) {
            name = repository.databaseName();
            databaseName = name;
        }
        return name;
    }

    Map<String, Object> report() {
        DatabaseTopology.Topology t = database.describe();
        Map<String, Object> report = new LinkedHashMap<>();
        List<Object> self;
        List<List<Object>> standbys = t.standbys().stream().map(s -> node(s.address(), null)).toList();
        String type;
        String readPreference = "Primary()";
        if (t.embedded()) {
            type = "Single";
            self = node(t.url(), null);
        } else {
            Matcher m = POSTGRES_URL.matcher(t.url());
            List<List<Object>> hosts = new ArrayList<>();
            String params = "";
            if (m.matches()) {
                for (String host : m.group(1).split(",")) {
                    int colon = host.lastIndexOf(':');
                    hosts.add(colon < 0 ? node(host, 5432) : node(host.substring(0, colon), parsePort(host.substring(colon + 1))));
                }
                params = m.group(3) == null ? "" : m.group(3);
            }
            self = hosts.isEmpty() ? node(t.url(), null) : hosts.getFirst();
            type = !t.primary() ? "ReplicaSetNoPrimary" : standbys.isEmpty() ? "Single" : "ReplicaSetWithPrimary";
            readPreference = readPreference(params);
        }
        Map<String, Object> collections = new LinkedHashMap<>();
        shop.collections().forEach((name, count) -> collections.put(name, Map.of("documents_count", count)));
        List<List<Object>> nodes = new ArrayList<>();
        nodes.add(self);
        nodes.addAll(standbys);
        List<CacheReport.Stats> caches = shop.cacheStats();

        report.put("mongo_topology_type", type);
        report.put("mongo_replicaset_name", standbys.isEmpty() ? null : databaseName());
        report.put("mongo_db", databaseName());
        report.put("read_preference", readPreference);
        report.put("mongo_nodes", nodes);
        report.put("mongo_primary_host", t.primary() ? self : null);
        report.put("mongo_secondary_hosts", standbys);
        report.put("mongo_address", self);
        report.put("mongo_is_primary", t.primary());
        report.put("mongo_is_mongos", false);
        report.put("collections", collections);
        report.put("shards", null);
        report.put("cache_enabled", caches.stream().noneMatch(c -> c.store().equals("none")));
        report.put("status", "OK");

        Map<String, Object> db = new LinkedHashMap<>();
        db.put("kind", t.kind());
        db.put("version", t.version());
        db.put("url", t.url());
        db.put("standbys", t.standbys());
        if (t.problem() != null) {
            db.put("problem", t.problem());
        }
        report.put("database", db);
        Map<String, Object> cache = new LinkedHashMap<>();
        cache.put("store", caches.getFirst().store());
        long hits = 0;
        long misses = 0;
        for (CacheReport.Stats stats : caches) {
            cache.put(stats.name(), Map.of("hits", stats.hits(), "misses", stats.misses()));
            hits += stats.hits();
            misses += stats.misses();
        }
        cache.put("hits", hits);
        cache.put("misses", misses);
        report.put("cache", cache);
        report.put("instance", instance.name());
        return report;
    }

    /** pymongo's names for where reads go, from the PostgreSQL driver's {@code targetServerType}. */
    static String readPreference(String params) {
        String target = Arrays.stream(params.split("&"))
                .filter(p -> p.toLowerCase().startsWith("targetservertype="))
                .map(p -> p.substring(p.indexOf('=') + 1).toLowerCase())
                .findFirst().orElse("any");
        return switch (target) {
            case "secondary", "standby" -> "Secondary()";
            case "prefersecondary", "preferstandby" -> "SecondaryPreferred()";
            case "preferprimary" -> "PrimaryPreferred()";
            default -> "Primary()";
        };
    }

    private static List<Object> node(String host, Integer port) {
        List<Object> node = new ArrayList<>(2);
        node.add(host);
        node.add(port);
        return node;
    }

    private static Integer parsePort(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
