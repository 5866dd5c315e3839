package dev.quintet.cars;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.platform.cli.QuintetCli;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/** {@code quintet cars ...}, run in-process on the same beans the jar's CLI uses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CarsCommandTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Cars cars;

    @LocalServerPort
    int port;

    @BeforeEach
    void empty() {
        cars.dropAll();
    }

    @Test
    void fakeInsertsPlausibleCarsInBatchesAndSkipsTakenSerials() {
        Run first = run("cars", "fake", "2500", "100");
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("inserted 2500 cars, skipped 0 taken serials");
        assertThat(cars.count()).isEqualTo(2500);

        Car car = cars.find(100).orElseThrow();
        assertThat(car.modelYear()).isBetween(1995L, 2026L);
        assertThat(car.ownerName()).contains(" ");

        Run overlap = run("cars", "fake", "10", "2595");
        assertThat(overlap.out()).contains("inserted 5 cars, skipped 5 taken serials");
        assertThat(cars.find(2604)).isPresent();
    }

    @Test
    void fakeRefusesSerialsBeyondUint32() {
        assertThat(run("cars", "fake", "10", "4294967290").exit()).isEqualTo(2);
        assertThat(cars.count()).isZero();
    }

    @Test
    void listPrintsCarsInSerialOrder() {
        run("cars", "fake", "20", "0");
        Run list = run("cars", "list", "--limit", "3", "--after", "4");
        assertThat(list.out().lines().skip(1).limit(3).map(line -> line.split("\\s+")[0]))
                .containsExactly("5", "6", "7");
        assertThat(list.out()).contains("(3 of 20 cars)");
    }

    @Test
    void dropAsksFirstAndKeepsEverythingUnlessConfirmed() {
        run("cars", "fake", "5", "0");
        Run declined = withInput("no\n", () -> run("cars", "drop"));
        assertThat(declined.exit()).isEqualTo(1);
        assertThat(declined.out()).contains("Delete all 5 cars?", "nothing deleted");
        assertThat(cars.count()).isEqualTo(5);

        Run confirmed = withInput("yes\n", () -> run("cars", "drop"));
        assertThat(confirmed.out()).contains("deleted 5 cars");
        assertThat(cars.count()).isZero();

        run("cars", "fake", "3", "0");
        assertThat(run("cars", "drop", "--yes").out()).contains("deleted 3 cars");
    }

    @Test
    void indexAndReplicaReportTheDatabase() {
        Run index = run("cars", "index");
        assertThat(index.exit()).isZero();
        assertThat(index.out()).contains("unique index on serial_number: present");

        Run replica = run("cars", "replica");
        assertThat(replica.exit()).isZero();
        assertThat(replica.out()).contains("embedded H2", "a single node");
    }

    @Test
    void fakesendPostsToARunningInstance() throws Exception {
        Run sent = run("cars", "fakesend", "777", "--host", "localhost:" + port);
        assertThat(sent.exit()).isZero();
        assertThat(sent.out()).contains("201 {\"serial\":777}");
        assertThat(cars.find(777)).contains(FakeCars.car(777));

        Run again = run("cars", "fakesend", "777", "--host", "localhost:" + port);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).contains("409");

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run nobody = run("cars", "fakesend", "1", "--host", "localhost:" + closed);
        assertThat(nobody.exit()).isEqualTo(1);
        assertThat(nobody.err()).contains("no Quintet answers at http://localhost:" + closed);
    }

    @Test
    void aCommandIsRecognisedByItsFirstArgument() {
        assertThat(QuintetCli.isCommand(new String[] {"cars", "list"})).isTrue();
        assertThat(QuintetCli.isCommand(new String[] {"--help"})).isTrue();
        assertThat(QuintetCli.isCommand(new String[] {})).isFalse();
        assertThat(QuintetCli.isCommand(new String[] {"--server.port=9000"})).isFalse();
    }

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine cli = QuintetCli.commandLine(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run withInput(String input, Supplier<Run> command) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return command.get();
        } finally {
            System.setIn(original);
        }
    }
}
