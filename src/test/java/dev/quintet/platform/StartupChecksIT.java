package dev.quintet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quintet.support.QuintetProcess;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start that cannot work stops at once and says why in one line, instead of half-starting. */
class StartupChecksIT {

    @TempDir
    Path data;

    @Test
    void anUnknownServiceNameStopsTheStart() throws Exception {
        assertThatThrownBy(() -> QuintetProcess.server(data, Map.of("QUINTET_SERVICES", "cars,ledgr")))
                .hasMessageContaining("QUINTET_SERVICES names unknown service(s) [ledgr]")
                .hasMessageNotContaining("\tat ");
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenStopsTheStart() throws Exception {
        Path file = Files.writeString(data.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> QuintetProcess.server(file.resolve("data"), Map.of()))
                .hasMessageContaining("is not a writable directory")
                .hasMessageNotContaining("\tat ");
    }

    @Test
    void aSecondServerOnTheSameDataIsRefusedButTheCliIsNot() throws Exception {
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (QuintetProcess first = QuintetProcess.server(data, Map.of())) {
            assertThatThrownBy(() -> QuintetProcess.server(data, Map.of()))
                    .hasMessageContaining("another Quintet server (pid")
                    .hasMessageContaining("port " + first.port)
                    .hasMessageContaining("already uses the data in " + data.toRealPath());

            QuintetProcess.Result cli = QuintetProcess.cli(data, "cars", "list");
            assertThat(cli.exit()).as(cli.output()).isZero();
            assertThat(first.isAlive()).isTrue();

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                    .as("the data directory is its owner's alone").isEqualTo("rwx------");
            Properties holder = new Properties();
            holder.load(new StringReader(Files.readString(data.resolve("instance.lock"))));
            int h2Port = Integer.parseInt(holder.getProperty("h2.port"));
            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), h2Port)) {
                assertThat(loopback.isConnected()).as("the CLI reaches the database on loopback").isTrue();
            }
            assertThat(listeningAddresses(h2Port)).as("the database's TCP port listens on loopback only")
                    .isNotEmpty().allMatch(LOOPBACK::contains);
        }
        // the lock goes with the process: the next server starts
        try (QuintetProcess next = QuintetProcess.server(data, Map.of())) {
            assertThat(next.isAlive()).isTrue();
        }
    }

    /** 127.0.0.1, the same mapped into IPv6, and ::1, as the kernel writes them in /proc/net/tcp and tcp6. */
    private static final List<String> LOOPBACK = List.of("0100007F", "0000000000000000FFFF00000100007F",
            "00000000000000000000000001000000");

    /** The local addresses (hex) of the sockets listening on a port, read from the kernel's tables. */
    private static List<String> listeningAddresses(int port) throws IOException {
        String hexPort = ":%04X".formatted(port);
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
        lines.addAll(Files.readAllLines(Path.of("/proc/net/tcp6")));
        return lines.stream().filter(line -> !line.trim().startsWith("sl"))
                .map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns[1].endsWith(hexPort) && columns[3].equals("0A")) // 0A: LISTEN
                .map(columns -> columns[1].substring(0, columns[1].indexOf(':')))
                .toList();
    }
}
