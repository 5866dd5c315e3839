package dev.quintet.platform.data;

import dev.quintet.platform.QuintetProperties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL entry points every service gets: a {@link JdbcClient} over a schema that is already migrated. */
@Configuration(proxyBeanMethods = false)
class DataConfig {

    @Bean
    ServiceMigrations serviceMigrations(DataSource dataSource, QuintetProperties properties) {
        return new ServiceMigrations(dataSource, properties);
    }

    /** Taking the migrations as a parameter makes every repository wait for them. */
    @Bean
    JdbcClient jdbcClient(DataSource dataSource, ServiceMigrations migrations) {
        return JdbcClient.create(dataSource);
    }
}
