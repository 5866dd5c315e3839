/**
 * ledger — versioned records replicated to every Redis node through a durable log (the
 * original's aiohttp + Celery + RabbitMQ fan-out to Redis nodes).
 * <p>
 * The log in Quintet's database is the source of truth: {@code POST /update} is answered only after its
 * entry is committed. Each entry has a position; appends are serialised on one row, so positions are
 * committed in order. The rules (also in {@link dev.quintet.ledger.LedgerState}): versions of a name
 * are ordered by timestamp; a version with the timestamp of a stored one replaces it (the later write
 * wins, so a retried update is harmless); a removal deletes every version logged before it and records
 * a tombstone, the newest timestamp it removed, and an update not newer than the tombstone is refused
 * with 409, so a late retry cannot bring a removed name back.
 * <p>
 * Every Redis node follows the log: a delivery loop per node applies entries in order through a Lua
 * script that moves the versions and the node's position ({@code quintet:ledger:position}) together and
 * skips what the node has already, so nothing is applied twice or skipped. A node without a copy first
 * gets a full copy. Exactly one instance delivers to a node at a time, the holder of the node's lease
 * row in the database. Reads go to a node that has applied everything up to the read's start, else to
 * the log. Reconciliation compares each node with the log at the node's position and rewrites what
 * differs.
 */
@ApplicationModule(displayName = "Ledger")
package dev.quintet.ledger;

import org.springframework.modulith.ApplicationModule;
