package dev.quintet.hotels;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quintet.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The hotels HTTP contract: searches, the analysis, selections and the selected hotels. */
@RestController
@Tag(name = "hotels", description = "Hotel search by scraping, selections through events")
class HotelsController {

    private final Searches searches;
    private final Selections selections;

    HotelsController(Searches searches, Selections selections) {
        this.searches = searches;
        this.selections = selections;
    }

    /** A search: which city, which listing page (from 1), which strategy. */
    record SearchRequest(
            @NotNull @Min(1) @JsonProperty("city_id") Integer cityId,
            @NotNull @Min(1) @Max(1000) Integer page,
            @NotNull String strategy) {
    }

    /** The same city and page for every strategy. */
    record AnalyzeRequest(
            @NotNull @Min(1) @JsonProperty("city_id") Integer cityId,
            @NotNull @Min(1) @Max(1000) Integer page) {
    }

    @PostMapping("/api/hotels/search")
    @Operation(summary = "Scrape a listing page of the city and every hotel on it, with the strategy given; "
            + "the hotels, the pages that failed, and the measured time of each step")
    HotelSearch search(@Valid @RequestBody SearchRequest request) {
        return searches.search(request.cityId(), request.page(), strategy(request.strategy()));
    }

    @PostMapping("/api/hotels/analyze")
    @Operation(summary = "Run every strategy against the same city and page, one after another, and return each measured search")
    Map<String, Object> analyze(@Valid @RequestBody AnalyzeRequest request) {
        List<HotelSearch> runs = searches.analyze(request.cityId(), request.page());
        return Map.of("city_id", request.cityId(), "page", request.page(), "runs", runs.stream()
                .map(r -> Map.of("strategy", r.strategy(), "hotels", r.hotels().size(), "failures", r.failures().size(),
                        "pages", r.pages(), "attempts", r.attempts(), "timings", r.timings(), "workers", r.workers()))
                .toList());
    }

    @PostMapping("/api/hotels/selections")
    @Operation(summary = "Publish a selection of hotels; they are stored by its consumer, idempotently by uid (202)")
    ResponseEntity<Map<String, Object>> select(@Valid @RequestBody Selection request) {
        selections.select(request.cityId(), request.hotels());
        return ResponseEntity.accepted().body(Map.of("accepted", request.hotels().size()));
    }

    @GetMapping("/api/hotels/selected")
    @Operation(summary = "A page of the selected hotels, filtered and sorted")
    PageOf<SelectedHotel> selected(
            @RequestParam(name = "city_id", required = false) Integer cityId,
            @RequestParam(required = false) @Parameter(description = "part of the name or description") String search,
            @RequestParam(name = "min_stars", required = false) Integer minStars,
            @RequestParam(name = "min_rating", required = false) Double minRating,
            @RequestParam(defaultValue = "-selected_at") @Parameter(description = "id, name, rating, reviews, stars, rank, "
                    + "city_id or selected_at; - in front for descending") String sort,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_PAGE_SIZE) int size) {
        return selections.selected(cityId, search, minStars, minRating, sort, page, size);
    }

    @GetMapping("/api/hotels/selected/{id}")
    SelectedHotel selectedHotel(@PathVariable long id) {
        return selections.selectedHotel(id).orElseThrow(() -> new UnknownSelectedHotel(id));
    }

    @PutMapping("/api/hotels/selected/{id}")
    @Operation(summary = "Replace a selected hotel's fields; 409 when the uid is another selected hotel's")
    SelectedHotel update(@PathVariable long id, @Valid @RequestBody Hotel hotel) {
        return selections.update(id, hotel);
    }

    @DeleteMapping("/api/hotels/selected/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!selections.delete(id)) {
            throw new UnknownSelectedHotel(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static Strategy strategy(String id) {
        try {
            return Strategy.of(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
