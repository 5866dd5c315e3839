package dev.quintet.hotels;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a search found: the hotels of one listing page, the pages that failed even after retries, and
 * the measured time of each step.
 *
 * @param pages    pages requested: the listing and each hotel page
 * @param attempts HTTP requests made, retries included
 * @param workers  for each instance, how many hotel pages it fetched
 */
record HotelSearch(
        @JsonProperty("city_id") int cityId,
        int page,
        Strategy strategy,
        List<Hotel> hotels,
        List<PageFailure> failures,
        Timings timings,
        int pages,
        int attempts,
        Map<String, Integer> workers) {

    /** A page that could not be read: its URL, how often it was tried, and the last error. */
    public record PageFailure(String url, int attempts, String error) {
    }

    /**
     * Measured wall-clock times: reading the listing page, reading every hotel page, the whole search;
     * and the pages read per second over the whole search.
     */
    public record Timings(
            @JsonProperty("listing_ms") double listingMs,
            @JsonProperty("hotels_ms") double hotelsMs,
            @JsonProperty("total_ms") double totalMs,
            @JsonProperty("pages_per_second") double pagesPerSecond) {
    }
}
