package dev.quintet.shop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The only class that knows the shop's tables. The SQL runs unchanged on H2 and PostgreSQL. */
@Repository
class UserRepository {

    // a collection exists once named; "on conflict do nothing" without a target runs on H2 and PostgreSQL
    private static final String NAME_COLLECTION = "insert into shop_collections (name) values (?) on conflict do nothing";
    private static final String INSERT_USER = "insert into shop_users (collection_name, name, age) values (?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DataSource dataSource;

    UserRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = new JdbcTemplate(dataSource);
        this.dataSource = dataSource;
    }

    /** Stores a user, naming its collection first if it is new; returns the user with its id. */
    User insert(String collection, NewUser user) {
        jdbc.sql(NAME_COLLECTION).param(collection).update();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT_USER).params(collection, user.name(), user.age()).update(key, "id");
        return new User(String.valueOf(key.getKeyAs(Number.class).longValue()), user.age(), user.name());
    }

    /** Stores many users in one batch, in list order. */
    void insertAll(String collection, List<NewUser> users) {
        jdbc.sql(NAME_COLLECTION).param(collection).update();
        batch.batchUpdate(INSERT_USER, users.stream()
                .map(u -> new Object[] {collection, u.name(), u.age()}).toList());
    }

    /** Up to {@code limit} users of the collection whose id is greater than {@code after}, in id order. */
    List<User> page(String collection, long after, int limit) {
        // ordering by the whole index, not just id, lets H2 walk the index instead of sorting the collection
        return jdbc.sql("""
                select id, age, name from shop_users where collection_name = ? and id > ?
                order by collection_name, id limit ?""")
                .params(collection, after, limit)
                .query(UserRepository::map)
                .list();
    }

    /** The oldest user of that name in the collection (names may repeat, as they could in the original). */
    Optional<User> findByName(String collection, String name) {
        return jdbc.sql("""
                select id, age, name from shop_users where collection_name = ? and name = ?
                order by collection_name, name, id limit 1""")
                .params(collection, name)
                .query(UserRepository::map)
                .optional();
    }

    long count(String collection) {
        return jdbc.sql("select count(*) from shop_users where collection_name = ?")
                .param(collection).query(Long.class).single();
    }

    /** Every collection with its number of users, by name. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select c.name, (select count(*) from shop_users u where u.collection_name = c.name) as users
                from shop_collections c order by c.name
                """).query(rs -> {
            counts.put(rs.getString("name"), rs.getLong("users"));
        });
        return counts;
    }

    /** The name of the database the tables live in (the original's {@code mongo_db}). */
    String databaseName() {
        try (Connection connection = dataSource.getConnection()) {
            String catalog = connection.getCatalog();
            return catalog == null ? "" : catalog;
        } catch (SQLException e) {
            return "";
        }
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(String.valueOf(rs.getLong("id")), rs.getLong("age"), rs.getString("name"));
    }
}
