package dev.quintet.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger's state as the fold of its log, and the rules of that fold in one place:
 * <ul>
 * <li>a name's versions are keyed by timestamp; an update whose timestamp equals a stored version's
 *     replaces it (the later write in log order wins), so a retried update changes nothing;</li>
 * <li>a removal deletes every version of the name logged before it.</li>
 * </ul>
 * Redis nodes apply exactly the same rules (see {@link RedisNode}); reconciliation compares the two.
 */
final class LedgerState {

    /** name → (timestamp → author), names and timestamps in ascending order. */
    private final TreeMap<String, TreeMap<Long, String>> records = new TreeMap<>();
    private long position;

    void apply(LogEntry e) {
        if (e.kind() == LogEntry.UPDATE) {
            records.computeIfAbsent(e.name(), n -> new TreeMap<>()).put(e.ts(), e.author());
        } else {
            records.remove(e.name());
        }
        position = e.position();
    }

    long position() {
        return position;
    }

    Map<String, TreeMap<Long, String>> records() {
        return records;
    }

    static List<Version> versions(Map<Long, String> byTimestamp) {
        List<Version> list = new ArrayList<>(byTimestamp.size());
        byTimestamp.forEach((ts, author) -> list.add(new Version(ts, author)));
        return list;
    }
}
