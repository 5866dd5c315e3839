package dev.quintet.hotels;

import dev.quintet.platform.data.Like;
import dev.quintet.platform.data.PageRequest;
import dev.quintet.platform.data.Sort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only class that knows {@code hotels_selected}. */
@Repository
class SelectedRepository {

    /** The columns {@code sort} may name; anything else is refused before it reaches SQL. */
    static final Set<String> SORTABLE = Set.of("id", "name", "rating", "reviews", "stars", "rank", "city_id", "selected_at");

    /** A filter on the list: each part applies when not null. */
    record Filter(Integer cityId, String search, Integer minStars, Double minRating) {
    }

    private final JdbcClient jdbc;

    SelectedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the hotel under its uid: a new uid is inserted, a known one is brought up to date, so
     * delivering the same selection twice leaves one row per hotel. Two deliveries racing on a new uid
     * are settled by the unique index: the insert that loses does nothing.
     */
    void store(Hotel h) {
        int updated = jdbc.sql("""
                update hotels_selected set name = ?, description = ?, url = ?, rating = ?, reviews = ?, rank = ?,
                  rank_total = ?, stars = ?, city_id = ? where uid = ?""")
                .params(h.name(), h.description(), h.url(), h.rating(), h.reviews(), h.rank(), h.rankTotal(),
                        h.stars(), h.cityId(), h.uid())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into hotels_selected (uid, name, description, url, rating, reviews, rank, rank_total, stars, city_id, selected_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(h.uid(), h.name(), h.description(), h.url(), h.rating(), h.reviews(), h.rank(), h.rankTotal(),
                            h.stars(), h.cityId(), OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
        }
    }

    Optional<SelectedHotel> find(long id) {
        return jdbc.sql("select * from hotels_selected where id = ?").param(id).query(SelectedRepository::map).optional();
    }

    Optional<SelectedHotel> findByUid(String uid) {
        return jdbc.sql("select * from hotels_selected where uid = ?").param(uid).query(SelectedRepository::map).optional();
    }

    /**
     * How many of these distinct uids are stored. The console passes a list from its query string, so it is
     * asked a slice at a time: one IN list would grow with the input, past what a statement may carry.
     */
    long countUids(List<String> uids) {
        long count = 0;
        for (int from = 0; from < uids.size(); from += 1000) {
            count += jdbc.sql("select count(*) from hotels_selected where uid in (:uids)")
                    .param("uids", uids.subList(from, Math.min(uids.size(), from + 1000)))
                    .query(Long.class).single();
        }
        return count;
    }

    /** @return whether the row existed; the caller has checked the uid is not another row's */
    boolean update(long id, Hotel h) {
        return jdbc.sql("""
                update hotels_selected set uid = ?, name = ?, description = ?, url = ?, rating = ?, reviews = ?, rank = ?,
                  rank_total = ?, stars = ?, city_id = ? where id = ?""")
                .params(h.uid(), h.name(), h.description(), h.url(), h.rating(), h.reviews(), h.rank(), h.rankTotal(),
                        h.stars(), h.cityId(), id)
                .update() > 0;
    }

    boolean delete(long id) {
        return jdbc.sql("delete from hotels_selected where id = ?").param(id).update() > 0;
    }

    PageOf<SelectedHotel> list(Filter filter, Sort sort, PageRequest page) {
        String where = " " + """
                where (:city_id is null or city_id = :city_id)
                   and (:search is null or lower(name) like :search or lower(description) like :search)
                   and (:min_stars is null or stars >= :min_stars)
                   and (:min_rating is null or rating >= :min_rating)""";
        String pattern = filter.search() == null ? null : Like.contains(filter.search().toLowerCase());
        long total = params(jdbc.sql("select count(*) from hotels_selected" + where), filter, pattern)
                .query(Long.class).single();
        List<SelectedHotel> items = params(jdbc.sql("select * from hotels_selected" + where + " order by "
                        + sort.sql() + ", id limit :limit offset :offset"), filter, pattern)
                .param("limit", page.size()).param("offset", page.offset())
                .query(SelectedRepository::map).list();
        return new PageOf<>(items, page.page(), page.size(), total);
    }

    /** How many selected hotels have each number of stars (0..5), and each rating rounded down to a half. */
    Map<Integer, Long> countByStars() {
        Map<Integer, Long> counts = new TreeMap<>();
        jdbc.sql("select stars, count(*) as n from hotels_selected group by stars")
                .query(rs -> {
                    counts.put(rs.getInt("stars"), rs.getLong("n"));
                });
        return counts;
    }

    List<Double> ratings() {
        return jdbc.sql("select rating from hotels_selected").query(Double.class).list();
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, Filter f, String pattern) {
        return spec.param("city_id", f.cityId(), Types.INTEGER)
                .param("search", pattern, Types.VARCHAR)
                .param("min_stars", f.minStars(), Types.INTEGER)
                .param("min_rating", f.minRating(), Types.DOUBLE);
    }

    private static SelectedHotel map(ResultSet rs, int row) throws SQLException {
        return new SelectedHotel(rs.getLong("id"), rs.getString("uid"), rs.getString("name"), rs.getString("description"),
                rs.getString("url"), rs.getDouble("rating"), rs.getInt("reviews"), rs.getInt("rank"), rs.getInt("rank_total"),
                rs.getInt("stars"), rs.getInt("city_id"), rs.getObject("selected_at", OffsetDateTime.class).toInstant());
    }
}
