package dev.quintet.platform.data;

/**
 * LIKE patterns from a client's text. The text is matched literally: {@code %}, {@code _} and the escape
 * character itself are escaped with {@link #ESCAPE}, the default escape of both H2 and PostgreSQL.
 */
public final class Like {

    public static final char ESCAPE = '\\';

    private Like() {
    }

    /** A pattern matching any value that contains {@code text}. */
    public static String contains(String text) {
        return "%" + escape(text) + "%";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
