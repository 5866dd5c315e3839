package dev.quintet.hotels;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A stored selection: the hotel, its row id for {@code /api/hotels/selected/{id}}, and when it was selected. */
record SelectedHotel(
        long id,
        String uid,
        String name,
        String description,
        String url,
        double rating,
        int reviews,
        int rank,
        @JsonProperty("rank_total") int rankTotal,
        int stars,
        @JsonProperty("city_id") int cityId,
        @JsonProperty("selected_at") Instant selectedAt) {
}
