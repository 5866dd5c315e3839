package dev.quintet.platform.data;

import java.time.Duration;

/**
 * A cache a service declares as a bean: entries whose truth is in the database and which every instance
 * should see alike. With {@code QUINTET_REDIS_URL} set it lives in Redis, shared by every instance;
 * otherwise it is an embedded Caffeine cache of this process. Either way entries expire after {@code ttl}.
 *
 * @param maxEntries the bound of the embedded cache (Redis is bounded by its own memory policy)
 */
public record SharedCache(String name, Duration ttl, long maxEntries) {
}
