package dev.quintet.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Who this process is: the name it answers with behind a balancer, and since when it runs. */
@Component
public class Instance {

    private final String name;
    private final Instant startedAt = Instant.now();

    public Instance(QuintetProperties properties) {
        this.name = properties.instanceName().isBlank() ? hostName() : properties.instanceName();
    }

    public String name() {
        return name;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Duration uptime() {
        return Duration.between(startedAt, Instant.now());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // a container without a resolvable host name still has one in the environment
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "localhost";
        }
    }
}
