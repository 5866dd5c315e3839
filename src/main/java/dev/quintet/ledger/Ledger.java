package dev.quintet.ledger;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The ledger's public face, used by its controllers, its CLI and the console.
 * <p>
 * Writes go to the log ({@link GroupCommitter}) and are acknowledged once committed; delivery to the Redis
 * nodes follows ({@link Delivery}). Reads note the log's head when they start and are answered by a node
 * that has applied at least that much (so a read never misses a write acknowledged before it began),
 * else from the log itself. When the database cannot be reached, reads take the most advanced node that
 * answers; only when neither the log nor any node answers is the ledger unavailable.
 */
@Service
public class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private final LedgerRepository repository;
    private final GroupCommitter commits;
    private final Delivery delivery;

    Ledger(LedgerRepository repository, GroupCommitter commits, Delivery delivery) {
        this.repository = repository;
        this.commits = commits;
        this.delivery = delivery;
    }

    /** Thrown when no copy of the ledger (the log or a node) can be reached. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Thrown when an update is not newer than the name's removal. */
    public static class Removed extends RuntimeException {
        Removed(String message) {
            super(message);
        }
    }

    /** Thrown when a node's host is not among QUINTET_LEDGER_ALLOWED_HOSTS: bad input. */
    public static class NodeRefused extends RuntimeException {
        NodeRefused(String message) {
            super(message);
        }
    }

    /** Thrown when the ledger has QUINTET_LEDGER_MAX_NODES nodes already: the request is fine, the state full. */
    public static class TooManyNodes extends RuntimeException {
        TooManyNodes(String message) {
            super(message);
        }
    }

    /** Checks a timestamp of the form YYYYMMDDhhmmss; returns a message naming the problem, or null. */
    public static String checkTimestamp(long timestamp) {
        String text = Long.toString(timestamp);
        try {
            if (text.length() == 14) {
                LocalDateTime.parse(text, TIMESTAMP);
                return null;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        return "timestamp must be a date and time written YYYYMMDDhhmmss, e.g. 20140812003842, got " + timestamp;
    }

    /**
     * Appends a version; returns once it is committed. A version with the timestamp of a stored one
     * replaces it. Throws {@link Removed} when the name was removed with versions as new as this one.
     */
    public Version update(String name, String author, long timestamp) {
        GroupCommitter.Appended appended = commits.update(name, author, timestamp);
        if (appended.refusedBy() != null) {
            throw new Removed("'" + name + "' was removed after its version of " + appended.refusedBy()
                    + "; an update must have a later timestamp than that");
        }
        delivery.wakeAll();
        return new Version(timestamp, author);
    }

    /** Removes every version of the name; returns whether there was any. */
    public boolean remove(String name) {
        boolean removed = commits.remove(name).isPresent();
        if (removed) {
            delivery.wakeAll();
        }
        return removed;
    }

    /** The name's versions, oldest first; empty when it has none. */
    public List<Version> history(String name) {
        long start = startPosition();
        for (NodeWorker worker : candidates()) {
            try {
                RedisNode.Read read = worker.node.read(name);
                if (read.position() >= start && (start >= 0 || read.position() >= 0)) {
                    return LedgerState.versions(read.versions());
                }
            } catch (RuntimeException e) {
                log.debug("read from {} failed: {}", worker.node.shown, worker.node.scrub(e.toString()));
            }
        }
        if (start < 0) {
            throw new Unavailable("neither the log nor any node can be reached", null);
        }
        return LedgerState.versions(repository.versions(name, start));
    }

    /** The newest version of the name. */
    public Optional<Version> latest(String name) {
        List<Version> versions = history(name);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /** Every name with its versions, oldest first, names in order. */
    public Map<String, List<Version>> dump() {
        long start = startPosition();
        Map<String, TreeMap<Long, String>> records = null;
        for (NodeWorker worker : candidates()) {
            try {
                RedisNode.Dump dump = worker.node.dump();
                if (dump.position() >= start && (start >= 0 || dump.position() >= 0)) {
                    records = dump.records();
                    break;
                }
            } catch (RuntimeException e) {
                log.debug("dump from {} failed: {}", worker.node.shown, worker.node.scrub(e.toString()));
            }
        }
        if (records == null) {
            if (start < 0) {
                throw new Unavailable("neither the log nor any node can be reached", null);
            }
            records = repository.state(start).records();
        }
        Map<String, List<Version>> out = new LinkedHashMap<>();
        records.forEach((name, versions) -> out.put(name, LedgerState.versions(versions)));
        return out;
    }

    /** The last position committed to the log. */
    public long head() {
        return repository.head();
    }

    // --- nodes ---------------------------------------------------------------------------------------

    /** A node as the status endpoint and the console show it; its address without the password. */
    public record Node(String url, String source, String state, long appliedPosition, long lag, String deliveredBy,
                       String lastError, Long reportedAt) {
    }

    /** Nodes and the log's head. */
    public record Status(long head, List<Node> nodes) {
    }

    public Status status() {
        long head = repository.head();
        Map<String, LedgerRepository.Lease> leases = repository.leases();
        long now = System.currentTimeMillis();
        List<Node> nodes = new ArrayList<>();
        delivery.nodes().forEach((address, source) -> {
            LedgerRepository.Lease lease = leases.get(address);
            String url = RedisNode.shown(address);
            NodeWorker local = delivery.worker(address);
            if (local != null && local.holding()) {
                // this instance delivers: its own view is the freshest
                long applied = local.applied();
                nodes.add(new Node(url, source, local.state().name().toLowerCase(), applied,
                        applied < 0 ? head : head - applied, delivery.owner, local.lastError(), now));
            } else if (lease != null && lease.expiresMs() > now) {
                nodes.add(new Node(url, source, lease.state(), lease.applied(),
                        lease.applied() < 0 ? head : head - lease.applied(), lease.owner(), lease.lastError(), lease.updatedMs()));
            } else {
                nodes.add(new Node(url, source, "undelivered", lease == null ? -1 : lease.applied(),
                        lease == null || lease.applied() < 0 ? head : head - lease.applied(), null,
                        lease == null ? null : lease.lastError(), lease == null ? null : lease.updatedMs()));
            }
        });
        return new Status(head, nodes);
    }

    /**
     * Adds a node through the API; returns false when it is known already. Throws {@link NodeRefused} when
     * its host is not allowed, {@link TooManyNodes} when the ledger has as many nodes as it may.
     */
    public boolean addNode(String url) {
        String normal = RedisNode.normalise(url);
        Optional<String> refusal = delivery.refusal(normal);
        if (refusal.isPresent()) {
            throw new NodeRefused(refusal.get());
        }
        if (delivery.nodes().containsKey(normal) || delivery.configuredNodes().containsKey(normal)) {
            return false;
        }
        Optional<String> full = delivery.full();
        if (full.isPresent()) {
            throw new TooManyNodes(full.get());
        }
        boolean added = repository.addNode(normal);
        delivery.refresh();
        return added;
    }

    /** The node's full address when {@code url} is one shown with its password masked, else {@code url}. */
    private String unmask(String url) {
        if (!url.equals(RedisNode.shown(url))) {
            return url; // a password is given: it is the full address already
        }
        for (String node : repository.addedNodes()) {
            if (!node.equals(url) && RedisNode.shown(node).equals(url)) {
                return node;
            }
        }
        return url;
    }

    /** What removing a node came to. */
    public enum NodeRemoval { REMOVED, UNKNOWN, CONFIGURED }

    /**
     * Stops delivering to a node added through the API. The address may be given as the status shows it,
     * with its password masked: whoever reads the node list can remove a node without knowing it.
     */
    public NodeRemoval removeNode(String url) {
        String normal = unmask(RedisNode.normalise(url));
        if (delivery.configuredNodes().containsKey(normal)) {
            return NodeRemoval.CONFIGURED;
        }
        if (!repository.removeNode(normal)) {
            return NodeRemoval.UNKNOWN;
        }
        delivery.refresh();
        repository.forgetLease(normal);
        return NodeRemoval.REMOVED;
    }

    /** One node's reconciliation, see {@link NodeWorker#reconcile}. */
    public record Reconciliation(String url, String outcome, long position, int names, List<String> differing,
                                 int repaired) {
    }

    /** Compares every node this instance delivers to with the log, repairing differences if asked. */
    public List<Reconciliation> reconcile(boolean repair) {
        List<Reconciliation> reports = new ArrayList<>();
        for (String url : delivery.nodes().keySet()) {
            NodeWorker worker = delivery.worker(url);
            if (worker == null) {
                reports.add(new Reconciliation(RedisNode.shown(url), "skipped: this process does not deliver", -1, 0,
                        List.of(), 0));
                continue;
            }
            try {
                NodeWorker.Report r = worker.reconcile(repair);
                reports.add(new Reconciliation(r.url(), r.outcome(), r.position(), r.names(), r.differing(), r.repaired()));
            } catch (RuntimeException e) {
                reports.add(new Reconciliation(worker.node.shown, "unreachable: " + worker.node.scrub(e.getMessage()), -1, 0,
                        List.of(), 0));
            }
        }
        return reports;
    }

    // --- internals -----------------------------------------------------------------------------------

    /** The log's head, or -1 when the database cannot be reached (any node's copy will do then). */
    private long startPosition() {
        try {
            return repository.head();
        } catch (DataAccessException e) {
            log.warn("the ledger's log is unreachable, reading from a node: {}", e.toString());
            return -1;
        }
    }

    /** Nodes worth asking, those known to be up first, in a random order to spread reads. */
    private List<NodeWorker> candidates() {
        List<NodeWorker> up = new ArrayList<>();
        for (NodeWorker w : delivery.workers()) {
            if (w.state() != NodeWorker.State.DOWN && w.state() != NodeWorker.State.COPYING) {
                up.add(w);
            }
        }
        if (up.size() > 1) {
            Collections.rotate(up, ThreadLocalRandom.current().nextInt(up.size()));
        }
        return up;
    }
}
