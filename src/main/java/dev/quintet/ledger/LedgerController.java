package dev.quintet.ledger;

import dev.quintet.platform.web.ApiException;
import dev.quintet.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The original's five paths with its bodies, plus {@code DELETE /records/{name}}, the node list and
 * reconciliation under {@code /api/ledger}.
 */
@RestController
@Tag(name = "ledger", description = "Versioned records replicated to Redis nodes through a durable log")
class LedgerController {

    private final Ledger ledger;
    private final JsonMapper json;
    private final Validator validator;

    LedgerController(Ledger ledger, JsonMapper json, Validator validator) {
        this.ledger = ledger;
        this.json = json;
        this.validator = validator;
    }

    /** The original's update body. */
    record Update(@NotNull @Size(min = 1, max = 255) String name,
                  @NotNull @Size(max = 1000) String author,
                  @NotNull @Parameter(description = "YYYYMMDDhhmmss") Long timestamp) {
    }

    @PostMapping("/update")
    @Operation(summary = "Store a version; answered once it is committed to the log. A version with the "
            + "timestamp of a stored one replaces it; 409 when the name was removed with versions as new")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Update.class)))
    Map<String, Version> update(HttpServletRequest request) throws IOException {
        // the seed's curl line sends JSON without a Content-Type (curl then says form-urlencoded), and it
        // must work unchanged: the raw body is read as JSON whatever the header says, as the original did
        // (Spring's @RequestBody would re-encode a "form" body from its parameters)
        Update update = parse(request.getInputStream().readAllBytes());
        String problem = Ledger.checkTimestamp(update.timestamp());
        if (problem != null) {
            throw ApiException.badRequest(problem);
        }
        try {
            return Map.of(update.name(), ledger.update(update.name(), update.author(), update.timestamp()));
        } catch (Ledger.Removed e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    @GetMapping("/get")
    @Operation(summary = "The newest version of a name by timestamp; 404 when it has none")
    Version get(@RequestParam String name) {
        return ledger.latest(name).orElseThrow(() -> notFound(name));
    }

    @GetMapping("/getHistory")
    @Operation(summary = "Every version of a name, newest first; 404 when it has none")
    List<Version> history(@RequestParam String name) {
        List<Version> versions = ledger.history(name);
        if (versions.isEmpty()) {
            throw notFound(name);
        }
        return versions.reversed();
    }

    @GetMapping("/remove")
    @Operation(summary = "Remove every version of a name (the original's path); success also when it had none")
    Map<String, Boolean> remove(@RequestParam String name) {
        ledger.remove(name);
        return Map.of("success", true);
    }

    @DeleteMapping("/records/{name}")
    @Operation(summary = "Remove every version of a name; success also when it had none")
    Map<String, Boolean> delete(@PathVariable String name) {
        ledger.remove(name);
        return Map.of("success", true);
    }

    @GetMapping("/dump")
    @Operation(summary = "Every name with its versions, oldest first")
    Map<String, List<Version>> dump() {
        return ledger.dump();
    }

    @GetMapping("/api/ledger/nodes")
    @Operation(summary = "The nodes: address, state, last applied position, lag behind the log's head")
    Ledger.Status nodes() {
        return ledger.status();
    }

    /** A node to add. */
    record NewNode(@NotNull @Parameter(description = "redis://host:port") String url) {
    }

    @PostMapping("/api/ledger/nodes")
    @Operation(summary = "Add a Redis node: it gets a full copy, then follows the log; 409 when known or when the "
            + "ledger has QUINTET_LEDGER_MAX_NODES nodes; 400 when its host is not in QUINTET_LEDGER_ALLOWED_HOSTS")
    ResponseEntity<Map<String, String>> addNode(@Valid @RequestBody NewNode node) {
        String url = normalise(node.url());
        String shown = RedisNode.shown(url);
        try {
            if (!ledger.addNode(url)) {
                throw ApiException.conflict("node " + shown + " is known already");
            }
        } catch (Ledger.NodeRefused e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (Ledger.TooManyNodes e) {
            // 409, not 400: the request is well-formed and succeeds once a node is removed
            throw ApiException.conflict(e.getMessage());
        }
        return ResponseEntity.created(URI.create("/api/ledger/nodes")).body(Map.of("url", shown));
    }

    @DeleteMapping("/api/ledger/nodes")
    @Operation(summary = "Stop delivering to a node added through the API (its data stays on it)")
    Map<String, String> removeNode(@RequestParam String url) {
        String normal = normalise(url);
        String shown = RedisNode.shown(normal);
        return switch (ledger.removeNode(normal)) {
            case REMOVED -> Map.of("url", shown, "removed", "true");
            case UNKNOWN -> throw ApiException.notFound("no node " + shown + " was added through the API");
            case CONFIGURED -> throw ApiException.conflict("node " + shown
                    + " comes from QUINTET_LEDGER_NODES (or the nodes file); remove it there");
        };
    }

    @PostMapping("/api/ledger/reconcile")
    @Operation(summary = "Compare every node with the log; repair differences unless repair=false")
    Map<String, List<Ledger.Reconciliation>> reconcile(@RequestParam(defaultValue = "true") boolean repair) {
        return Map.of("nodes", ledger.reconcile(repair));
    }

    private Update parse(byte[] body) {
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (JacksonException e) {
            throw ApiException.badRequest("the body must be a JSON object {\"name\", \"author\", \"timestamp\"}: "
                    + Problems.unreadable(e));
        }
        if (update == null) {
            throw ApiException.badRequest("the body must be a JSON object {\"name\", \"author\", \"timestamp\"}");
        }
        String problems = validator.validate(update).stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; "));
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems);
        }
        return update;
    }

    private static String normalise(String url) {
        try {
            return RedisNode.normalise(url);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static ApiException notFound(String name) {
        return ApiException.notFound("no record named '" + name + "'");
    }
}
