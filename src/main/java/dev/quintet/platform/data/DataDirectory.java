package dev.quintet.platform.data;

import dev.quintet.platform.StartupRefused;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.tools.Server;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;

/**
 * The embedded database's directory ({@code QUINTET_DATA}): private to its owner, checked to be writable,
 * and served by one server at a time. That server holds a lock file naming it and, for the command line,
 * shares the database over H2's TCP server on loopback, with a fresh key per start.
 * <p>
 * H2's own AUTO_SERVER would do the sharing, but it requires H2's shutdown hook, which closes the
 * database while the graceful shutdown still finishes requests.
 */
public final class DataDirectory {

    private static final String LOCK_FILE = "instance.lock";

    private final Path path;

    private DataDirectory(Path path) {
        this.path = path;
    }

    /** Creates the directory if needed, readable by its owner only, and refuses one that cannot be written. */
    public static DataDirectory prepare(String location) {
        Path path = Path.of(location).toAbsolutePath().normalize();
        try {
            Files.createDirectories(path);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
                try (Stream<Path> files = Files.list(path)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            }
            Files.deleteIfExists(Files.createTempFile(path, ".write-check", ""));
        } catch (IOException | SecurityException e) {
            throw new StartupRefused("QUINTET_DATA=" + path + " is not a writable directory (" + e + ")",
                    "Point QUINTET_DATA (or quintet.data) at a directory this user can write.");
        }
        return new DataDirectory(path);
    }

    /**
     * Takes the directory for this server until its context is closed, or refuses with the holder's name,
     * and shares the database at {@code databasePath} with the command line.
     */
    public void lockFor(SpringApplication application, String httpPort, String databasePath) {
        Path file = path.resolve(LOCK_FILE);
        Held held;
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (tryLock(channel) == null) {
                Properties holder = read(file);
                channel.close();
                throw new StartupRefused("another Quintet server (" + describe(holder) + ") already uses the data in "
                        + path, "Stop it, or give this one its own QUINTET_DATA; ./quintet commands may share it.");
            }
            String key = UUID.randomUUID().toString();
            Server tcp = Server.createTcpServer("-tcpPort", "0", "-key", key,
                    Path.of(databasePath).toAbsolutePath().normalize().toString()).start();
            Properties holder = new Properties();
            holder.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
            holder.setProperty("host", hostName());
            holder.setProperty("port", httpPort);
            holder.setProperty("started", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
            holder.setProperty("h2.port", String.valueOf(tcp.getPort()));
            holder.setProperty("h2.key", key);
            StringWriter text = new StringWriter();
            holder.store(text, "the Quintet server using this directory");
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            held = new Held(channel, tcp);
        } catch (IOException | SQLException e) {
            throw new StartupRefused("cannot lock " + file + " (" + e + ")",
                    "Point QUINTET_DATA (or quintet.data) at a directory this user can write.");
        }
        // registered before any bean, so destroyed after all of them: the database closes before the lock goes
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("quintetDataDirectoryLock", held);
            if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean("quintetDataDirectoryLock", held);
            }
        });
    }

    /**
     * For the command line: the JDBC URL of the running server's database, when a server holds the
     * directory; its {@code settings} are the embedded URL's, after the first {@code ;}.
     */
    public Optional<String> serverUrl(String settings) {
        Path file = path.resolve(LOCK_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe = tryLock(channel);
            if (probe != null) {
                probe.release();
                return Optional.empty(); // nobody serves it: the command line opens the files itself
            }
            Properties holder = read(file);
            return Optional.of("jdbc:h2:tcp://127.0.0.1:" + holder.getProperty("h2.port") + "/"
                    + holder.getProperty("h2.key") + settings);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM, e.g. a second server in one test run
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file)));
        return properties;
    }

    private static String describe(Properties holder) {
        return holder.isEmpty() ? "unknown" : "pid " + holder.getProperty("pid") + " on " + holder.getProperty("host")
                + ", port " + holder.getProperty("port") + ", started " + holder.getProperty("started");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** The open lock file and the TCP server; the server stops first, then closing the channel releases the lock. */
    private record Held(FileChannel channel, Server tcp) implements DisposableBean {

        @Override
        public void destroy() throws IOException {
            tcp.stop();
            channel.close();
        }
    }
}
