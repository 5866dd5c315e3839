package dev.quintet.citizens;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A citizen as the task's JSON has it, field for field. Every field is boxed so that a missing field
 * or a null reaches {@link CitizenRules}, which refuses it naming the field and the citizen; types are
 * enforced by the strict JSON reader (a string "1", 1.5, true where an integer is due are 400s).
 * {@code birthDate} stays text ({@code DD.MM.YYYY}) because that is the format on the wire both ways.
 */
@JsonPropertyOrder({"citizen_id", "town", "street", "building", "apartment", "name", "birth_date", "gender", "relatives"})
record Citizen(
        @JsonProperty("citizen_id") Integer citizenId,
        @JsonProperty("town") String town,
        @JsonProperty("street") String street,
        @JsonProperty("building") String building,
        @JsonProperty("apartment") Integer apartment,
        @JsonProperty("name") String name,
        @JsonProperty("birth_date") String birthDate,
        @JsonProperty("gender") String gender,
        @JsonProperty("relatives") List<Integer> relatives) {

    Citizen withRelatives(List<Integer> list) {
        return new Citizen(citizenId, town, street, building, apartment, name, birthDate, gender, list);
    }
}
