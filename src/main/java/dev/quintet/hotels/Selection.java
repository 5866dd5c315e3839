package dev.quintet.hotels;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A selection as {@code POST /api/hotels/selections} takes it. Its rules are checked where it comes in, by
 * the controller, and again by {@link Selections#select} for callers that are not (the console): whatever is
 * published must be storable, or its listener would fail and the outbox retry it for ever.
 */
record Selection(
        @NotNull @Min(1) @JsonProperty("city_id") Integer cityId,
        @NotNull @Size(min = 1, max = Selection.MAX_HOTELS) @DistinctUids List<@NotNull @Valid Hotel> hotels) {

    /** The most hotels one selection carries (a listing page has 30). */
    static final int MAX_HOTELS = 1000;
}
