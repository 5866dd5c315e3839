package dev.quintet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as a real process, as a user runs it: for tests that need a process boundary
 * (the CLI's exit codes, SIGTERM). The jar's path comes from the build (system property quintet.jar).
 */
public final class QuintetProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    public final int port;

    private QuintetProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the server on a free port and waits until it says it is ready. */
    public static QuintetProcess server(Path data, Map<String, String> env) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("quintet-server", ".log");
        var builder = new ProcessBuilder(command(List.of()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUINTET_PORT", String.valueOf(port));
        builder.environment().put("QUINTET_DATA", data.toString());
        builder.environment().putAll(env);
        QuintetProcess server = new QuintetProcess(builder.start(), log, port);
        try {
            server.awaitReady(Duration.ofSeconds(180)); // generous: a loaded 2-core machine takes over a minute
        } catch (RuntimeException | InterruptedException e) {
            server.close(); // a server that never became ready must not outlive the test
            throw e;
        }
        return server;
    }

    /** Runs one CLI command to its end; returns its exit code and everything it printed. */
    public static Result cli(Path data, String... args) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command(List.of(args))).redirectErrorStream(true);
        builder.environment().put("QUINTET_DATA", data.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("quintet " + String.join(" ", args) + " did not finish:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    public record Result(int exit, String output) {
    }

    /** Sends SIGTERM, as a process manager or {@code kill} does. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL, as {@code kill -9} or a crash: nothing runs on the way out, no shutdown hook, no flush. */
    public void kill9() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Http http = new Http(port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Quintet exited while starting:\n" + log());
            }
            try {
                if (http.get("/health/readiness").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Quintet was not ready after " + timeout + ":\n" + log());
    }

    private static List<String> command(List<String> args) {
        String jar = System.getProperty("quintet.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("no packaged jar at " + jar + "; run integration tests through ./test (mvn verify)");
        }
        // the JDK running the tests is one Quintet runs on (./test located it)
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar));
        command.addAll(args);
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
