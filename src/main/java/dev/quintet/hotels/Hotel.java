package dev.quintet.hotels;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A hotel as the original stored it, with its fields: {@code uid} is the travel site's own id, unique;
 * {@code rank} of {@code rank_total} is its place among the city's hotels. The constraints are what
 * {@code hotels_selected} holds (its column sizes count characters, at most what {@code @Size} counts), so a
 * hotel that passes them can be stored.
 */
@RankWithinTotal
public record Hotel(
        @NotNull @Size(min = 1, max = 64) String uid,
        @NotNull @Size(min = 1, max = 255) String name,
        @NotNull @Size(max = 4000) String description,
        @NotNull @Size(min = 1, max = 1000) @HttpUrl String url,
        @NotNull @DecimalMin("0") @DecimalMax("5") Double rating,
        @NotNull @Min(0) Integer reviews,
        @NotNull @Min(1) Integer rank,
        @NotNull @Min(1) @JsonProperty("rank_total") Integer rankTotal,
        @NotNull @Min(0) @Max(5) Integer stars,
        @NotNull @Min(1) @JsonProperty("city_id") Integer cityId) {
}
