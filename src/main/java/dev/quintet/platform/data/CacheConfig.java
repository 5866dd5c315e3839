package dev.quintet.platform.data;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.CaffeineSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;
import org.springframework.cache.support.CompositeCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Turns Spring's cache annotations on and builds the one cache manager.
 * <ul>
 * <li>The caches named in {@code spring.cache.cache-names} (cars) are Caffeine near caches with
 *     {@code spring.cache.caffeine.spec}: they hold immutable data, so a per-process copy is right.</li>
 * <li>Every {@link SharedCache} a service declares goes to Redis when {@code QUINTET_REDIS_URL} is set
 *     (see {@link RedisSwitch}), and is a Caffeine cache with its own TTL otherwise.</li>
 * </ul>
 * Hits and misses of both kinds are in the metrics as {@code cache_gets_total} and in {@link CacheReport}.
 * A failing Redis is logged and read through to the database rather than failing the request.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfig implements CachingConfigurer {

    @Bean
    CacheManager cacheManager(@Value("${spring.cache.cache-names:}") List<String> nearCaches,
                              @Value("${spring.cache.caffeine.spec:}") String nearSpec,
                              @Value("${quintet.redis-prefix:quintet:}") String redisPrefix,
                              ObjectProvider<SharedCache> sharedCaches, ObjectProvider<RedisConnectionFactory> redis) {
        List<SharedCache> shared = sharedCaches.orderedStream().toList();
        CaffeineCacheManager caffeine = new CaffeineCacheManager();
        if (!nearSpec.isBlank()) {
            caffeine.setCaffeineSpec(CaffeineSpec.parse(nearSpec));
        }
        // a fixed set of names: a typo in a cache name fails loudly instead of making a cache nobody sizes
        caffeine.setCacheNames(nearCaches.stream().filter(n -> !n.isBlank()).toList());
        List<CacheManager> managers = new ArrayList<>();
        RedisConnectionFactory factory = redis.getIfAvailable();
        if (factory != null && !shared.isEmpty()) {
            RedisCacheConfiguration defaults = RedisCacheConfiguration.defaultCacheConfig(getClass().getClassLoader())
                    .prefixCacheNameWith(redisPrefix)
                    .disableCachingNullValues();
            Map<String, RedisCacheConfiguration> configs = new LinkedHashMap<>();
            shared.forEach(c -> configs.put(c.name(), defaults.entryTtl(c.ttl())));
            // SCAN rather than KEYS when a write clears a cache: KEYS blocks Redis for everyone. Immediate
            // writes: by default puts and clears are sent without waiting, so a list read just before a write
            // could land in Redis after the write's eviction and be served stale until it expires.
            RedisCacheWriter writer = RedisCacheWriter.create(factory,
                    c -> c.batchStrategy(BatchStrategies.scan(1000)).immediateWrites());
            RedisCacheManager manager = RedisCacheManager
                    .builder(writer)
                    .cacheDefaults(defaults)
                    .withInitialCacheConfigurations(configs)
                    .disableCreateOnMissingCache()
                    .enableStatistics()
                    .build();
            manager.initializeCaches();
            managers.add(manager);
        } else {
            shared.forEach(c -> caffeine.registerCustomCache(c.name(), Caffeine.newBuilder()
                    .expireAfterWrite(c.ttl()).maximumSize(c.maxEntries()).recordStats().build()));
        }
        managers.add(caffeine);
        return new CompositeCacheManager(managers.toArray(CacheManager[]::new));
    }

    @Bean
    CacheReport cacheReport(CacheManager cacheManager) {
        return new CacheReport(cacheManager);
    }

    @Override
    public CacheErrorHandler errorHandler() {
        return new LoggingCacheErrorHandler();
    }
}
