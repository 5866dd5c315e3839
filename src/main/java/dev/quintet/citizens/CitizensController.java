package dev.quintet.citizens;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quintet.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The task's HTTP contract: its paths, bodies wrapped in {@code {"data": ...}}, and 201/200/400/404. */
@RestController
@Tag(name = "citizens", description = "Imports of citizens, birthdays and age percentiles (the backend-school task)")
class CitizensController {

    private final Citizens citizens;

    CitizensController(Citizens citizens) {
        this.citizens = citizens;
    }

    /** Every success body of the task is this envelope. */
    record Data<T>(T data) {
    }

    record ImportRequest(List<Citizen> citizens) {
    }

    record ImportCreated(@JsonProperty("import_id") long importId) {
    }

    @PostMapping("/imports")
    @Operation(summary = "Store an import of citizens; 400 naming the field and the citizen when anything is invalid")
    ResponseEntity<Data<ImportCreated>> create(@RequestBody ImportRequest request) {
        long id = citizens.importCitizens(request.citizens());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Data<>(new ImportCreated(id)));
    }

    @GetMapping("/imports")
    @Operation(summary = "Every import: its id, when it was made and how many citizens it holds")
    Data<List<ImportSummary>> list() {
        return new Data<>(citizens.imports());
    }

    @DeleteMapping("/imports/{importId}")
    @Operation(summary = "Delete an import with its citizens; 404 when there is none")
    ResponseEntity<Void> delete(@PathVariable String importId) {
        long id = importId(importId);
        if (!citizens.delete(id)) {
            throw new UnknownImport(id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/imports/{importId}/citizens")
    @Operation(summary = "The citizens of an import, in citizen_id order")
    Data<List<Citizen>> citizens(@PathVariable String importId) {
        return new Data<>(citizens.citizens(importId(importId)));
    }

    @PatchMapping("/imports/{importId}/citizens/{citizenId}")
    @Operation(summary = "Change some fields of a citizen (not citizen_id); relatives change on both sides")
    Data<Citizen> patch(@PathVariable String importId, @PathVariable String citizenId, @RequestBody JsonNode body) {
        long id = importId(importId);
        int citizen;
        try {
            citizen = Integer.parseInt(citizenId);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("import " + id + " has no citizen '" + citizenId + "'");
        }
        return new Data<>(citizens.patch(id, citizen, body));
    }

    @GetMapping("/imports/{importId}/citizens/birthdays")
    @Operation(summary = "Per month 1..12: each citizen with the number of relatives born in that month")
    Data<Map<String, List<Presents>>> birthdays(@PathVariable String importId) {
        return new Data<>(citizens.birthdays(importId(importId)));
    }

    @GetMapping("/imports/{importId}/towns/stat/percentile/age")
    @Operation(summary = "Per town: the 50th, 75th and 99th percentile of the ages, linear interpolation, 2 decimals")
    Data<List<TownPercentiles>> percentiles(@PathVariable String importId) {
        return new Data<>(citizens.agePercentiles(importId(importId)));
    }

    /** An id that is no number names no import: 404, like any id nobody has. */
    private static long importId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no import '" + text + "'");
        }
    }
}
