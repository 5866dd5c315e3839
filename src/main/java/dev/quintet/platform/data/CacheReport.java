package dev.quintet.platform.data;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.data.redis.cache.RedisCache;

/** What a cache is and how it has done so far: where it lives, its hits and its misses. */
public final class CacheReport {

    private final CacheManager cacheManager;

    CacheReport(CacheManager cacheManager) {
        this.cacheManager = cacheManager;
    }

    /** @return the cache's figures, or {@code store = "none"} when no such cache exists */
    public Stats stats(String name) {
        Cache cache = cacheManager.getCache(name);
        if (cache == null) {
            return new Stats(name, "none", 0, 0);
        }
        if (cache instanceof CaffeineCache caffeine) {
            var stats = caffeine.getNativeCache().stats();
            return new Stats(name, "caffeine", stats.hitCount(), stats.missCount());
        }
        if (cache instanceof RedisCache redis) {
            var stats = redis.getStatistics();
            return new Stats(name, "redis", stats.getHits(), stats.getMisses());
        }
        return new Stats(name, cache.getClass().getSimpleName(), 0, 0);
    }

    /** @param store {@code caffeine} (this process), {@code redis} (shared) or {@code none} */
    public record Stats(String name, String store, long hits, long misses) {
    }
}
