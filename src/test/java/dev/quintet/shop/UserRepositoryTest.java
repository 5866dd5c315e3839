package dev.quintet.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.quintet.platform.QuintetProperties;
import dev.quintet.platform.data.ServiceMigrations;
import dev.quintet.support.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** The same storage tests on embedded H2 and a real PostgreSQL, migrations and init included. */
class UserRepositoryTest {

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
        UserRepository repository;

        private final Supplier<HikariDataSource> database;

        Contract(Supplier<HikariDataSource> database) {
            this.database = database;
        }

        static void migrate(HikariDataSource dataSource) {
            new ServiceMigrations(dataSource, new QuintetProperties(List.of("shop"), "", "", DataSize.ofMegabytes(1)));
        }

        @BeforeEach
        void setUp() {
            dataSource = database.get();
            migrate(dataSource);
            repository = new UserRepository(JdbcClient.create(dataSource), dataSource);
        }

        @AfterEach
        void drop() {
            TestDatabases.release(dataSource);
        }

        @Test
        void theFirstStartHoldsTheOriginalsHelloDoc() {
            assertThat(repository.counts()).containsExactly(Map.entry("helloDoc", 1000L));
            List<User> all = repository.page("helloDoc", 0, 1000);
            assertThat(all).hasSize(1000);
            for (int i = 0; i < 1000; i++) {
                assertThat(all.get(i).name()).isEqualTo("ly" + i);
                assertThat(all.get(i).age()).isEqualTo(i);
            }
            assertThat(repository.findByName("helloDoc", "ly999")).get().extracting(User::age).isEqualTo(999L);
        }

        @Test
        void restartsAndInstancesStartingTogetherDoNotInitTwice() throws Exception {
            migrate(dataSource);
            try (var pool = Executors.newFixedThreadPool(3)) {
                List<Callable<Object>> starts = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    starts.add(() -> {
                        migrate(dataSource);
                        return null;
                    });
                }
                for (var f : pool.invokeAll(starts)) {
                    f.get();
                }
            }
            assertThat(repository.count("helloDoc")).isEqualTo(1000);
        }

        @Test
        void aNameMayRepeatWithinAndAcrossCollectionsAndTheOldestIsFound() {
            User first = repository.insert("shop-a", new NewUser(30L, "Ann"));
            User second = repository.insert("shop-a", new NewUser(31L, "Ann"));
            User other = repository.insert("shop_b", new NewUser(40L, "Ann"));
            assertThat(Long.parseLong(second.id())).isGreaterThan(Long.parseLong(first.id()));
            assertThat(repository.findByName("shop-a", "Ann")).contains(first);
            assertThat(repository.findByName("shop_b", "Ann")).contains(other);
            assertThat(repository.findByName("shop_b", "ann")).isEmpty();
            assertThat(repository.count("shop-a")).isEqualTo(2);
            assertThat(repository.count("never")).isZero();
            assertThat(repository.counts()).containsKeys("helloDoc", "shop-a", "shop_b").doesNotContainKey("never");
        }

        @Test
        void theWidestValuesFit() {
            String name = "Ёжиков".repeat(43).substring(0, 255);
            User user = repository.insert("x".repeat(64), new NewUser(Long.MIN_VALUE, name));
            assertThat(repository.findByName("x".repeat(64), name)).contains(user);
            assertThat(repository.insert("x".repeat(64), new NewUser(Long.MAX_VALUE, "m")).age()).isEqualTo(Long.MAX_VALUE);
        }

        /** Random inserts and page walks against a plain list as the reference; the seed is in the message. */
        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
        void pagesWalkEveryUserOnceInInsertionOrder(long seed) {
            Random random = new Random(seed);
            List<User> reference = new ArrayList<>();
            String collection = "c" + seed;
            int n = random.nextInt(60);
            List<NewUser> batch = IntStream.range(0, n).mapToObj(i -> new NewUser((long) random.nextInt(100), "u" + random.nextInt(10))).toList();
            repository.insertAll(collection, batch);
            reference.addAll(repository.page(collection, 0, 1000));
            assertThat(reference).as("seed %d", seed).extracting(User::name).containsExactlyElementsOf(batch.stream().map(NewUser::name).toList());
            for (int i = 0; i < 5; i++) {
                reference.add(repository.insert(collection, new NewUser(1L, "late" + i)));
            }
            int limit = 1 + random.nextInt(7);
            List<User> walked = new ArrayList<>();
            long after = 0;
            while (true) {
                List<User> page = repository.page(collection, after, limit);
                assertThat(page.size()).as("seed %d", seed).isLessThanOrEqualTo(limit);
                walked.addAll(page);
                if (page.size() < limit) {
                    break;
                }
                after = Long.parseLong(page.getLast().id());
            }
            assertThat(walked).as("seed %d", seed).containsExactlyElementsOf(reference);
        }
    }
}
