package dev.quintet.platform;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings shared by every service; each one is an environment variable too
 * ({@code QUINTET_SERVICES=cars,citizens}, {@code QUINTET_DATA=/var/lib/quintet}).
 *
 * @param services     which services this instance runs; all of {@link #ALL_SERVICES} when unset
 * @param data         where the embedded database keeps its files
 * @param instanceName the name this instance answers with behind a balancer; the host name when empty
 * @param maxBody      the largest request body accepted; larger ones get 413
 */
@ConfigurationProperties("quintet")
public record QuintetProperties(
        List<String> services,
        @DefaultValue("./data") String data,
        @DefaultValue("") String instanceName,
        @DefaultValue("1MB") DataSize maxBody) {

    /**
     * Every service Quintet knows, in the order the console shows them: the one place the list is written
     * (the default of {@code services}, the service selection and the startup checks all read it).
     */
    public static final List<String> ALL_SERVICES = List.of("cars", "citizens", "shop", "hotels", "ledger");

    public QuintetProperties {
        // not a @DefaultValue: that would be a second copy of ALL_SERVICES
        services = services == null ? ALL_SERVICES : List.copyOf(services);
    }

    public boolean runs(String service) {
        return services.contains(service);
    }
}
