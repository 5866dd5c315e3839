package dev.quintet.shop;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The shop's paths with a collection name that cannot be one ({@code /api/users}, {@code /a.b/count}):
 * a clear 400 naming the problem. Router functions are asked only after every annotated controller, so a
 * path another service serves ({@code /imports/7/citizens}, ledger's {@code /get/...}) still reaches it.
 */
@Configuration(proxyBeanMethods = false)
class InvalidCollectionRoutes {

    @Bean
    RouterFunction<ServerResponse> invalidCollectionNames() {
        return RouterFunctions.route()
                .route(RequestPredicates.GET("/{collection}/count"), InvalidCollectionRoutes::refuse)
                .route(RequestPredicates.GET("/{collection}/users"), InvalidCollectionRoutes::refuse)
                .route(RequestPredicates.POST("/{collection}/users"), InvalidCollectionRoutes::refuse)
                .route(RequestPredicates.GET("/{collection}/users/{name}"), InvalidCollectionRoutes::refuse)
                .build();
    }

    private static ServerResponse refuse(ServerRequest request) {
        String name = request.pathVariable("collection");
        String problem = CollectionNames.problem(name);
        if (problem == null) {
            // only reachable for a valid name when a method does not fit, which MVC answers before us
            problem = "no such shop path: " + request.path();
        }
        return ServerResponse.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("detail", problem));
    }
}
