package dev.quintet.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.platform.Instance;
import dev.quintet.platform.QuintetProperties;
import dev.quintet.platform.data.CacheReport;
import dev.quintet.platform.data.DatabaseTopology;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** The report's keys for the topologies a test database cannot take: a primary with standbys, a standby. */
class ShopTopologyTest {

    static DatabaseTopology.Standby standby(String name, String address) {
        return new DatabaseTopology.Standby(name, address, "streaming", "async", 1.5);
    }

    static Map<String, Object> report(DatabaseTopology.Topology topology) {
        DatabaseTopology database = new DatabaseTopology(null, null) {
            @Override
            public Topology describe() {
                return topology;
            }
        };
        var unused = new org.h2.jdbcx.JdbcDataSource(); // never connected: the overrides answer
        UserRepository repository = new UserRepository(JdbcClient.create(unused), unused) {
            @Override
            Map<String, Long> counts() {
                return Map.of("helloDoc", 1000L);
            }

            @Override
            String databaseName() {
                return "quintet";
            }
        };
        Shop shop = new Shop(repository, null, null) {
            @Override
            public List<CacheReport.Stats> cacheStats() {
                return List.of(new CacheReport.Stats("shop-lists", "redis", 3, 1), new CacheReport.Stats("shop-users", "redis", 2, 2));
            }
        };
        Instance instance = new Instance(new QuintetProperties(List.of(), "", "node-a", DataSize.ofMegabytes(1)));
        return new ShopTopology(database, repository, shop, instance).report();
    }

    @Test
    void aPrimaryWithStandbysIsAReplicaSetWithAPrimary() {
        Map<String, Object> r = report(new DatabaseTopology.Topology("postgresql", "15.2",
                "jdbc:postgresql://db1:5433,db2/quintet?targetServerType=preferSecondary", true,
                List.of(standby("s1", "10.0.0.2"), standby("s2", "10.0.0.3")), null));
        assertThat(r.get("mongo_topology_type")).isEqualTo("ReplicaSetWithPrimary");
        assertThat(r.get("mongo_replicaset_name")).isEqualTo("quintet");
        assertThat(r.get("mongo_db")).isEqualTo("quintet");
        assertThat(r.get("read_preference")).isEqualTo("SecondaryPreferred()");
        assertThat(r.get("mongo_primary_host")).isEqualTo(Arrays.asList("db1", 5433));
        assertThat(r.get("mongo_address")).isEqualTo(r.get("mongo_primary_host"));
        assertThat(r.get("mongo_secondary_hosts")).isEqualTo(List.of(Arrays.asList("10.0.0.2", null),
                Arrays.asList("10.0.0.3", null)));
        assertThat((List<?>) r.get("mongo_nodes")).hasSize(3);
        assertThat(r.get("mongo_is_primary")).isEqualTo(true);
        assertThat(r.get("collections")).isEqualTo(Map.of("helloDoc", Map.of("documents_count", 1000L)));
        assertThat(r.get("cache_enabled")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        Map<String, Object> cache = (Map<String, Object>) r.get("cache");
        assertThat(cache).containsEntry("store", "redis").containsEntry("hits", 5L).containsEntry("misses", 3L);
        assertThat(r.get("instance")).isEqualTo("node-a");
    }

    @Test
    void connectedToAStandbyThereIsNoPrimaryInView() {
        Map<String, Object> r = report(new DatabaseTopology.Topology("postgresql", "15.2",
                "jdbc:postgresql://replica:5432/quintet", false, List.of(), null));
        assertThat(r.get("mongo_topology_type")).isEqualTo("ReplicaSetNoPrimary");
        assertThat(r.get("mongo_primary_host")).isNull();
        assertThat(r.get("mongo_is_primary")).isEqualTo(false);
        assertThat(r.get("read_preference")).isEqualTo("Primary()");
        assertThat(r.get("mongo_address")).isEqualTo(Arrays.asList("replica", 5432));
    }

    @Test
    void readPreferenceFollowsTheDriversTargetServerType() {
        assertThat(ShopTopology.readPreference("")).isEqualTo("Primary()");
        assertThat(ShopTopology.readPreference("ssl=true&targetServerType=secondary")).isEqualTo("Secondary()");
        assertThat(ShopTopology.readPreference("targetServerType=preferPrimary")).isEqualTo("PrimaryPreferred()");
        assertThat(ShopTopology.readPreference("targetServerType=primary")).isEqualTo("Primary()");
    }
}
