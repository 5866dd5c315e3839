package dev.quintet.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API document names its server as "/" (wherever it was fetched from). Left alone, springdoc writes the
 * request's Host header into {@code servers}, so anyone could make the cached document point elsewhere
 * ({@code Host: evil.example}); with servers given here it keeps them.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiServers {

    @Bean
    OpenAPI quintetOpenApi() {
        return new OpenAPI().servers(List.of(new Server().url("/").description("this instance")));
    }
}
