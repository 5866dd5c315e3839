package dev.quintet.hotels;

import dev.quintet.platform.data.Like;
import dev.quintet.platform.data.PageRequest;
import dev.quintet.platform.data.Sort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The geo tables. They are filled from the CSV files shipped in the jar the first time an instance finds
 * them empty; the inserts skip rows that exist, so instances starting together on one database fill them
 * once between them. A city's id is its line number in the file, so ids (and the sandbox's content
 * seeded by them) are the same everywhere.
 */
@Repository
public class GeoRepository {

    /** The columns {@code sort} may name; anything else is refused before it reaches SQL. */
    static final Set<String> SORTABLE = Set.of("id", "name", "country", "population", "lat", "lon");

    private final JdbcClient jdbc;

    GeoRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        load(new JdbcTemplate(dataSource));
    }

    private void load(JdbcTemplate batch) {
        long cities = jdbc.sql("select count(*) from geo_cities").query(Long.class).single();
        long countries = jdbc.sql("select count(*) from geo_countries").query(Long.class).single();
        List<String[]> countryRows = csv("hotels/countries.csv");
        List<String[]> cityRows = csv("hotels/cities.csv");
        if (countries < countryRows.size()) {
            batch.batchUpdate("insert into geo_countries (code, name) values (?, ?) on conflict do nothing",
                    countryRows.stream().map(r -> new Object[] {r[0], r[1]}).toList());
        }
        if (cities < cityRows.size()) {
            List<Object[]> values = new ArrayList<>();
            for (int i = 0; i < cityRows.size(); i++) {
                String[] r = cityRows.get(i);
                values.add(new Object[] {i + 1, r[0], r[1], Double.parseDouble(r[2]), Double.parseDouble(r[3]),
                        Long.parseLong(r[4]), "1".equals(r[5])});
            }
            batch.batchUpdate("""
                    insert into geo_cities (id, name, country, lat, lon, population, capital)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", values);
        }
    }

    /** The rows of a CSV file without its header; the files quote nothing, so a comma always separates. */
    static List<String[]> csv(String resource) {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Country> countries() {
        return jdbc.sql("select code, name from geo_countries order by name")
                .query((rs, n) -> new Country(rs.getString("code"), rs.getString("name"))).list();
    }

    public Optional<Country> country(String code) {
        return jdbc.sql("select code, name from geo_countries where code = ?").param(code)
                .query((rs, n) -> new Country(rs.getString("code"), rs.getString("name"))).optional();
    }

    public Optional<City> city(int id) {
        return jdbc.sql("select * from geo_cities where id = ?").param(id).query(GeoRepository::city).optional();
    }

    /**
     * Cities whose name contains {@code search} (any case), in {@code country} when given, ordered by
     * {@code sort} (one of {@link #SORTABLE}) then id.
     */
    PageOf<City> cities(String search, String country, Sort sort, PageRequest page) {
        String where = " where lower(name) like :search and (:country = '' or country = :country)";
        String pattern = Like.contains(search.toLowerCase());
        long total = jdbc.sql("select count(*) from geo_cities" + where)
                .param("search", pattern).param("country", country).query(Long.class).single();
        List<City> items = jdbc.sql("select * from geo_cities" + where + " order by " + sort.sql()
                        + ", id limit :limit offset :offset")
                .param("search", pattern).param("country", country)
                .param("limit", page.size()).param("offset", page.offset())
                .query(GeoRepository::city).list();
        return new PageOf<>(items, page.page(), page.size(), total);
    }

    private static City city(ResultSet rs, int row) throws SQLException {
        return new City(rs.getInt("id"), rs.getString("name"), rs.getString("country"), rs.getDouble("lat"),
                rs.getDouble("lon"), rs.getLong("population"), rs.getBoolean("capital"));
    }
}
