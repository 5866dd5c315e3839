package dev.quintet.platform.data;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * Turns Spring's cache annotations on. Embedded, the caches are Caffeine near caches
 * ({@code spring.cache.caffeine.spec}); their hits and misses are in the metrics as {@code cache_gets_total}.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfig {
}
