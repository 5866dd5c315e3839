package dev.quintet.cars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.quintet.platform.QuintetProperties;
import dev.quintet.platform.data.ServiceMigrations;
import dev.quintet.support.TestDatabases;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** The same repository tests on both databases Quintet runs on: embedded H2 and a real PostgreSQL. */
class CarRepositoryTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(TestDatabases::h2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(TestDatabases::postgres);
        }
    }

    abstract static class Contract {

        HikariDataSource dataSource;
        CarRepository repository;

        private final Supplier<HikariDataSource> database;

        Contract(Supplier<HikariDataSource> database) {
            this.database = database;
        }

        @BeforeEach
        void migrate() {
            dataSource = database.get();
            new ServiceMigrations(dataSource, new QuintetProperties(List.of("cars"), "", "", DataSize.ofMegabytes(1)));
            repository = new CarRepository(JdbcClient.create(dataSource), dataSource);
        }

        @AfterEach
        void drop() {
            TestDatabases.release(dataSource);
        }

        @Test
        void aStoredCarComesBackFieldForField() {
            Car car = FakeCars.car(42);
            repository.insert(car);
            assertThat(repository.find(42)).contains(car);
            assertThat(repository.find(43)).isEmpty();
        }

        @Test
        void theLargestValuesFitTheirColumns() {
            Car car = TestCars.car(4_294_967_295L);
            Car widest = new Car("x".repeat(255), 4_294_967_295L, 4_294_967_295L, car.code(), car.vehicleCode(),
                    new Car.Engine(65_535, 255, 65_535, ""), new Car.FuelFigures(65_535, 1e300, "y".repeat(255)),
                    new Car.PerformanceFigures(65_535, new Car.Acceleration(65_535, -0.5)),
                    "Ёжиков".repeat(42), car.model(), car.activationCode());
            repository.insert(widest);
            assertThat(repository.find(4_294_967_295L)).contains(widest);
        }

        @Test
        void aTakenSerialIsADuplicateKey() {
            repository.insert(FakeCars.car(7));
            assertThatThrownBy(() -> repository.insert(FakeCars.car(7))).isInstanceOf(DuplicateKeyException.class);
            assertThat(repository.count()).isEqualTo(1);
        }

        @Test
        void batchesSkipTakenSerialsAndKeepTheStoredCar() {
            Car original = TestCars.car(5);
            repository.insert(original);
            repository.insertSkippingTaken(LongStream.range(0, 2_500).mapToObj(FakeCars::car).toList());
            assertThat(repository.count()).isEqualTo(2_500);
            assertThat(repository.find(5)).contains(original);
        }

        @Test
        void pagesFollowSerialOrder() {
            repository.insertSkippingTaken(LongStream.of(30, 10, 20, 40).mapToObj(FakeCars::car).toList());
            assertThat(repository.page(-1, 3)).extracting(Car::serialNumber).containsExactly(10L, 20L, 30L);
            assertThat(repository.page(30, 3)).extracting(Car::serialNumber).containsExactly(40L);
            assertThat(repository.page(40, 3)).isEmpty();
        }

        @Test
        void deleteAllEmptiesTheStoreAndTheIndexStays() {
            repository.insertSkippingTaken(LongStream.range(0, 10).mapToObj(FakeCars::car).toList());
            assertThat(repository.deleteAll()).isEqualTo(10);
            assertThat(repository.count()).isZero();
            assertThat(repository.hasUniqueSerialIndex()).isTrue();
        }
    }
}
