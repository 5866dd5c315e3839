package dev.quintet.ledger;

import dev.quintet.platform.security.AdminProperties;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quintet ledger ...}: asks a running instance, since delivery (and so reconciliation, which
 * pauses it) lives in the server that holds the nodes' leases.
 */
@Component
@Command(name = "ledger", description = "Inspect and reconcile the ledger's Redis nodes on a running instance.",
        mixinStandardHelpOptions = true)
class LedgerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final AdminProperties admin;

    LedgerCommand(AdminProperties admin) {
        this.admin = admin;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "nodes", description = "Print the nodes with state, applied position and lag (JSON).")
    int nodes(@Option(names = "--host", defaultValue = "localhost:${QUINTET_PORT:-8080}", description = "HOST[:PORT], default ${DEFAULT-VALUE}")
              String host) throws IOException, InterruptedException {
        return call(host, HttpRequest.newBuilder(uri(host, "/api/ledger/nodes")).GET());
    }

    @Command(name = "reconcile", description = "Compare every node with the log and repair what differs (--check: only report).")
    int reconcile(@Option(names = "--host", defaultValue = "localhost:${QUINTET_PORT:-8080}", description = "HOST[:PORT], default ${DEFAULT-VALUE}")
                  String host,
                  @Option(names = "--check", description = "report differences without repairing") boolean check)
            throws IOException, InterruptedException {
        return call(host, HttpRequest.newBuilder(uri(host, "/api/ledger/reconcile?repair=" + !check))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private int call(String host, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (admin.tokenConfigured()) {
            // reconcile is an admin operation: the CLI sends the QUINTET_ADMIN_TOKEN the server reads too
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + admin.adminToken());
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            spec.commandLine().getOut().println(response.body());
            return response.statusCode() / 100 == 2 ? 0 : 1;
        } catch (ConnectException e) {
            spec.commandLine().getErr().println("no Quintet answers at " + host + ": " + e);
            return 1;
        }
    }

    private static URI uri(String host, String path) {
        return URI.create((host.contains("://") ? host : "http://" + host) + path);
    }
}
