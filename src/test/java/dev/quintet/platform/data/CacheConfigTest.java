package dev.quintet.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cache.CacheManager;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** Without Redis: near caches keep the configured spec, shared caches become Caffeine caches with their TTL. */
class CacheConfigTest {

    static CacheManager embedded(SharedCache... shared) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        for (SharedCache cache : shared) {
            beans.addBean(cache.name(), cache);
        }
        return new CacheConfig().cacheManager(List.of("cars"), "maximumSize=10,recordStats", "test:",
                beans.getBeanProvider(SharedCache.class), beans.getBeanProvider(RedisConnectionFactory.class));
    }

    @Test
    void sharedCachesExpireAfterTheirTtlAndNearCachesStay() throws InterruptedException {
        CacheManager manager = embedded(new SharedCache("short", Duration.ofMillis(300), 100));
        manager.getCache("short").put("k", "v");
        manager.getCache("cars").put(1L, "car");
        assertThat(manager.getCache("short").get("k")).isNotNull();
        Thread.sleep(600);
        assertThat(manager.getCache("short").get("k")).isNull();
        assertThat(manager.getCache("cars").get(1L).get()).isEqualTo("car");
        assertThat(manager.getCacheNames()).containsExactlyInAnyOrder("cars", "short");
    }

    @Test
    void anUnknownCacheNameIsNoCacheAndTheReportSaysSo() {
        CacheManager manager = embedded(new SharedCache("shared", Duration.ofSeconds(5), 10));
        assertThat(manager.getCache("typo")).isNull();
        CacheReport report = new CacheReport(manager);
        manager.getCache("shared").get("miss");
        manager.getCache("shared").put("hit", 1);
        manager.getCache("shared").get("hit");
        assertThat(report.stats("shared")).isEqualTo(new CacheReport.Stats("shared", "caffeine", 1, 1));
        assertThat(report.stats("typo").store()).isEqualTo("none");
    }
}
