package dev.quintet.citizens;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One citizen's presents in a month: how many of their relatives were born in it. */
public record Presents(@JsonProperty("citizen_id") int citizenId, @JsonProperty("presents") int presents) {
}
