package dev.quintet.platform.data;

import java.util.Set;
import java.util.TreeSet;

/**
 * An order a client asked for: a column from a fixed list, {@code -} in front for descending. The column
 * is spliced into SQL (an ORDER BY cannot be a bind parameter), so only names from that list get here.
 */
public record Sort(String column, boolean descending) {

    /** @throws InvalidQuery naming {@code sort} when the column is not one of {@code allowed} */
    public static Sort parse(String text, Set<String> allowed) {
        String value = text == null ? "" : text.trim();
        boolean descending = value.startsWith("-");
        String column = descending ? value.substring(1) : value;
        if (!allowed.contains(column)) {
            throw new InvalidQuery("sort", "must be one of " + new TreeSet<>(allowed)
                    + " (prefix - for descending), got '" + text + "'");
        }
        return new Sort(column, descending);
    }

    /** The ORDER BY term, e.g. {@code population desc}. */
    public String sql() {
        return descending ? column + " desc" : column;
    }
}
