package dev.quintet.citizens;

/**
 * A refusal of citizen data that names what is wrong: the field (a JSON path such as
 * {@code citizens[3].birth_date}) and the citizen ({@code citizen_id}, null when that is what is missing).
 * {@link CitizensErrors} answers it as a 400.
 */
class InvalidCitizen extends RuntimeException {

    private final String field;
    private final Integer citizenId;

    InvalidCitizen(String field, Integer citizenId, String problem) {
        super((citizenId == null ? "" : "citizen " + citizenId + ": ") + field + " " + problem);
        this.field = field;
        this.citizenId = citizenId;
    }

    String field() {
        return field;
    }

    Integer citizenId() {
        return citizenId;
    }
}
