package dev.quintet.shop;

import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Stands for another service's controllers, whose paths the shop's patterns must not take. */
@TestConfiguration
@RestController
class OtherServicePaths {
    @GetMapping("/get/{key}")
    Map<String, String> ledgerGet(@PathVariable String key) {
        return Map.of("ledger", key);
    }

    @GetMapping("/imports/{id}/users")
    Map<String, String> importUsers(@PathVariable String id) {
        return Map.of("imports", id);
    }

    @GetMapping("/api/{thing}/users/{name}")
    Map<String, String> apiUser(@PathVariable String thing, @PathVariable String name) {
        return Map.of("api", thing + "/" + name);
    }
}
