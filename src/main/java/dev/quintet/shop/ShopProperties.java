package dev.quintet.shop;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shop's settings ({@code QUINTET_SHOP_CACHE_TTL=30s} ...).
 *
 * @param cacheTtl        how long a cached list or user lives; writes evict at once, so the TTL only bounds
 *                        what another instance with its own embedded cache may show
 * @param cacheMaxEntries how many lists (and as many users) an embedded cache keeps
 */
@ConfigurationProperties("quintet.shop")
record ShopProperties(@DefaultValue("60s") Duration cacheTtl, @DefaultValue("10000") long cacheMaxEntries) {
}
