package dev.quintet.platform;

import dev.quintet.platform.data.DataDirectory;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Refuses, before anything starts, a configuration that cannot work, and says why in one line: an unknown
 * service name (a typo such as {@code ledgr} would otherwise start, report ready and serve nothing), a data
 * directory that cannot be written, a second server on the data of a running one.
 */
class StartupChecks implements EnvironmentPostProcessor {

    private static final String H2_BIND_ADDRESS = "h2.bindAddress";
    private static final String H2_FILE = "jdbc:h2:file:";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        List<String> services = binder.bind("quintet.services", String[].class).map(List::of)
                .orElse(QuintetProperties.ALL_SERVICES);
        List<String> unknown = services.stream().filter(s -> !QuintetProperties.ALL_SERVICES.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new StartupRefused("QUINTET_SERVICES names unknown service(s) " + unknown + "; the services are "
                    + String.join(",", QuintetProperties.ALL_SERVICES),
                    "Correct QUINTET_SERVICES (or quintet.services), or leave it unset for all five.");
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith(H2_FILE)) {
            // H2's TCP server, which shares the database with the command line, listens on loopback only
            if (System.getProperty(H2_BIND_ADDRESS) == null) {
                System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
            }
            DataDirectory data = DataDirectory.prepare(binder.bind("quintet.data", String.class).orElse("./data"));
            int settings = url.indexOf(';') < 0 ? url.length() : url.indexOf(';');
            if (application.getWebApplicationType() != WebApplicationType.NONE) {
                data.lockFor(application, environment.getProperty("server.port", "8080"),
                        url.substring(H2_FILE.length(), settings));
            } else {
                // the command line works on a running server's database through that server
                data.serverUrl(url.substring(settings).replace(";DB_CLOSE_ON_EXIT=FALSE", "")).ifPresent(remote ->
                        environment.getPropertySources().addFirst(
                                new MapPropertySource("quintetRunningServer", Map.of("spring.datasource.url", remote))));
            }
        }
    }
}
