package dev.quintet.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ledger's settings, each an environment variable too (QUINTET_LEDGER_NODES, ...).
 *
 * @param nodes       Redis nodes, comma-separated {@code redis://host:port}; none by default, and the
 *                    ledger then works from its log alone
 * @param nodesFile   a file re-read every {@code refresh} with more nodes (comma- or line-separated), for
 *                    changing the configured list without a restart, as the original re-read its env file
 * @param refresh     how often the node list is re-read
 * @param lease       how long an instance's claim to deliver to a node lasts unless renewed
 * @param batch       log entries applied to a node per script call
 * @param backoffMax  the longest wait between attempts on a node that is down, ours and the Redis client's
 *                    reconnects alike: a node that comes back is written to within about this long
 * @param timeout     connect and command timeout towards a node
 * @param allowedHosts the hosts a node may be on, comma-separated ({@code *}: any); by default loopback and
 *                    the hosts of the nodes configured at start, so an API call cannot point the ledger at
 *                    other machines of the network
 * @param maxNodes    the most nodes the ledger delivers to; adding one more through the API is refused
 * @param deliveryThreads the most platform threads delivering to nodes, however many nodes there are
 */
@ConfigurationProperties("quintet.ledger")
record LedgerProperties(
        @DefaultValue("") String nodes,
        @DefaultValue("") String nodesFile,
        @DefaultValue("5s") Duration refresh,
        @DefaultValue("10s") Duration lease,
        @DefaultValue("500") int batch,
        @DefaultValue("1s") Duration backoffMax,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("") String allowedHosts,
        @DefaultValue("64") int maxNodes,
        @DefaultValue("8") int deliveryThreads) {
}
