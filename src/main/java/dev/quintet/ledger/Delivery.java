package dev.quintet.ledger;

import dev.quintet.platform.Instance;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps one {@link NodeWorker} per known node: the configured ones (QUINTET_LEDGER_NODES and the nodes
 * file, re-read every {@code refresh}) and those added through the API (stored in the database, so every
 * instance sees them). Runs in the server only: a CLI command must not take leases from it.
 */
@Component
class Delivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final LedgerLog ledgerLog;
    private final LedgerProperties settings;
    private final ApplicationContext context;
    /** This process's identity in leases: the instance name plus a per-process suffix. */
    final String owner;
    private final Map<String, NodeWorker> workers = new ConcurrentHashMap<>();
    private volatile Map<String, String> known = Map.of();
    private volatile boolean running;
    private ClientResources resources;
    private Thread refresher;

    Delivery(LedgerLog ledgerLog, LedgerProperties settings, ApplicationContext context, Instance instance) {
        this.ledgerLog = ledgerLog;
        this.settings = settings;
        this.context = context;
        this.owner = instance.name() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void start() {
        if (!(context instanceof WebServerApplicationContext)) {
            return;
        }
        resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        running = true;
        try {
            refresh();
        } catch (RuntimeException e) {
            // the database may not answer yet; the refresher tries again in a moment
            log.warn("could not read the ledger's node list: {}", e.toString());
        }
        refresher = Thread.ofVirtual().name("ledger-nodes").start(() -> {
            while (running) {
                try {
                    Thread.sleep(settings.refresh().toMillis());
                    refresh();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("could not refresh the ledger's node list: {}", e.toString());
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        if (refresher != null) {
            refresher.interrupt();
        }
        for (NodeWorker worker : workers.values()) {
            try {
                worker.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        if (resources != null) {
            resources.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Re-reads the node list; starts workers for new nodes and stops those of nodes gone. */
    synchronized void refresh() {
        Map<String, String> nodes = configuredNodes();
        for (String url : ledgerLog.addedNodes()) {
            nodes.putIfAbsent(url, "api");
        }
        known = Map.copyOf(nodes);
        if (!running) {
            return;
        }
        for (String url : nodes.keySet()) {
            workers.computeIfAbsent(url, u -> {
                NodeWorker worker = new NodeWorker(new RedisNode(u, resources, settings.timeout()), ledgerLog, settings, owner);
                worker.start();
                log.info("ledger node {} joined ({})", u, nodes.get(u));
                return worker;
            });
        }
        for (String url : new ArrayList<>(workers.keySet())) {
            if (!nodes.containsKey(url)) {
                try {
                    workers.remove(url).stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                log.info("ledger node {} left", url);
            }
        }
    }

    /** url → where it is configured ("config" or "api"), in order. */
    Map<String, String> nodes() {
        return running ? known : nodesNow();
    }

    private Map<String, String> nodesNow() {
        Map<String, String> nodes = configuredNodes();
        ledgerLog.addedNodes().forEach(url -> nodes.putIfAbsent(url, "api"));
        return nodes;
    }

    Map<String, String> configuredNodes() {
        Set<String> urls = new LinkedHashSet<>(split(settings.nodes()));
        if (!settings.nodesFile().isBlank()) {
            try {
                urls.addAll(split(Files.readString(Path.of(settings.nodesFile()))));
            } catch (IOException e) {
                log.warn("cannot read the ledger nodes file {}: {}", settings.nodesFile(), e.toString());
            }
        }
        Map<String, String> nodes = new LinkedHashMap<>();
        for (String url : urls) {
            try {
                nodes.put(RedisNode.normalise(url), "config");
            } catch (IllegalArgumentException e) {
                log.warn("ignoring a configured ledger node: {}", e.getMessage());
            }
        }
        return nodes;
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    Collection<NodeWorker> workers() {
        return workers.values();
    }

    NodeWorker worker(String url) {
        return workers.get(url);
    }

    void wakeAll() {
        workers.values().forEach(NodeWorker::wake);
    }
}
