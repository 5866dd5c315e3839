package dev.quintet.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.CacheManager;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole shop contract again with the cache in a real Redis (QUINTET_TEST_REDIS_URL, which ./test
 * starts). Keys carry a prefix of their own per run, so parallel runs and other tests never collide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quintet.redis-url=${QUINTET_TEST_REDIS_URL:redis://127.0.0.1:6379}"})
@DirtiesContext
class ShopApiOnRedisTest extends ShopApiTest {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    CacheManager cacheManager;

    /** Chosen once: ${random.uuid} would be a new value at every read. */
    static final String prefix = "quintet-test-" + UUID.randomUUID() + ":";

    @DynamicPropertySource
    static void keyPrefix(DynamicPropertyRegistry registry) {
        registry.add("quintet.redis-prefix", () -> prefix);
    }

    @Override
    String expectedCacheStore() {
        return "redis";
    }

    @AfterEach
    void removeOurKeys() {
        Set<String> keys = redis.keys(prefix + "*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
    }

    @Test
    void listsAndUsersLiveInRedisUnderThePrefixAndAWriteEvictsThem() {
        String c = collection();
        http.post("/" + c + "/users", "{\"age\": 5, \"name\": \"Rita\"}");
        http.get("/" + c + "/users");
        http.get("/" + c + "/users/Rita");
        assertThat(redis.keys(prefix + "shop-lists::" + c + "/*")).hasSize(1);
        assertThat(redis.keys(prefix + "shop-users::" + c + "/Rita")).hasSize(1);
        Long ttl = redis.getExpire(prefix + "shop-users::" + c + "/Rita");
        assertThat(ttl).isBetween(1L, 60L);

        http.post("/" + c + "/users", "{\"age\": 6, \"name\": \"Rita\"}");
        assertThat(redis.keys(prefix + "shop-lists::" + c + "/*")).isEmpty();
        assertThat(redis.keys(prefix + "shop-users::" + c + "/Rita")).isEmpty();
        assertThat(http.get("/" + c + "/users").json().get("users").size()).isEqualTo(2);
    }

    @Test
    void anEntryAnotherInstancePutInRedisIsServedAsIs() {
        String c = collection();
        http.post("/" + c + "/users", "{\"age\": 5, \"name\": \"Ola\"}");
        // what another instance would have cached for this page: this instance must serve it, not read the DB
        cacheManager.getCache(ShopCaches.LISTS).put(c + "/0/7", List.of(new User("1", 99, "cached elsewhere")));
        assertThat(redis.hasKey(prefix + "shop-lists::" + c + "/0/7")).isTrue();
        assertThat(http.get("/" + c + "/users?limit=7").json().get("users").get(0).get("name").asString())
                .isEqualTo("cached elsewhere");
    }
}
