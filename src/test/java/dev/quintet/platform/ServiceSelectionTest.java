package dev.quintet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.cars.Cars;
import dev.quintet.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A service left out of {@code quintet.services} has no beans, no endpoints and no tables. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "quintet.services=citizens")
class ServiceSelectionTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void carsIsAbsentWhenNotSelected() {
        assertThat(context.getBeanNamesForType(Cars.class)).isEmpty();
        assertThat(new Http(port).get("/api/cars/1").status()).isEqualTo(404);
        assertThat(new Http(port).get("/health/readiness").status()).isEqualTo(200);
        long tables = jdbc.sql("select count(*) from information_schema.tables where lower(table_name) = 'cars'")
                .query(Long.class).single();
        assertThat(tables).isZero();
    }

    @Test
    void classesAreAssignedToServicesByTheirTopLevelPackage() {
        assertThat(ServiceSelection.serviceOf("dev.quintet.cars.CarsController")).isEqualTo("cars");
        assertThat(ServiceSelection.serviceOf("dev.quintet.cars.internal.Thing")).isEqualTo("cars");
        assertThat(ServiceSelection.serviceOf("dev.quintet.platform.Instance")).isNull();
        assertThat(ServiceSelection.serviceOf("dev.quintet.QuintetApplication")).isNull();
        assertThat(ServiceSelection.serviceOf("org.example.cars.Thing")).isNull();
    }
}
