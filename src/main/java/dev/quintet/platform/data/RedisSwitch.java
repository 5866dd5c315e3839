package dev.quintet.platform.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Redis is used only when {@code QUINTET_REDIS_URL} (or {@code quintet.redis-url}) names one. Then it becomes
 * {@code spring.data.redis.url}. Otherwise Spring Boot's Redis auto-configuration and its health indicator
 * are switched off, so the embedded mode needs nothing installed and {@code /health} does not wait for a
 * Redis nobody asked for.
 */
class RedisSwitch implements EnvironmentPostProcessor, Ordered {

    static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("quintet.redis-url", environment.getProperty("QUINTET_REDIS_URL", ""));
        Map<String, Object> settings = new LinkedHashMap<>();
        if (!url.isBlank()) {
            settings.put("spring.data.redis.url", url);
        } else {
            List<String> excluded = new ArrayList<>(Binder.get(environment)
                    .bind("spring.autoconfigure.exclude", String[].class).map(List::of).orElse(List.of()));
            excluded.addAll(REDIS_AUTO_CONFIGURATIONS);
            settings.put("spring.autoconfigure.exclude", String.join(",", excluded));
            settings.put("management.health.redis.enabled", "false");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("quintetRedisSwitch", settings));
    }

    @Override
    public int getOrder() {
        // after the configuration files are read, so an exclusion set there is kept
        return Ordered.LOWEST_PRECEDENCE;
    }
}
