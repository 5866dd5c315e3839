package dev.quintet.hotels;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Countries and cities: the places a hotel search can be made for. */
@RestController
@Tag(name = "geo", description = "Countries and cities (hotels service)")
class GeoController {

    private final Geo geo;

    GeoController(Geo geo) {
        this.geo = geo;
    }

    @GetMapping("/api/geo/countries")
    @Operation(summary = "Every ISO 3166-1 country, by name")
    List<Country> countries() {
        return geo.countries();
    }

    @GetMapping("/api/geo/cities")
    @Operation(summary = "A page of cities, filtered by name and country, sorted")
    PageOf<City> cities(
            @RequestParam(defaultValue = "") @Size(max = 100) @Parameter(description = "part of the name, any case") String search,
            @RequestParam(defaultValue = "") @Pattern(regexp = "\\s*([A-Za-z]{2})?\\s*", message = "must be an ISO 3166-1 alpha-2 code such as FR")
            @Parameter(description = "ISO 3166-1 alpha-2 code") String country,
            @RequestParam(defaultValue = "name") @Parameter(description = "id, name, country, population, lat or lon; -name for descending") String sort,
            @RequestParam(defaultValue = "1") @Min(1) @Parameter(description = "1 or more") int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_PAGE_SIZE) @Parameter(description = "1..500") int size) {
        return geo.cities(search, country, sort, page, size);
    }
}
