package dev.quintet.citizens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The only class that knows the citizens tables. The SQL runs unchanged on H2 and PostgreSQL.
 * Callers hold the transaction; nothing here opens one.
 */
@Repository
class CitizenRepository {

    private static final String COLUMNS = "citizen_id, town, street, building, apartment, name, birth_date, gender";

    /** The most ids one IN list carries. */
    static final int IN_LIST_SLICE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CitizenRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = new JdbcTemplate(dataSource);
    }

    /** Stores a validated import; returns its id. */
    long insertImport(List<Citizen> citizens) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into citizens_imports (citizen_count) values (?)")
                .param(citizens.size())
                .update(key, "import_id");
        long importId = key.getKeyAs(Number.class).longValue();
        // batches: with pgJDBC's reWriteBatchedInserts these become multi-row inserts
        List<Object[]> rows = new ArrayList<>(citizens.size());
        List<Object[]> links = new ArrayList<>();
        for (Citizen c : citizens) {
            rows.add(new Object[] {importId, c.citizenId(), c.town(), c.street(), c.building(), c.apartment(),
                    c.name(), LocalDate.parse(c.birthDate(), CitizenRules.DATE), c.gender()});
            for (Integer relative : c.relatives()) {
                links.add(new Object[] {importId, c.citizenId(), relative});
            }
        }
        batch.batchUpdate("insert into citizens (import_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        if (!links.isEmpty()) {
            batch.batchUpdate("insert into citizens_relatives (import_id, citizen_id, relative_id) values (?, ?, ?)", links);
        }
        return importId;
    }

    boolean importExists(long importId) {
        return jdbc.sql("select count(*) from citizens_imports where import_id = ?").param(importId)
                .query(Long.class).single() > 0;
    }

    /**
     * Locks the import's row until the transaction ends, so PATCHes of one import run one at a time on
     * any database and any number of instances. False when there is no such import.
     */
    boolean lockImport(long importId) {
        return !jdbc.sql("select import_id from citizens_imports where import_id = ? for update").param(importId)
                .query(Long.class).list().isEmpty();
    }

    List<ImportSummary> imports() {
        return jdbc.sql("select import_id, created_at, citizen_count from citizens_imports order by import_id")
                .query((rs, i) -> new ImportSummary(rs.getLong("import_id"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getInt("citizen_count")))
                .list();
    }

    /** Deletes an import with its citizens and their relations; false when there was none. */
    boolean deleteImport(long importId) {
        // the import's row first, as PATCH takes it: the same lock order, so the two cannot deadlock
        if (!lockImport(importId)) {
            return false;
        }
        jdbc.sql("delete from citizens_relatives where import_id = ?").param(importId).update();
        jdbc.sql("delete from citizens where import_id = ?").param(importId).update();
        return jdbc.sql("delete from citizens_imports where import_id = ?").param(importId).update() > 0;
    }

    /** Every citizen of the import in citizen_id order, relatives in ascending order. */
    List<Citizen> citizens(long importId) {
        Map<Integer, List<Integer>> relatives = new HashMap<>();
        jdbc.sql("select citizen_id, relative_id from citizens_relatives where import_id = ? order by citizen_id, relative_id")
                .param(importId)
                .query(rs -> {
                    relatives.computeIfAbsent(rs.getInt(1), id -> new ArrayList<>()).add(rs.getInt(2));
                });
        return jdbc.sql("select " + COLUMNS + " from citizens where import_id = ? order by citizen_id")
                .param(importId)
                .query((rs, i) -> map(rs, relatives.getOrDefault(rs.getInt("citizen_id"), List.of())))
                .list();
    }

    /**
     * One page of the import's citizens in citizen_id order, relatives in ascending order: the rows from
     * {@code offset}, and the relatives of just their key range, so a page costs its own size.
     */
    List<Citizen> citizens(long importId, long offset, int limit) {
        List<Citizen> page = jdbc.sql("select " + COLUMNS + " from citizens where import_id = ? order by citizen_id limit ? offset ?")
                .params(importId, limit, offset)
                .query((rs, i) -> map(rs, List.of()))
                .list();
        if (page.isEmpty()) {
            return page;
        }
        Map<Integer, List<Integer>> relatives = new HashMap<>();
        jdbc.sql("""
                select citizen_id, relative_id from citizens_relatives
                where import_id = ? and citizen_id between ? and ? order by citizen_id, relative_id""")
                .params(importId, page.getFirst().citizenId(), page.getLast().citizenId())
                .query(rs -> {
                    relatives.computeIfAbsent(rs.getInt(1), id -> new ArrayList<>()).add(rs.getInt(2));
                });
        return page.stream().map(c -> c.withRelatives(relatives.getOrDefault(c.citizenId(), List.of()))).toList();
    }

    /** Presents bought in each month 1..12, summed over the import: one per relative born in that month. */
    List<Integer> presentsPerMonth(long importId) {
        Integer[] months = new Integer[12];
        Arrays.fill(months, 0);
        jdbc.sql("""
                select extract(month from c.birth_date) as birth_month, count(*) as presents
                from citizens_relatives r
                join citizens c on c.import_id = r.import_id and c.citizen_id = r.relative_id
                where r.import_id = ?
                group by extract(month from c.birth_date)""")
                .param(importId)
                .query(rs -> {
                    months[rs.getInt("birth_month") - 1] = rs.getInt("presents");
                });
        return List.of(months);
    }

    Optional<Citizen> citizen(long importId, int citizenId) {
        return jdbc.sql("select " + COLUMNS + " from citizens where import_id = ? and citizen_id = ?")
                .params(importId, citizenId)
                .query((rs, i) -> map(rs, relatives(importId, citizenId)))
                .optional();
    }

    List<Integer> relatives(long importId, int citizenId) {
        return jdbc.sql("select relative_id from citizens_relatives where import_id = ? and citizen_id = ? order by relative_id")
                .params(importId, citizenId)
                .query(Integer.class)
                .list();
    }

    /** How many citizens the import holds; 0 when there is no such import. */
    int citizenCount(long importId) {
        return jdbc.sql("select citizen_count from citizens_imports where import_id = ?").param(importId)
                .query(Integer.class).optional().orElse(0);
    }

    /**
     * Which of these ids are citizens of the import. Asked a slice of the sorted ids at a time: one IN list
     * would grow with the input, and PostgreSQL's protocol refuses a statement of more than 65,535
     * parameters. Each slice is also bounded by its first and last id, a range of the primary key, because
     * H2 checks an IN list of parameters row by row: so the slices read each row of the import once at most.
     */
    List<Integer> existing(long importId, Collection<Integer> citizenIds) {
        List<Integer> ids = citizenIds.stream().sorted().toList();
        List<Integer> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_LIST_SLICE) {
            List<Integer> slice = ids.subList(from, Math.min(ids.size(), from + IN_LIST_SLICE));
            found.addAll(jdbc.sql("""
                            select citizen_id from citizens
                            where import_id = :import and citizen_id between :first and :last and citizen_id in (:ids)""")
                    .param("import", importId)
                    .param("first", slice.getFirst())
                    .param("last", slice.getLast())
                    .param("ids", slice)
                    .query(Integer.class)
                    .list());
        }
        return found;
    }

    void update(long importId, int citizenId, CitizenPatch patch) {
        StringBuilder set = new StringBuilder();
        List<Object> values = new ArrayList<>();
        assign(set, values, "town", patch.town());
        assign(set, values, "street", patch.street());
        assign(set, values, "building", patch.building());
        assign(set, values, "apartment", patch.apartment());
        assign(set, values, "name", patch.name());
        assign(set, values, "birth_date", patch.birthDate());
        assign(set, values, "gender", patch.gender());
        if (values.isEmpty()) {
            return;
        }
        values.add(importId);
        values.add(citizenId);
        jdbc.sql("update citizens set " + set + " where import_id = ? and citizen_id = ?").params(values).update();
    }

    private static void assign(StringBuilder set, List<Object> values, String column, Object value) {
        if (value != null) {
            set.append(set.isEmpty() ? "" : ", ").append(column).append(" = ?");
            values.add(value);
        }
    }

    /** Adds the links citizen–relative in both directions. */
    void link(long importId, int citizenId, Collection<Integer> relatives) {
        List<Object[]> rows = new ArrayList<>(relatives.size() * 2);
        for (Integer relative : relatives) {
            rows.add(new Object[] {importId, citizenId, relative});
            rows.add(new Object[] {importId, relative, citizenId});
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate("insert into citizens_relatives (import_id, citizen_id, relative_id) values (?, ?, ?)", rows);
        }
    }

    /** Removes the links citizen–relative in both directions. */
    void unlink(long importId, int citizenId, Collection<Integer> relatives) {
        List<Object[]> rows = new ArrayList<>(relatives.size() * 2);
        for (Integer relative : relatives) {
            rows.add(new Object[] {importId, citizenId, relative});
            rows.add(new Object[] {importId, relative, citizenId});
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate("delete from citizens_relatives where import_id = ? and citizen_id = ? and relative_id = ?", rows);
        }
    }

    /** For each citizen and month: how many of the citizen's relatives were born in that month. */
    List<Presents> presents(long importId) {
        return jdbc.sql("""
                select r.citizen_id, extract(month from c.birth_date) as birth_month, count(*) as presents
                from citizens_relatives r
                join citizens c on c.import_id = r.import_id and c.citizen_id = r.relative_id
                where r.import_id = ?
                group by r.citizen_id, extract(month from c.birth_date)
                order by r.citizen_id
                """)
                .param(importId)
                .query((rs, i) -> new Presents(rs.getInt("citizen_id"), rs.getInt("birth_month"), rs.getInt("presents")))
                .list();
    }

    /** Every citizen's town and birth date, for age statistics. */
    List<TownBirth> townBirths(long importId) {
        return jdbc.sql("select town, birth_date from citizens where import_id = ?")
                .param(importId)
                .query((rs, i) -> new TownBirth(rs.getString(1), rs.getObject(2, LocalDate.class)))
                .list();
    }

    private static Citizen map(ResultSet rs, List<Integer> relatives) throws SQLException {
        return new Citizen(rs.getInt("citizen_id"), rs.getString("town"), rs.getString("street"),
                rs.getString("building"), rs.getInt("apartment"), rs.getString("name"),
                rs.getObject("birth_date", LocalDate.class).format(CitizenRules.DATE), rs.getString("gender"),
                relatives);
    }

    record Presents(int citizenId, int month, int count) {
    }

    record TownBirth(String town, LocalDate birthDate) {
    }
}
