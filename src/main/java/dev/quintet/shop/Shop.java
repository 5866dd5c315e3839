package dev.quintet.shop;

import dev.quintet.platform.data.CacheReport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * The shop service's public face, used by its controller, its CLI and the console.
 * <p>
 * Lists and single users are read through two caches ({@link ShopCaches}): in Redis when one is configured,
 * shared by every instance, else embedded. A write evicts what it could have changed before it returns, so a
 * user just posted is in the next list, unlike the original, which served a list up to 60 s old. Misses are
 * not cached, so a user added through another instance is found at once. What a cache cannot promise across
 * instances without Redis (another instance's embedded list) the TTL bounds.
 */
@Service
public class Shop {

    /** The original listed the first 1000 documents; that stays the default and the largest page. */
    public static final int MAX_PAGE = 1000;

    private final UserRepository repository;
    private final CacheReport caches;
    private final CacheManager cacheManager;

    Shop(UserRepository repository, CacheReport caches, CacheManager cacheManager) {
        this.repository = repository;
        this.caches = caches;
        this.cacheManager = cacheManager;
    }

    /** Up to {@code limit} users whose id is greater than {@code after}, in id (insertion) order. */
    @Cacheable(cacheNames = ShopCaches.LISTS, key = "#collection + '/' + #after + '/' + #limit")
    public List<User> users(String collection, long after, int limit) {
        return List.copyOf(repository.page(collection, after, Math.min(limit, MAX_PAGE)));
    }

    /** The oldest user of that name in the collection. */
    @Cacheable(cacheNames = ShopCaches.USERS, key = "#collection + '/' + #name", unless = "#result == null")
    public Optional<User> user(String collection, String name) {
        return repository.findByName(collection, name);
    }

    /** Stores a user; lists are evicted (any page may now end differently), and the user's name. */
    public User add(String collection, NewUser user) {
        User stored = repository.insert(collection, user);
        // invalidate and evictIfPresent, not @CacheEvict's clear and evict, which a cache may carry out later:
        // the next read must not find the old list
        cache(ShopCaches.LISTS).invalidate();
        cache(ShopCaches.USERS).evictIfPresent(collection + "/" + user.name());
        return stored;
    }

    /** Stores many users at once (the CLI's fake), evicting like {@link #add}. */
    public void addAll(String collection, List<NewUser> users) {
        repository.insertAll(collection, users);
        cache(ShopCaches.LISTS).invalidate();
        cache(ShopCaches.USERS).invalidate();
    }

    private Cache cache(String name) {
        return Objects.requireNonNull(cacheManager.getCache(name), name);
    }

    public long count(String collection) {
        return repository.count(collection);
    }

    /** Every collection and its number of users, by name. */
    public Map<String, Long> collections() {
        return repository.counts();
    }

    /** Hits and misses of the list cache and the single-user cache. */
    public List<CacheReport.Stats> cacheStats() {
        return List.of(caches.stats(ShopCaches.LISTS), caches.stats(ShopCaches.USERS));
    }

    /**
     * Why {@code name} cannot name a collection, or null when it can: the console's shop page reads it so,
     * and moves to {@link CollectionNames#problem}'s Optional when that page next changes.
     */
    public static String collectionNameProblem(String name) {
        return CollectionNames.problem(name).orElse(null);
    }
}
