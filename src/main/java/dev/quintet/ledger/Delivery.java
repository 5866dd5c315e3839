package dev.quintet.ledger;

import dev.quintet.platform.Instance;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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

    private final LedgerRepository repository;
    private final LedgerProperties settings;
    private final ApplicationContext context;
    /** This process's identity in leases: the instance name plus a per-process suffix. */
    final String owner;
    private final Map<String, NodeWorker> workers = new ConcurrentHashMap<>();
    /** The hosts nodes may be on; empty: any (QUINTET_LEDGER_ALLOWED_HOSTS=*). */
    private final Set<String> allowedHosts;
    /** Addresses refused once already, so the refresh every few seconds does not repeat the warning. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile Map<String, String> known = Map.of();
    private volatile boolean running;
    private ClientResources resources;
    private ScheduledThreadPoolExecutor steps;
    private Thread refresher;

    Delivery(LedgerRepository repository, LedgerProperties settings, ApplicationContext context, Instance instance) {
        this.repository = repository;
        this.settings = settings;
        this.context = context;
        this.owner = instance.name() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.allowedHosts = allowedHosts(settings);
    }

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    /** The setting, or loopback plus the hosts of the nodes configured at start. */
    private static Set<String> allowedHosts(LedgerProperties settings) {
        Set<String> hosts = new LinkedHashSet<>();
        if (!settings.allowedHosts().isBlank()) {
            for (String host : split(settings.allowedHosts())) {
                if (host.equals("*")) {
                    return Set.of();
                }
                hosts.add(host.toLowerCase(Locale.ROOT));
            }
            return hosts;
        }
        hosts.addAll(LOOPBACK);
        for (String url : configuredUrls(settings)) {
            try {
                hosts.add(RedisNode.host(RedisNode.normalise(url)).toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // not an address: configuredNodes() says so
            }
        }
        return hosts;
    }

    /** Why a node address may not be used, if it may not. */
    Optional<String> refusal(String url) {
        if (allowedHosts.isEmpty()) {
            return Optional.empty();
        }
        String host = RedisNode.host(url).toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host) || (allowedHosts.contains("127.0.0.1") && host.startsWith("127."))) {
            return Optional.empty();
        }
        return Optional.of("host '" + host + "' is not allowed for ledger nodes; QUINTET_LEDGER_ALLOWED_HOSTS "
                + "(quintet.ledger.allowed-hosts) lists the hosts that are, now: " + String.join(",", allowedHosts));
    }

    /** Why one more node may not be added, if it may not. */
    Optional<String> full() {
        int count = nodesNow().size();
        return count < settings.maxNodes() ? Optional.empty()
                : Optional.of("the ledger has " + count + " nodes, the most QUINTET_LEDGER_MAX_NODES "
                + "(quintet.ledger.max-nodes) allows is " + settings.maxNodes() + "; remove one first");
    }

    @Override
    public void start() {
        if (!(context instanceof WebServerApplicationContext)) {
            return;
        }
        // one set of event loops for every node's client; reconnect attempts capped at backoff-max (Lettuce's
        // default grows to 30 s, so a node that came back waited that long for its next write)
        resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), settings.backoffMax(), 2, TimeUnit.MILLISECONDS))
                .build();
        // platform threads, not virtual: under load a virtual one queues behind every request on the few
        // carriers and the replication lag grows with the request rate (p99 ~1 s against ~20 ms measured);
        // a bounded pool, so threads do not grow with the nodes: a step blocks for at most the timeout
        AtomicInteger threadNumber = new AtomicInteger();
        steps = new ScheduledThreadPoolExecutor(Math.max(1, settings.deliveryThreads()),
                r -> Thread.ofPlatform().daemon().name("ledger-delivery-" + threadNumber.incrementAndGet()).unstarted(r));
        steps.setRemoveOnCancelPolicy(true);
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

    /**
     * Stops every node's delivery at once, with one deadline for all: nodes stopped one after another (up
     * to 5 s each) kept a process with hundreds of nodes alive for minutes after SIGTERM.
     */
    @Override
    public void stop() {
        running = false;
        if (refresher != null) {
            refresher.interrupt();
        }
        if (steps == null) {
            return;
        }
        long deadline = System.nanoTime() + STOP_DEADLINE.toNanos();
        List<NodeWorker> stopping = new ArrayList<>(workers.values());
        workers.clear();
        stopping.forEach(NodeWorker::signalStop);
        steps.shutdown();
        try {
            // steps under way end within the timeout (or fail once their nodes are closed below)
            steps.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        steps.shutdownNow();
        try {
            repository.releaseLeases(owner);
        } catch (RuntimeException e) {
            log.debug("could not release the ledger's leases: {}", e.toString());
        }
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        for (NodeWorker worker : stopping) {
            closed.add(worker.node.closeAsync());
            worker.stopped();
        }
        try {
            CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new))
                    .get(Math.max(remaining(deadline), TimeUnit.MILLISECONDS.toNanos(500)), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.debug("not every ledger node closed in time: {}", e.toString());
        }
        resources.shutdown(0, 1, TimeUnit.SECONDS);
    }

    /** How long stopping every node may take together, well inside the shutdown grace period. */
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(5);

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Re-reads the node list; starts workers for new nodes and stops those of nodes gone. Only the list
     * is changed under the lock: a stopping worker may wait for its step, and that must not hold up
     * adding another node.
     */
    void refresh() {
        List<NodeWorker> gone = new ArrayList<>();
        synchronized (this) {
            Map<String, String> nodes = nodesNow();
            known = Map.copyOf(nodes);
            if (!running) {
                return;
            }
            steps.setCorePoolSize(Math.max(1, Math.min(nodes.size(), settings.deliveryThreads())));
            for (String url : nodes.keySet()) {
                workers.computeIfAbsent(url, u -> {
                    NodeWorker worker = new NodeWorker(new RedisNode(u, resources, settings.timeout()), repository, settings,
                            owner, steps);
                    worker.start();
                    log.info("ledger node {} joined ({})", worker.node.shown, nodes.get(u));
                    return worker;
                });
            }
            for (String url : new ArrayList<>(workers.keySet())) {
                if (!nodes.containsKey(url)) {
                    gone.add(workers.remove(url));
                }
            }
        }
        for (NodeWorker worker : gone) {
            try {
                worker.stop(settings.timeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.info("ledger node {} left", worker.node.shown);
        }
    }

    /** url → where it is configured ("config" or "api"), in order. */
    Map<String, String> nodes() {
        return running ? known : nodesNow();
    }

    /** The configured nodes, then those added through the API; refused hosts left out, at most max-nodes. */
    private Map<String, String> nodesNow() {
        Map<String, String> nodes = configuredNodes();
        for (String url : repository.addedNodes()) {
            // another instance with other settings may have added it
            if (!nodes.containsKey(url) && admitted(url)) {
                nodes.put(url, "api");
            }
        }
        if (nodes.size() <= settings.maxNodes()) {
            return nodes;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> node : nodes.entrySet()) {
            if (kept.size() < settings.maxNodes()) {
                kept.put(node.getKey(), node.getValue());
            } else if (warned.add(node.getKey())) {
                log.warn("ignoring ledger node {}: QUINTET_LEDGER_MAX_NODES is {}", RedisNode.shown(node.getKey()),
                        settings.maxNodes());
            }
        }
        return kept;
    }

    /** The configured nodes (QUINTET_LEDGER_NODES, then the nodes file) whose hosts are allowed. */
    Map<String, String> configuredNodes() {
        Map<String, String> nodes = new LinkedHashMap<>();
        for (String url : configuredUrls(settings)) {
            try {
                String normal = RedisNode.normalise(url);
                if (admitted(normal)) {
                    nodes.put(normal, "config");
                }
            } catch (IllegalArgumentException e) {
                if (warned.add(url)) {
                    log.warn("ignoring a configured ledger node: {}", e.getMessage());
                }
            }
        }
        return nodes;
    }

    private boolean admitted(String url) {
        Optional<String> refusal = refusal(url);
        if (refusal.isPresent() && warned.add(url)) {
            log.warn("ignoring ledger node {}: {}", RedisNode.shown(url), refusal.get());
        }
        return refusal.isEmpty();
    }

    private static Set<String> configuredUrls(LedgerProperties settings) {
        Set<String> urls = new LinkedHashSet<>(split(settings.nodes()));
        if (!settings.nodesFile().isBlank()) {
            try {
                urls.addAll(split(Files.readString(Path.of(settings.nodesFile()))));
            } catch (IOException e) {
                log.warn("cannot read the ledger nodes file {}: {}", settings.nodesFile(), e.toString());
            }
        }
        return urls;
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
