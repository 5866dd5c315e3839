package dev.quintet.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.support.Http;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Property test: on random imports (random relations, dates around 29 February and around "today", a
 * randomly chosen today), then after random PATCHes, birthdays and percentiles equal what a plainly
 * written reference computes from the same citizens. Seeded; a failure names its seed.
 */
@SpringBootTest
class CitizenStatisticsPropertyTest {

    /** A clock whose instant each case sets, so "today" is part of what is random. */
    static final class SettableClock extends Clock {
        volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final SettableClock CLOCK = new SettableClock();

    @TestBean(name = "citizensClock")
    Clock clock;

    static Clock citizensClock() {
        return CLOCK;
    }

    @Autowired
    Citizens citizens;

    static IntStream seeds() {
        return IntStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void birthdaysAndPercentilesMatchTheReference(int seed) {
        Random random = new Random(seed);
        LocalDate today = switch (random.nextInt(4)) {
            case 0 -> LocalDate.of(2023, 2, 28);   // 29 Feb birthdays not yet had
            case 1 -> LocalDate.of(2024, 2, 29);
            case 2 -> LocalDate.of(2023, 3, 1);
            default -> LocalDate.of(1990 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
        };
        CLOCK.now = today.atTime(random.nextInt(24), 0).toInstant(ZoneOffset.UTC);

        List<Citizen> people = randomImport(random, today);
        long importId = citizens.importCitizens(people);
        String context = "seed " + seed + ", today " + today;
        check(importId, people, today, context);

        // random PATCHes of relatives and birth dates; the reference applies them its own plain way
        Map<Integer, Citizen> byId = new TreeMap<>();
        people.forEach(c -> byId.put(c.citizenId(), c));
        List<Integer> ids = new ArrayList<>(byId.keySet());
        for (int k = 0; k < 5 && !ids.isEmpty(); k++) {
            int who = ids.get(random.nextInt(ids.size()));
            List<Integer> relatives = new ArrayList<>();
            for (int other : ids) {
                if (other != who && random.nextInt(5) == 0) {
                    relatives.add(other);
                }
            }
            String birth = randomDate(random, today).format(CitizenRules.DATE);
            var body = Http.JSON.createObjectNode();
            body.put("birth_date", birth);
            relatives.forEach(body.putArray("relatives")::add);
            citizens.patch(importId, who, body);
            Citizen before = byId.get(who);
            Set<Integer> now = new HashSet<>(relatives);
            for (int r : before.relatives()) {
                if (!now.contains(r)) {
                    Citizen other = byId.get(r);
                    byId.put(r, other.withRelatives(other.relatives().stream().filter(x -> x != who).toList()));
                }
            }
            for (int r : relatives) {
                Citizen other = byId.get(r);
                if (!other.relatives().contains(who)) {
                    List<Integer> list = new ArrayList<>(other.relatives());
                    list.add(who);
                    byId.put(r, other.withRelatives(list));
                }
            }
            byId.put(who, new Citizen(who, before.town(), before.street(), before.building(), before.apartment(),
                    before.name(), birth, before.gender(), relatives));
        }
        check(importId, new ArrayList<>(byId.values()), today, context + ", after PATCHes");
    }

    private void check(long importId, List<Citizen> people, LocalDate today, String context) {
        // the stored citizens, relatives compared as sets
        Map<Integer, Set<Integer>> stored = new HashMap<>();
        citizens.citizens(importId).forEach(c -> stored.put(c.citizenId(), new HashSet<>(c.relatives())));
        Map<Integer, Set<Integer>> expected = new HashMap<>();
        people.forEach(c -> expected.put(c.citizenId(), new HashSet<>(c.relatives())));
        assertThat(stored).as(context).isEqualTo(expected);

        assertThat(toPlain(citizens.birthdays(importId))).as(context).isEqualTo(referenceBirthdays(people));
        assertThat(citizens.agePercentiles(importId)).as(context).isEqualTo(referencePercentiles(people, today));
    }

    private static Map<String, List<List<Integer>>> toPlain(Map<String, List<Presents>> months) {
        Map<String, List<List<Integer>>> plain = new TreeMap<>();
        months.forEach((m, list) -> plain.put(m, list.stream().map(p -> List.of(p.citizenId(), p.presents())).toList()));
        return plain;
    }

    // ---- the reference: as plain as it gets ----

    static Map<String, List<List<Integer>>> referenceBirthdays(List<Citizen> people) {
        Map<Integer, Integer> monthOf = new HashMap<>();
        for (Citizen c : people) {
            monthOf.put(c.citizenId(), Integer.parseInt(c.birthDate().substring(3, 5)));
        }
        Map<String, List<List<Integer>>> months = new TreeMap<>();
        for (int month = 1; month <= 12; month++) {
            List<List<Integer>> entries = new ArrayList<>();
            List<Citizen> sorted = new ArrayList<>(people);
            sorted.sort((a, b) -> Integer.compare(a.citizenId(), b.citizenId()));
            for (Citizen c : sorted) {
                int presents = 0;
                for (int r : c.relatives()) {
                    if (monthOf.get(r) == month) {
                        presents++;
                    }
                }
                if (presents > 0) {
                    entries.add(List.of(c.citizenId(), presents));
                }
            }
            months.put(String.valueOf(month), entries);
        }
        return months;
    }

    static List<TownPercentiles> referencePercentiles(List<Citizen> people, LocalDate today) {
        Map<String, List<Integer>> ages = new TreeMap<>();
        for (Citizen c : people) {
            int day = Integer.parseInt(c.birthDate().substring(0, 2));
            int month = Integer.parseInt(c.birthDate().substring(3, 5));
            int year = Integer.parseInt(c.birthDate().substring(6));
            int age = today.getYear() - year;
            if (today.getMonthValue() < month || (today.getMonthValue() == month && today.getDayOfMonth() < day)) {
                age--;
            }
            ages.computeIfAbsent(c.town(), t -> new ArrayList<>()).add(age);
        }
        List<TownPercentiles> result = new ArrayList<>();
        ages.forEach((town, list) -> {
            double[] a = list.stream().mapToDouble(Integer::doubleValue).sorted().toArray();
            result.add(new TownPercentiles(town, numpy(a, 50), numpy(a, 75), numpy(a, 99)));
        });
        return result;
    }

    /** numpy.percentile(a, p) (method "linear"), then round half up to 2 places. */
    static double numpy(double[] a, double p) {
        double h = (a.length - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        int hi = (int) Math.ceil(h);
        double v = a[lo] + (h - lo) * (a[hi] - a[lo]);
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    // ---- random imports ----

    static List<Citizen> randomImport(Random random, LocalDate today) {
        int n = random.nextInt(120);
        String[] towns = {"Москва", "Керчь", "Tver", "Ulan-Ude", "北京"};
        List<Integer> ids = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        while (ids.size() < n) {
            int id = random.nextBoolean() ? random.nextInt(1000) : Integer.MAX_VALUE - random.nextInt(1000);
            if (used.add(id)) {
                ids.add(id);
            }
        }
        Map<Integer, List<Integer>> relatives = new HashMap<>();
        ids.forEach(id -> relatives.put(id, new ArrayList<>()));
        int links = n < 2 ? 0 : random.nextInt(n * 2);
        for (int k = 0; k < links; k++) {
            int a = ids.get(random.nextInt(n));
            int b = ids.get(random.nextInt(n));
            if (a != b && !relatives.get(a).contains(b)) {
                relatives.get(a).add(b);
                relatives.get(b).add(a);
            }
        }
        List<Citizen> people = new ArrayList<>();
        for (int id : ids) {
            people.add(new Citizen(id, towns[random.nextInt(1 + random.nextInt(towns.length))], "Street", "1",
                    random.nextInt(100), "Name " + id, randomDate(random, today).format(CitizenRules.DATE),
                    random.nextBoolean() ? "male" : "female", relatives.get(id)));
        }
        return people;
    }

    static LocalDate randomDate(Random random, LocalDate today) {
        return switch (random.nextInt(4)) {
            case 0 -> LocalDate.of(1960 + 4 * random.nextInt(15), 2, 29);         // leap day births
            case 1 -> today.minusYears(1 + random.nextInt(80)).plusDays(random.nextInt(3) - 1); // birthday yesterday, today, tomorrow
            default -> today.minusDays(1 + random.nextInt(365 * 90));
        };
    }
}
