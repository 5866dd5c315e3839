package dev.quintet.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleControllerTest {

    @Test
    void requestsAreSummedPerServiceTagAcrossPathsAndStatuses() {
        var meters = new SimpleMeterRegistry();
        record(meters, 3, "service", "cars", "uri", "/api/cars/{serial}", "status", "200");
        record(meters, 2, "service", "cars", "uri", "/api/cars/{serial}", "status", "404");
        record(meters, 4, "service", "cars", "uri", "/api/cars", "status", "201");
        record(meters, 5, "service", "none", "uri", "/console/", "status", "200");
        record(meters, 1, "uri", "/untagged", "status", "200");
        meters.timer("something.else", "service", "cars").record(Duration.ofMillis(1));

        assertThat(ConsoleController.requestsByService(meters))
                .containsEntry("cars", 9L)
                .containsEntry("none", 6L)
                .hasSize(2);
    }

    @Test
    void uptimeReadsInItsTwoLargestUnits() {
        assertThat(ConsoleController.humanize(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(ConsoleController.humanize(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(ConsoleController.humanize(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
        assertThat(ConsoleController.humanize(Duration.ofHours(50))).isEqualTo("2 d 2 h");
    }

    private static void record(SimpleMeterRegistry meters, int times, String... tags) {
        Timer timer = meters.timer("http.server.requests", tags);
        for (int i = 0; i < times; i++) {
            timer.record(Duration.ofMillis(5));
        }
    }
}
