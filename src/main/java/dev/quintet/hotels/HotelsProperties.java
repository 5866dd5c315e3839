package dev.quintet.hotels;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the hotels service; each is an environment variable too
 * ({@code QUINTET_HOTELS_SANDBOX_LATENCY=300ms}, {@code QUINTET_HOTELS_SOURCE=https://...}).
 *
 * @param sandboxLatency     how long the sandbox travel site takes to answer each page
 * @param sandboxFailureRate the share of sandbox pages answered with 503 instead (0..1), to exercise retries
 * @param source             the travel site the scraper reads; empty means this instance's own sandbox
 * @param timeout            how long one page request may take before it counts as failed
 * @param retries            attempts after the first for a failed page
 * @param backoff            the wait before the first retry; doubled for each further one
 * @param concurrency        the most pages one search fetches at once (threads, virtual-threads, and
 *                           each instance's share of distributed)
 * @param threadsPool        the platform threads the {@code threads} strategy shares between all searches
 *                           of this instance; concurrent searches queue for them rather than start their own
 * @param jobLease           how long a distributed work item stays claimed before another instance may
 *                           take it over (its claimer is presumed dead)
 * @param searchTimeout      how long a distributed search waits for all its items
 * @param outboxRetry        how old an incomplete HotelsSelected publication must be before it is resubmitted
 */
@ConfigurationProperties("quintet.hotels")
public record HotelsProperties(
        @DefaultValue("150ms") Duration sandboxLatency,
        @DefaultValue("0") double sandboxFailureRate,
        @DefaultValue("") String source,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("3") int retries,
        @DefaultValue("100ms") Duration backoff,
        @DefaultValue("30") int concurrency,
        @DefaultValue("30") int threadsPool,
        @DefaultValue("30s") Duration jobLease,
        @DefaultValue("60s") Duration searchTimeout,
        @DefaultValue("30s") Duration outboxRetry) {
}
