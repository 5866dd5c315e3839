package dev.quintet.shop;

import dev.quintet.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original shop's HTTP contract: paths, status codes and bodies. The collection-name pattern leaves
 * out the other services' first path segments, so these mappings never take their requests; a reserved or
 * malformed name that reaches no other handler is refused by {@link InvalidCollectionNames}.
 */
@RestController
@Tag(name = "shop", description = "Users in collections, cached, with a topology report")
class ShopController {

    private static final String COLLECTION = "/" + CollectionNames.PATH_VARIABLE;

    private final Shop shop;
    private final ShopTopology topology;

    ShopController(Shop shop, ShopTopology topology) {
        this.shop = shop;
        this.topology = topology;
    }

    /**
     * No {@code produces}: a browser's Accept puts text/html first and the console's mapping for text/html
     * wins; {@code *}/{@code *} (curl), application/json or no Accept at all come here.
     */
    @GetMapping("/")
    @Operation(summary = "The topology report: the database's nodes, the collections and their counts, the cache")
    Map<String, Object> topology() {
        return topology.report();
    }

    @GetMapping(COLLECTION + "/count")
    @Operation(summary = "How many users the collection holds (0 for a collection never written)")
    Map<String, Object> count(@PathVariable("collection_name") String collection) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "OK");
        body.put("mongo_db", topology.databaseName());
        body.put("items_count", shop.count(collection));
        return body;
    }

    @GetMapping(COLLECTION + "/users")
    @Operation(summary = "Users in id order: the first 1000 by default, or a page after an id (cached)")
    Map<String, List<User>> users(@PathVariable("collection_name") String collection,
                                  @RequestParam(defaultValue = "" + Shop.MAX_PAGE)
                                  @Min(1) @Max(Shop.MAX_PAGE) @Parameter(description = "1..1000") int limit,
                                  @RequestParam(defaultValue = "0") @Min(0)
                                  @Parameter(description = "list users whose id is greater than this") long after) {
        return Map.of("users", shop.users(collection, after, limit));
    }

    @GetMapping(COLLECTION + "/users/{name}")
    @Operation(summary = "The (oldest) user of that name; 404 {\"detail\": \"User <name> not found\"}")
    User user(@PathVariable("collection_name") String collection, @PathVariable String name) {
        return shop.user(collection, name).orElseThrow(() -> ApiException.notFound("User " + name + " not found"));
    }

    @PostMapping(COLLECTION + "/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a user {\"age\": int, \"name\": str}; 201 the user with its id")
    User add(@PathVariable("collection_name") String collection, @Valid @RequestBody NewUser user) {
        return shop.add(collection, user);
    }
}
