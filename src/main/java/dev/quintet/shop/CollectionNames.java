package dev.quintet.shop;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What may name a collection. The shop's paths start with the collection name, so a name must be a plain
 * path segment (letters, digits, {@code _} and {@code -}, 1..64 characters) and must not be the first
 * segment of any other path Quintet serves: {@code /api/...} belongs to cars and hotels, {@code /imports}
 * to citizens, {@code /get}, {@code /update} ... to ledger, and the rest to the console, docs and operations.
 * Names with a dot ({@code openapi.json}, {@code favicon.ico}) are impossible anyway.
 * <p>
 * The list is written here, not read from the handler mappings at startup, because the shop's path pattern
 * must be a constant in its annotations; {@code CollectionNamesTest} fails when it and the routes Spring maps
 * differ. It holds every service's segments whichever run: a collection made while the ledger is off must
 * not be hidden by {@code /get} once the ledger is on.
 */
final class CollectionNames {

    /** Every first path segment Quintet maps besides the shop (case as the paths have it). */
    static final String RESERVED_ALTERNATION = "api|docs|console|health|metrics|info|error|webjars|swagger-ui"
            + "|imports|update|get|remove|dump|getHistory|records|sandbox";

    /** The path-variable pattern of the shop's mappings: a valid name that is not reserved. */
    static final String PATH_VARIABLE =
            "{collection_name:(?!(?:" + RESERVED_ALTERNATION + ")$)[A-Za-z0-9_-]{1,64}}";

    static final Set<String> RESERVED =
            Arrays.stream(RESERVED_ALTERNATION.split("\\|")).collect(Collectors.toUnmodifiableSet());

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private CollectionNames() {
    }

    /** Why {@code name} cannot name a collection, if it cannot. */
    static Optional<String> problem(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            return Optional.of("collection name must be 1..64 letters, digits, '_' or '-', got '" + name + "'");
        }
        if (RESERVED.contains(name)) {
            return Optional.of("'" + name + "' cannot name a collection: Quintet uses /" + name
                    + " for something else");
        }
        return Optional.empty();
    }
}
