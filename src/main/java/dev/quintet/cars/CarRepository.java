package dev.quintet.cars;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only class that knows the {@code cars} table. The SQL runs unchanged on H2 and PostgreSQL. */
@Repository
class CarRepository {

    private static final String COLUMNS = """
            serial_number, owner_name, model_year, code, vehicle_code,
            engine_capacity, engine_num_cylinders, engine_max_rpm, engine_manufacturer_code,
            fuel_speed, fuel_mpg, fuel_usage_description,
            performance_octane_rating, acceleration_mph, acceleration_seconds,
            manufacturer, model, activation_code""";

    private static final String INSERT = "insert into cars (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CarRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = new JdbcTemplate(dataSource);
    }

    Optional<Car> find(long serial) {
        return jdbc.sql("select " + COLUMNS + " from cars where serial_number = ?")
                .param(serial)
                .query(CarRepository::map)
                .optional();
    }

    /** Cars with a serial greater than {@code after}, in serial order. */
    List<Car> page(long after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from cars where serial_number > ? order by serial_number limit ?")
                .param(after)
                .param(limit)
                .query(CarRepository::map)
                .list();
    }

    /** @throws DuplicateKeyException when the serial is taken */
    void insert(Car car) {
        jdbc.sql(INSERT).params(values(car)).update();
    }

    /**
     * Inserts many cars in one batch; serials that are taken are skipped, as the original's unordered
     * bulk insert skipped duplicates.
     */
    void insertSkippingTaken(List<Car> cars) {
        batch.batchUpdate(INSERT + " on conflict do nothing", cars.stream().map(CarRepository::values).toList());
    }

    long count() {
        return jdbc.sql("select count(*) from cars").query(Long.class).single();
    }

    /** Removes every car; returns how many there were. */
    int deleteAll() {
        return jdbc.sql("delete from cars").update();
    }

    /** Whether the serial number is unique in the schema (a primary key or a unique index). */
    boolean hasUniqueSerialIndex() {
        return jdbc.sql("""
                select count(*) from information_schema.table_constraints tc
                join information_schema.key_column_usage k
                  on k.constraint_name = tc.constraint_name and k.table_name = tc.table_name
                where lower(tc.table_name) = 'cars' and lower(k.column_name) = 'serial_number'
                  and tc.constraint_type in ('PRIMARY KEY', 'UNIQUE')
                """).query(Long.class).single() > 0;
    }

    private static Object[] values(Car c) {
        return new Object[] {
                c.serialNumber(), c.ownerName(), c.modelYear(), c.code(), c.vehicleCode(),
                c.engine().capacity(), c.engine().numCylinders(), c.engine().maxRpm(), c.engine().manufacturerCode(),
                c.fuelFigures().speed(), c.fuelFigures().mpg(), c.fuelFigures().usageDescription(),
                c.performanceFigures().octaneRating(), c.performanceFigures().acceleration().mph(),
                c.performanceFigures().acceleration().seconds(),
                c.manufacturer(), c.model(), c.activationCode()};
    }

    private static Car map(ResultSet rs, int row) throws SQLException {
        return new Car(
                rs.getString("owner_name"),
                rs.getLong("serial_number"),
                rs.getLong("model_year"),
                rs.getString("code"),
                rs.getString("vehicle_code"),
                new Car.Engine(rs.getInt("engine_capacity"), rs.getInt("engine_num_cylinders"),
                        rs.getInt("engine_max_rpm"), rs.getString("engine_manufacturer_code")),
                new Car.FuelFigures(rs.getInt("fuel_speed"), rs.getDouble("fuel_mpg"),
                        rs.getString("fuel_usage_description")),
                new Car.PerformanceFigures(rs.getInt("performance_octane_rating"),
                        new Car.Acceleration(rs.getInt("acceleration_mph"), rs.getDouble("acceleration_seconds"))),
                rs.getString("manufacturer"),
                rs.getString("model"),
                rs.getString("activation_code"));
    }
}
