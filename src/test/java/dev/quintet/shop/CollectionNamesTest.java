package dev.quintet.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The reserved collection names are written by hand, because the shop's path pattern must be a constant in
 * its annotations; this test keeps that list equal to what Spring actually maps with every service running,
 * so a new endpoint can neither be shadowed by a collection nor go unreserved, and no stale name stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CollectionNamesTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theReservedNamesAreTheFirstSegmentsOfEveryOtherRoute() throws IOException {
        Set<String> segments = new TreeSet<>();
        for (HandlerMapping mapping : context.getBeansOfType(HandlerMapping.class).values()) {
            // annotated controllers, springdoc and the actuator endpoints; the shop's own mappings aside
            if (mapping instanceof RequestMappingInfoHandlerMapping methods) {
                methods.getHandlerMethods().forEach((info, method) -> {
                    if (method.getBeanType() != ShopController.class) {
                        info.getPatternValues().forEach(pattern -> addFirstSegment(segments, pattern));
                    }
                });
            }
            // resource handlers (webjars, swagger-ui) and the welcome page
            if (mapping instanceof AbstractUrlHandlerMapping urls) {
                urls.getHandlerMap().keySet().forEach(pattern -> addFirstSegment(segments, pattern));
            }
        }
        // the static resources behind /**: each top-level file or folder is a first segment too
        for (Resource resource : context.getResources("classpath:/static/*")) {
            addFirstSegment(segments, "/" + resource.getFilename());
        }

        assertThat(segments).as("first path segments mapped besides the shop").hasSizeGreaterThanOrEqualTo(10);
        assertThat(CollectionNames.RESERVED).containsExactlyInAnyOrderElementsOf(segments);
    }

    @Test
    void everyReservedNameIsRefusedAndOrdinaryNamesAreNot() {
        for (String name : CollectionNames.RESERVED) {
            assertThat(CollectionNames.problem(name)).as(name)
                    .hasValueSatisfying(problem -> assertThat(problem).contains("cannot name a collection"));
        }
        assertThat(CollectionNames.problem("users-2026")).isEmpty();
    }

    /** The literal first segment of a pattern; none for {@code /}, variables and wildcards, or names with a dot. */
    private static void addFirstSegment(Set<String> segments, String pattern) {
        String path = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        // a dot (openapi.json, favicon.ico) is never valid in a collection name, so it needs no reserving
        if (!first.isEmpty() && !first.contains("{") && !first.contains("*") && !first.contains(".")) {
            segments.add(first);
        }
    }
}
