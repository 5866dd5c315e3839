package dev.quintet.cars;

import dev.quintet.platform.data.DatabaseTopology;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code quintet cars ...}: the original soldcars-cli, against this instance's database. */
@Component
@Command(name = "cars", description = "Manage the store of sold cars.", mixinStandardHelpOptions = true)
class CarsCommand implements Callable<Integer> {

    private final Cars cars;
    private final CarRepository repository;
    private final DatabaseTopology topology;
    private final JsonMapper json;

    @Spec
    CommandSpec spec;

    CarsCommand(Cars cars, CarRepository repository, DatabaseTopology topology, JsonMapper json) {
        this.cars = cars;
        this.repository = repository;
        this.topology = topology;
        this.json = json;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }

    @Command(name = "replica", description = "Report the database topology; with --standbys N, wait until N standbys stream.")
    int replica(@Option(names = "--standbys", defaultValue = "0", description = "standbys to wait for") int standbys,
                @Option(names = "--timeout", defaultValue = "60", description = "seconds to wait") int timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
        DatabaseTopology.Topology t = topology.describe();
        while (standbys > 0 && t.streaming() < standbys && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            t = topology.describe();
        }
        PrintWriter out = out();
        if (t.problem() != null) {
            out.println("database unreachable: " + t.problem());
            return 1;
        }
        if (t.embedded()) {
            out.printf("embedded H2 %s, a single node: %s%n", t.version(), t.url());
        } else {
            out.printf("PostgreSQL %s, %s: %s%n", t.version(), t.primary() ? "primary" : "standby", t.url());
            t.standbys().forEach(s -> out.printf("  standby %-12s %-15s %-10s %-6s replay lag %.0f ms%n",
                    s.name(), s.address(), s.state(), s.syncState(), s.replayLagMillis()));
            out.printf("%d standby(s) streaming%n", t.streaming());
        }
        if (t.streaming() < standbys) {
            out.printf("gave up after %d s: %d of %d standbys streaming%n", timeout, t.streaming(), standbys);
            return 1;
        }
        return 0;
    }

    @Command(name = "index", description = "Ensure the schema is migrated and serial numbers are unique.")
    int index() {
        // the repository is built on a migrated schema, so reaching it has ensured the index
        boolean unique = repository.hasUniqueSerialIndex();
        out().println(unique ? "unique index on serial_number: present" : "unique index on serial_number: MISSING");
        return unique ? 0 : 1;
    }

    @Command(name = "fake", description = "Insert COUNT fake cars with serials START, START+1, ... (taken serials are skipped).")
    int fake(@Parameters(index = "0", paramLabel = "COUNT") long count,
             @Parameters(index = "1", paramLabel = "START", defaultValue = "0") long start,
             @Option(names = "--batch", defaultValue = "1000", description = "cars per insert batch") int batchSize) {
        if (count < 0 || start < 0 || start + count - 1 > Car.UINT32) {
            spec.commandLine().getErr().println("serials must lie within 0.." + Car.UINT32);
            return 2;
        }
        long before = repository.count();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("fake cars").setInitialMax(count)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" cars", 1).showSpeed().continuousUpdate().build()) {
            List<Car> batch = new ArrayList<>(batchSize);
            for (long serial = start; serial < start + count; serial++) {
                batch.add(FakeCars.car(serial));
                if (batch.size() == batchSize) {
                    repository.insertSkippingTaken(batch);
                    bar.stepBy(batch.size());
                    batch.clear();
                }
            }
            repository.insertSkippingTaken(batch);
            bar.stepBy(batch.size());
        }
        long added = repository.count() - before;
        out().printf("inserted %d cars, skipped %d taken serials%n", added, count - added);
        return 0;
    }

    @Command(name = "list", description = "Print cars in serial order.")
    int list(@Option(names = "--limit", defaultValue = "10", description = "how many, 1..1000") int limit,
             @Option(names = "--after", defaultValue = "-1", description = "start after this serial") long after) {
        PrintWriter out = out();
        List<Car> page = cars.page(after, Math.max(1, limit));
        out.printf("%-10s  %-24s  %-12s  %-16s  %4s%n", "SERIAL", "OWNER", "MAKE", "MODEL", "YEAR");
        page.forEach(c -> out.printf("%-10d  %-24s  %-12s  %-16s  %4d%n",
                c.serialNumber(), clip(c.ownerName(), 24), clip(c.manufacturer(), 12), clip(c.model(), 16), c.modelYear()));
        out.printf("(%d of %d cars)%n", page.size(), cars.count());
        return 0;
    }

    @Command(name = "drop", description = "Delete every car (asks first unless --yes).")
    int drop(@Option(names = {"-y", "--yes"}, description = "do not ask") boolean yes) throws IOException {
        PrintWriter out = out();
        if (!yes) {
            out.printf("Delete all %d cars? Type 'yes' to confirm: ", cars.count());
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.trim().equalsIgnoreCase("yes")) {
                out.println("nothing deleted");
                return 1;
            }
        }
        out.printf("deleted %d cars%n", cars.dropAll());
        return 0;
    }

    @Command(name = "fakesend", description = "POST one fake car to a running instance and print its answer.")
    int fakesend(@Parameters(paramLabel = "SERIAL") long serial,
                 @Option(names = "--host", defaultValue = "localhost:${QUINTET_PORT:-8080}", description = "HOST[:PORT], default ${DEFAULT-VALUE}")
                 String host) throws IOException, InterruptedException {
        String body = json.writeValueAsString(FakeCars.car(serial));
        String base = host.contains("://") ? host : "http://" + host;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/cars"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            out().printf("%d %s%n", response.statusCode(), response.body());
            return response.statusCode() / 100 == 2 ? 0 : 1;
        } catch (ConnectException e) {
            spec.commandLine().getErr().println("no Quintet answers at " + base + ": " + e);
            return 1;
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
