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
 * @param backoffMax  the longest wait between attempts on a node that is down
 * @param timeout     connect and command timeout towards a node
 */
@ConfigurationProperties("quintet.ledger")
record LedgerProperties(
        @DefaultValue("") String nodes,
        @DefaultValue("") String nodesFile,
        @DefaultValue("5s") Duration refresh,
        @DefaultValue("10s") Duration lease,
        @DefaultValue("500") int batch,
        @DefaultValue("5s") Duration backoffMax,
        @DefaultValue("2s") Duration timeout) {
}
