package dev.quintet.shop;

import dev.quintet.platform.data.SharedCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shop's two caches: pages of user lists, and users by name. */
@Configuration(proxyBeanMethods = false)
class ShopCaches {

    static final String LISTS = "shop-lists";
    static final String USERS = "shop-users";

    @Bean
    SharedCache shopListCache(ShopProperties properties) {
        return new SharedCache(LISTS, properties.cacheTtl(), properties.cacheMaxEntries());
    }

    @Bean
    SharedCache shopUserCache(ShopProperties properties) {
        return new SharedCache(USERS, properties.cacheTtl(), properties.cacheMaxEntries());
    }
}
