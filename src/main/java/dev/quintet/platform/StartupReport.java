package dev.quintet.platform;

import dev.quintet.platform.data.DatabaseTopology;
import dev.quintet.platform.security.AdminProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One line, once the server is ready, that says what runs where: the first thing an operator looks for. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final QuintetProperties properties;
    private final Instance instance;
    private final DatabaseTopology topology;
    private final AdminProperties admin;

    StartupReport(QuintetProperties properties, Instance instance, DatabaseTopology topology, AdminProperties admin) {
        this.properties = properties;
        this.instance = instance;
        this.topology = topology;
        this.admin = admin;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return; // the CLI prints its own output
        }
        DatabaseTopology.Topology db = topology.describe();
        int port = web.getWebServer().getPort();
        log.info("Quintet {} ready on http://localhost:{}/ (console /console/, API docs /docs): services {}, {} {} at {}",
                instance.name(), port, properties.services(), db.kind(), db.primary() ? "primary" : "standby", db.url());
        log.info("Security: the five contracts are open, cross-site browser writes are refused, {}", admin.mode());
    }
}
