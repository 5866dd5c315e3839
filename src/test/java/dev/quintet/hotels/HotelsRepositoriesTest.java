package dev.quintet.hotels;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.quintet.hotels.sandbox.SandboxSite;
import dev.quintet.platform.QuintetProperties;
import dev.quintet.platform.data.PageRequest;
import dev.quintet.platform.data.ServiceMigrations;
import dev.quintet.platform.data.Sort;
import dev.quintet.support.TestDatabases;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.util.unit.DataSize;

/** The hotels service's SQL on both databases Quintet runs on: embedded H2 and a real PostgreSQL. */
class HotelsRepositoriesTest {

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

        static final City LYON = new City(171, "Lyon", "FR", 45.764, 4.8357, 520_000, false);

        HikariDataSource dataSource;
        JdbcClient jdbc;

        private final Supplier<HikariDataSource> database;

        Contract(Supplier<HikariDataSource> database) {
            this.database = database;
        }

        @BeforeEach
        void migrate() {
            dataSource = database.get();
            new ServiceMigrations(dataSource, new QuintetProperties(List.of("hotels"), "./data", "", DataSize.ofMegabytes(1)));
            jdbc = JdbcClient.create(dataSource);
        }

        @AfterEach
        void drop() {
            TestDatabases.release(dataSource);
        }

        @Test
        void geoDataLoadsOnceHoweverManyInstancesStart() {
            GeoRepository first = new GeoRepository(jdbc, dataSource);
            new GeoRepository(jdbc, dataSource);
            assertThat(first.countries()).hasSize(249);
            int cities = GeoRepository.csv("hotels/cities.csv").size();
            assertThat(jdbc.sql("select count(*) from geo_cities").query(Long.class).single()).isEqualTo(cities);
            assertThat(first.city(171)).contains(LYON);
            assertThat(first.cities("ly", "FR", new Sort("name", false), new PageRequest(1, 10)).items()).extracting(City::name).containsExactly("Lyon");
            assertThat(first.cities("", "", new Sort("population", true), new PageRequest(1, 1)).items().getFirst().name()).isEqualTo("Shanghai");
        }

        @Test
        void storingByUidIsIdempotentAndTheListFiltersAndSorts() {
            SelectedRepository repository = new SelectedRepository(jdbc);
            List<Hotel> hotels = SandboxSite.listing(LYON, 1);
            hotels.forEach(repository::store);
            hotels.forEach(repository::store);
            assertThat(repository.list(new SelectedRepository.Filter(null, null, null, null), new Sort("id", false), new PageRequest(1, 100)).total())
                    .isEqualTo(30);

            var filter = new SelectedRepository.Filter(171, null, 4, 3.0);
            long expected = hotels.stream().filter(h -> h.stars() >= 4 && h.rating() >= 3.0).count();
            PageOf<SelectedHotel> page = repository.list(filter, new Sort("rating", true), new PageRequest(1, 100));
            assertThat(page.total()).isEqualTo(expected);
            assertThat(page.items()).extracting(SelectedHotel::rating).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(repository.list(new SelectedRepository.Filter(null, "50%", null, null), new Sort("id", false), new PageRequest(1, 10)).total()).isZero();
            assertThat(repository.list(new SelectedRepository.Filter(null, hotels.get(4).name().toUpperCase(), null, null),
                    new Sort("id", false), new PageRequest(1, 10)).total()).isPositive();
        }

        @Test
        void storedUidsAreCountedHoweverManyAreAsked() {
            SelectedRepository repository = new SelectedRepository(jdbc);
            List<Hotel> hotels = SandboxSite.listing(LYON, 1);
            hotels.forEach(repository::store);
            // more than the 65,535 parameters PostgreSQL takes in one statement
            List<String> uids = new ArrayList<>(hotels.stream().map(Hotel::uid).toList());
            for (int i = 0; i < 70_000; i++) {
                uids.add("absent-" + i);
            }
            assertThat(repository.countUids(uids)).isEqualTo(30);
            assertThat(repository.countUids(List.of())).isZero();
        }

        @Test
        void twoWorkersNeverClaimTheSameItem() throws Exception {
            JobRepository jobs = new JobRepository(jdbc, dataSource, new DataSourceTransactionManager(dataSource));
            List<URI> urls = IntStream.range(0, 40).mapToObj(i -> URI.create("http://site/" + i)).toList();
            jobs.enqueue("s1", 171, urls);

            CountDownLatch go = new CountDownLatch(1);
            AtomicReference<List<JobRepository.Job>> a = new AtomicReference<>();
            AtomicReference<List<JobRepository.Job>> b = new AtomicReference<>();
            Thread ta = Thread.ofVirtual().start(() -> { await(go); a.set(jobs.claim("a", 25, Instant.now().minusSeconds(30))); });
            Thread tb = Thread.ofVirtual().start(() -> { await(go); b.set(jobs.claim("b", 25, Instant.now().minusSeconds(30))); });
            go.countDown();
            ta.join();
            tb.join();

            Set<Long> ids = new HashSet<>();
            a.get().forEach(j -> ids.add(j.id()));
            b.get().forEach(j -> assertThat(ids.add(j.id())).as("claimed twice: %d", j.id()).isTrue());
            assertThat(a.get().size() + b.get().size()).isEqualTo(40);

            // an item claimed by a worker that went silent is taken over once its lease is up
            assertThat(jobs.claim("c", 10, Instant.now().minusSeconds(30))).isEmpty();
            assertThat(jobs.claim("c", 10, Instant.now().plusSeconds(1))).hasSize(10);

            jobs.finish(a.get().getFirst().id(), "a", JobRepository.DONE, "{}", null, 1);
            jobs.delete("s1", Instant.now().minusSeconds(3600));
            assertThat(jdbc.sql("select count(*) from hotels_jobs").query(Long.class).single()).isZero();
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
