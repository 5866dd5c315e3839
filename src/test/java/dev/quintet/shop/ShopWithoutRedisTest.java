package dev.quintet.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** Without QUINTET_REDIS_URL nothing of Redis is configured: no connection, no health indicator. */
@SpringBootTest
class ShopWithoutRedisTest {

    @Autowired
    ApplicationContext context;

    @Test
    void noRedisBeansAndTheCachesAreEmbedded() {
        assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
        assertThat(context.containsBean("redisHealthContributor")).isFalse();
        assertThat(context.getBean(Shop.class).cacheStats()).allSatisfy(s -> assertThat(s.store()).isEqualTo("caffeine"));
    }
}
