package dev.quintet.citizens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The fields a PATCH sets; null means "not in the body". Read from the JSON tree by hand rather than bound
 * to a record, because the contract tells an absent field (keep it) from a null one (refuse it), and a
 * body that names {@code citizen_id} or nothing at all from a body that sets something.
 */
record CitizenPatch(String town, String street, String building, Integer apartment, String name,
                    LocalDate birthDate, String gender, List<Integer> relatives) {

    static CitizenPatch parse(JsonNode body, int citizenId, LocalDate today) {
        if (body == null || !body.isObject()) {
            throw new InvalidCitizen("body", citizenId, "must be a JSON object of the fields to change");
        }
        if (body.isEmpty()) {
            throw new InvalidCitizen("body", citizenId, "must set at least one field");
        }
        String town = null, street = null, building = null, name = null, gender = null;
        Integer apartment = null;
        LocalDate birthDate = null;
        List<Integer> relatives = null;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                throw new InvalidCitizen(key, citizenId, "must not be null");
            }
            switch (key) {
                case "citizen_id" -> throw new InvalidCitizen(key, citizenId, "cannot be changed");
                case "town" -> CitizenRules.checkPlace(key, town = text(key, value, citizenId), citizenId);
                case "street" -> CitizenRules.checkPlace(key, street = text(key, value, citizenId), citizenId);
                case "building" -> CitizenRules.checkPlace(key, building = text(key, value, citizenId), citizenId);
                case "apartment" -> CitizenRules.checkApartment(key, apartment = integer(key, value, citizenId), citizenId);
                case "name" -> CitizenRules.checkName(key, name = text(key, value, citizenId), citizenId);
                case "birth_date" -> birthDate = CitizenRules.birthDate(key, text(key, value, citizenId), citizenId, today);
                case "gender" -> CitizenRules.checkGender(key, gender = text(key, value, citizenId), citizenId);
                case "relatives" -> {
                    if (!value.isArray()) {
                        throw new InvalidCitizen(key, citizenId, "must be an array of citizen_ids");
                    }
                    relatives = new ArrayList<>(value.size());
                    for (int i = 0; i < value.size(); i++) {
                        relatives.add(integer(key + "[" + i + "]", value.get(i), citizenId));
                    }
                    CitizenRules.checkRelatives(key, relatives, citizenId);
                }
                default -> throw new InvalidCitizen(key, citizenId, "is not a field of a citizen");
            }
        }
        return new CitizenPatch(town, street, building, apartment, name, birthDate, gender, relatives);
    }

    private static String text(String field, JsonNode value, int citizenId) {
        if (!value.isString()) {
            throw new InvalidCitizen(field, citizenId, "must be a string");
        }
        return value.stringValue();
    }

    /** Only a JSON integer that fits 32 bits: not "1", not 1.0, not true. */
    private static Integer integer(String field, JsonNode value, int citizenId) {
        if (value.isNull()) {
            throw new InvalidCitizen(field, citizenId, "must be an integer, not null");
        }
        if (!value.isIntegralNumber()) {
            throw new InvalidCitizen(field, citizenId, "must be an integer");
        }
        if (!value.canConvertToInt()) {
            throw new InvalidCitizen(field, citizenId, "is out of range: " + value);
        }
        return value.intValue();
    }
}
