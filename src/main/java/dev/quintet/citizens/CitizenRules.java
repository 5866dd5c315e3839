package dev.quintet.citizens;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The task's rules for a citizen, each checked at its bound, in the task's words rather than the admired
 * solution's looser ones. Every refusal is an {@link InvalidCitizen} naming the field and the citizen.
 */
final class CitizenRules {

    static final int MAX_TEXT = 256;
    static final Set<String> GENDERS = Set.of("male", "female");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    /** Two ASCII digits, two, four: 1.1.2000 and 2000-01-01 are not the task's format. */
    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}");

    private CitizenRules() {
    }

    /** Checks a whole import; on success the citizens are safe to store as they are. */
    static void checkImport(List<Citizen> citizens, LocalDate today) {
        Map<Integer, Citizen> byId = HashMap.newHashMap(citizens.size());
        for (int i = 0; i < citizens.size(); i++) {
            Citizen c = citizens.get(i);
            String at = "citizens[" + i + "]";
            if (c == null) {
                throw new InvalidCitizen(at, null, "must be an object, not null");
            }
            if (c.citizenId() == null) {
                throw new InvalidCitizen(at + ".citizen_id", null, "is missing or null");
            }
            checkId(at + ".citizen_id", c.citizenId(), c.citizenId());
            checkFields(at, c, today);
            if (byId.putIfAbsent(c.citizenId(), c) != null) {
                throw new InvalidCitizen(at + ".citizen_id", c.citizenId(), "appears twice in the import");
            }
        }
        // every link as one long (citizen << 32 | relative), sorted: the way back is a binary search, so a
        // dense graph costs n log n, not the product of two list lengths
        long[] links = new long[citizens.stream().mapToInt(c -> c.relatives().size()).sum()];
        int n = 0;
        for (Citizen c : citizens) {
            for (Integer relative : c.relatives()) {
                links[n++] = link(c.citizenId(), relative);
            }
        }
        Arrays.sort(links);
        for (int i = 0; i < citizens.size(); i++) {
            Citizen c = citizens.get(i);
            for (Integer relative : c.relatives()) {
                if (!byId.containsKey(relative)) {
                    throw new InvalidCitizen("citizens[" + i + "].relatives", c.citizenId(),
                            "names " + relative + ", who is not in the import");
                }
                if (Arrays.binarySearch(links, link(relative, c.citizenId())) < 0) {
                    throw new InvalidCitizen("citizens[" + i + "].relatives", c.citizenId(),
                            "names " + relative + ", whose relatives do not name " + c.citizenId() + " back");
                }
            }
        }
    }

    private static long link(int citizen, int relative) {
        return ((long) citizen << 32) | relative;
    }

    private static void checkFields(String at, Citizen c, LocalDate today) {
        Integer id = c.citizenId();
        checkPlace(at + ".town", c.town(), id);
        checkPlace(at + ".street", c.street(), id);
        checkPlace(at + ".building", c.building(), id);
        checkApartment(at + ".apartment", c.apartment(), id);
        checkName(at + ".name", c.name(), id);
        birthDate(at + ".birth_date", c.birthDate(), id, today);
        checkGender(at + ".gender", c.gender(), id);
        checkRelatives(at + ".relatives", c.relatives(), id);
    }

    static void checkId(String field, Integer value, Integer citizen) {
        if (value == null) {
            throw new InvalidCitizen(field, citizen, "is missing or null");
        }
        if (value < 0) {
            throw new InvalidCitizen(field, citizen, "must be an integer >= 0, got " + value);
        }
    }

    /** town, street, building: 1..256 characters, at least one of them a letter or a digit (any script). */
    static void checkPlace(String field, String value, Integer citizen) {
        checkLength(field, value, citizen);
        if (value.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new InvalidCitizen(field, citizen, "must contain at least one letter or digit");
        }
    }

    static void checkName(String field, String value, Integer citizen) {
        checkLength(field, value, citizen);
    }

    private static void checkLength(String field, String value, Integer citizen) {
        if (value == null) {
            throw new InvalidCitizen(field, citizen, "is missing or null");
        }
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_TEXT) {
            throw new InvalidCitizen(field, citizen, "must have 1.." + MAX_TEXT + " characters, has " + length);
        }
    }

    static void checkApartment(String field, Integer value, Integer citizen) {
        if (value == null) {
            throw new InvalidCitizen(field, citizen, "is missing or null");
        }
        if (value < 0) {
            throw new InvalidCitizen(field, citizen, "must be an integer >= 0, got " + value);
        }
    }

    /** A real date in {@code DD.MM.YYYY}, earlier than today's UTC date. */
    static LocalDate birthDate(String field, String value, Integer citizen, LocalDate today) {
        if (value == null) {
            throw new InvalidCitizen(field, citizen, "is missing or null");
        }
        if (!DATE_SHAPE.matcher(value).matches()) {
            throw new InvalidCitizen(field, citizen, "must be a date as DD.MM.YYYY, got '" + value + "'");
        }
        LocalDate date;
        try {
            int day = Integer.parseInt(value, 0, 2, 10);
            int month = Integer.parseInt(value, 3, 5, 10);
            int year = Integer.parseInt(value, 6, 10, 10);
            if (year < 1) {
                throw new DateTimeException("there was no year 0");
            }
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new InvalidCitizen(field, citizen, "is not a real date: '" + value + "'");
        }
        if (!date.isBefore(today)) {
            throw new InvalidCitizen(field, citizen, "must be earlier than today (" + today.format(DATE)
                    + ", UTC), got '" + value + "'");
        }
        return date;
    }

    static void checkGender(String field, String value, Integer citizen) {
        if (value == null) {
            throw new InvalidCitizen(field, citizen, "is missing or null");
        }
        if (!GENDERS.contains(value)) {
            throw new InvalidCitizen(field, citizen, "must be 'male' or 'female', got '" + value + "'");
        }
    }

    /** Distinct non-negative ids, never the citizen's own; whether they exist is the caller's check. */
    static void checkRelatives(String field, List<Integer> value, Integer citizen) {
        if (value == null) {
            throw new InvalidCitizen(field, citizen, "is missing or null");
        }
        Set<Integer> seen = HashSet.newHashSet(value.size());
        for (int i = 0; i < value.size(); i++) {
            Integer relative = value.get(i);
            if (relative == null) {
                throw new InvalidCitizen(field + "[" + i + "]", citizen, "must be a citizen_id, not null");
            }
            if (relative < 0) {
                throw new InvalidCitizen(field + "[" + i + "]", citizen, "must be a citizen_id >= 0, got " + relative);
            }
            if (relative.equals(citizen)) {
                throw new InvalidCitizen(field + "[" + i + "]", citizen, "names the citizen itself");
            }
            if (!seen.add(relative)) {
                throw new InvalidCitizen(field + "[" + i + "]", citizen, "names " + relative + " twice");
            }
        }
    }
}
